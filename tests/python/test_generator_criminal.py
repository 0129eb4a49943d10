"""The generator's Crown Court bench warrants and P-NOMIS offences against
custody spells: where they lie in time, how often, and their consistency
with the courts' extracts and the sentencing law."""

from __future__ import annotations

# Rows the malformed-row injection altered are left out of these checks.
_CLEAN = (
    "{key} not in (select record_key from truth_malformed_rows "
    "where source_table = '{table}' and record_key is not null)"
)


def _clean(key: str, table: str) -> str:
    return _CLEAN.format(key=f"cast({key} as varchar)", table=table)


def test_crown_warrants_lie_between_receipt_and_disposal(db):
    rows = db.execute(
        f"""
        select
            count(*),
            count(*) filter (where w.issued_date < c.receipt_date
                or w.issued_date > d.disposal_date),
            count(*) filter (where coalesce(w.executed_date, w.withdrawn_date)
                <= w.issued_date
                or coalesce(w.executed_date, w.withdrawn_date) >= d.disposal_date),
            count(*) filter (where w.executed_date is not null
                and w.withdrawn_date is not null)
        from raw_xhibit__warrants as w
        inner join raw_xhibit__defendants as d using (defendant_on_case_id)
        inner join raw_xhibit__cases as c on d.case_id = c.case_id
        where {_clean("w.warrant_id", "warrants")}
            and {_clean("d.defendant_on_case_id", "defendants")}
            and {_clean("c.case_id", "cases")}
        """
    ).fetchone()
    total, outside, unresolved_in_case, both = rows
    assert total > 0
    assert outside == 0
    assert unresolved_in_case == 0
    assert both == 0


def test_crown_warrants_are_a_few_percent_and_more_on_longer_cases(db):
    share, long_rate, short_rate = db.execute(
        """
        with per_doc as (
            select
                d.defendant_on_case_id,
                date_diff('day', c.receipt_date, d.disposal_date) as wait,
                exists (
                    select 1 from raw_xhibit__warrants as w
                    where w.defendant_on_case_id = d.defendant_on_case_id
                ) as has_warrant
            from raw_xhibit__defendants as d
            inner join raw_xhibit__cases as c on d.case_id = c.case_id
            where d.disposal_date between '2000-01-01' and '2030-01-01'
                and c.receipt_date between '2000-01-01' and '2030-01-01'
        ),
        banded as (
            select *, wait > median(wait) over () as is_long from per_doc
        )
        select
            avg(cast(has_warrant as double)),
            avg(cast(has_warrant as double)) filter (where is_long),
            avg(cast(has_warrant as double)) filter (where not is_long)
        from banded
        """
    ).fetchone()
    assert 0.01 <= share <= 0.08, share
    assert long_rate > short_rate


def test_executed_warrants_sometimes_lack_their_date(floor_db):
    """About 8% of executed warrants keep no executed date: on the test
    extract's two dozen warrants that is often none, so measured on the
    larger extract."""
    no_outcome, total = floor_db.execute(
        "select count(*) filter (where executed_date is null and withdrawn_date is null), "
        "count(*) from raw_xhibit__warrants"
    ).fetchone()
    assert 0 < no_outcome < 0.25 * total


def test_custody_offences_are_offences_the_courts_dealt_with(db):
    """A sentenced offence held in P-NOMIS is an offence of the same person
    given custody at the magistrates' court or the Crown Court."""
    matched, total = db.execute(
        f"""
        with court_offences as (
            select r.person_key, o.offence_code
            from raw_libra__offence as o
            inner join truth_person_records as r
                on r.source_system = 'libra' and r.source_table = 'defendant_case'
                and r.record_key = cast(o.defendant_case_id as varchar)
            union
            select r.person_key, o.offence_code
            from raw_xhibit__offences as o
            inner join truth_person_records as r
                on r.source_system = 'xhibit' and r.source_table = 'defendants'
                and r.record_key = cast(o.defendant_on_case_id as varchar)
        ),
        charges as (
            select b.person_key, c.offence_code
            from raw_nomis__offender_charges as c
            inner join truth_nomis_bookings as b
                on b.offender_book_id = cast(c.offender_book_id as varchar)
            where c.charge_status = 'SENTENCED' and c.offence_code is not null
                and {_clean("c.offender_charge_id", "offender_charges")}
                and exists (
                    select 1 from raw_nomis__offender_sentences as s
                    where s.offender_book_id = c.offender_book_id
                        and s.sentence_seq = c.sentence_seq
                        and s.start_date >= '2013-06-01'
                )
        )
        select
            count(*) filter (where exists (
                select 1 from court_offences as k
                where k.person_key = charges.person_key
                    and k.offence_code = charges.offence_code
            )),
            count(*)
        from charges
        """
    ).fetchone()
    assert total > 0
    assert matched >= 0.95 * total, (matched, total)


def test_sentence_calc_types_follow_the_law(db):
    """IPP only between April 2005 and December 2012, EPP before LASPO and
    EDS after, young offender detention only under 21, life for murder,
    nothing on remand; a charge's term is its spell's sentence at most."""
    bad = db.execute(
        f"""
        with charges as (
            select c.*, s.start_date, s.sentence_length_days as spell_length,
                date_diff('day', p.date_of_birth, s.start_date) / 365.25 as age
            from raw_nomis__offender_charges as c
            inner join raw_nomis__offender_sentences as s
                on s.offender_book_id = c.offender_book_id
                and s.sentence_seq = c.sentence_seq
            inner join truth_nomis_bookings as b
                on b.offender_book_id = cast(c.offender_book_id as varchar)
            inner join truth_people as p on p.person_key = b.person_key
            where {_clean("c.offender_charge_id", "offender_charges")}
                and {_clean("s.sentence_id", "offender_sentences")}
        )
        select
            count(*) filter (where sentence_calc_type = 'IPP'
                and (start_date < '2005-04-04' or start_date >= '2012-12-03')),
            count(*) filter (where sentence_calc_type = 'EDS' and start_date < '2012-12-03'),
            count(*) filter (where sentence_calc_type = 'EPP' and start_date >= '2012-12-03'),
            count(*) filter (where sentence_calc_type = 'YOI' and age >= 21),
            count(*) filter (where sentence_calc_type in ('ADIMP', 'ADIMP_ORA') and age < 21),
            count(*) filter (where offence_code = 'COML025' and charge_status = 'SENTENCED'
                and sentence_calc_type <> 'LIFE'),
            count(*) filter (where charge_status = 'REMAND'
                and (sentence_calc_type is not null or sentence_length_days <> 0)),
            count(*) filter (where charge_status = 'SENTENCED'
                and (sentence_calc_type is null or sentence_length_days <= 0)),
            count(*) filter (where sentence_length_days > spell_length),
            count(*) filter (where sentence_calc_type = 'YOI')
        from charges
        """
    ).fetchone()
    *violations, yoi = bad
    assert violations == [0] * len(violations), violations
    assert yoi > 0


def test_every_sentenced_spell_holds_its_longest_offence(db):
    """The spell's sentence length is the longest term among its offences."""
    mismatched, total = db.execute(
        f"""
        with per_spell as (
            select offender_book_id, sentence_seq, max(sentence_length_days) as longest
            from raw_nomis__offender_charges
            where charge_status = 'SENTENCED'
                and {_clean("offender_charge_id", "offender_charges")}
            group by all
        )
        select count(*) filter (where s.sentence_length_days <> p.longest), count(*)
        from raw_nomis__offender_sentences as s
        inner join per_spell as p using (offender_book_id, sentence_seq)
        where s.imprisonment_status = 'SENTENCED'
            and {_clean("s.sentence_id", "offender_sentences")}
        """
    ).fetchone()
    assert total > 0
    assert mismatched <= 0.01 * total, (mismatched, total)


def test_co_defendants_share_their_case_and_hearings(db):
    """About one magistrates' defendant-case in six has a co-defendant: a
    different person under the same case number, police reference and court,
    with the same first hearing, disposal date and hearing dates."""
    share, groups, mixed, same_person, unequal_hearings = db.execute(
        f"""
        with cases as (
            select d.*, t.person_key
            from raw_libra__defendant_case as d
            inner join truth_person_records as t
                on t.source_table = 'defendant_case'
                and t.record_key = cast(d.defendant_case_id as varchar)
            where {_clean("d.defendant_case_id", "defendant_case")}
        ),
        grouped as (
            select case_number, urn,
                count(*) as defendants,
                count(distinct court_code || first_hearing_date || disposal_date) as versions,
                count(distinct person_key) as people
            from cases group by case_number, urn
        ),
        hearings as (
            select c.case_number, c.urn, c.defendant_case_id,
                string_agg(h.hearing_date, ',' order by h.hearing_date) as dates
            from cases as c
            inner join raw_libra__hearing as h using (defendant_case_id)
            where {_clean("h.hearing_id", "hearing")}
            group by all
        )
        select
            (select sum(defendants) filter (where defendants > 1) / sum(defendants)
             from grouped),
            (select count(*) filter (where defendants > 1) from grouped),
            (select count(*) filter (where defendants > 1 and versions > 1) from grouped),
            (select count(*) filter (where defendants > 1 and people < defendants) from grouped),
            (select count(*) from (
                select case_number, urn from hearings group by all
                having count(distinct dates) > 1 and count(*) > 1))
        """
    ).fetchone()
    assert 0.10 < share < 0.25, share
    assert groups > 100
    assert mixed == 0
    assert same_person == 0
    assert unequal_hearings <= 0.02 * groups


def test_co_defendants_sent_together_are_tried_on_one_crown_case(db):
    """Defendants on one Crown case came from one magistrates' case with
    the same police reference (co-defendants), each from their own
    defendant-case."""
    joint, bad = db.execute(
        f"""
        with doc as (
            select d.case_id, t.mags_defendant_case_id
            from raw_xhibit__defendants as d
            inner join truth_crown_mags_cases as t
                on t.defendant_on_case_id = d.defendant_on_case_id
            where {_clean("d.defendant_on_case_id", "defendants")}
                and t.mags_case_in_extract
        ),
        per_case as (
            select doc.case_id,
                count(*) as defendants,
                count(distinct m.defendant_case_id) as mags_cases,
                count(distinct m.urn) as urns
            from doc
            inner join raw_libra__defendant_case as m
                on cast(m.defendant_case_id as varchar) = doc.mags_defendant_case_id
            group by doc.case_id
        )
        select count(*) filter (where defendants > 1),
            count(*) filter (where defendants > 1 and (mags_cases < defendants or urns > 1))
        from per_case
        """
    ).fetchone()
    assert joint > 5
    assert bad == 0
