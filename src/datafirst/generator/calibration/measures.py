"""How each published figure is measured on a generated extract.

Every measure is a query on the raw extract (``data/raw``), the generator's
truth (``data/truth``: who each record really is, their sex and date of
birth) and the code lists (``seeds/``), never on the built warehouse: the
calibration needs no build. :func:`open_extract` exposes them as views
named ``<system>__<table>``, ``truth_<name>`` and ``seed_<name>``; the unit
tests create tables of the same names by hand.

A measure returns one number (a share or a ratio), or ``None`` when the
extract holds nothing to measure it on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

Measure = Callable[[duckdb.DuckDBPyConnection], float | None]
MEASURES: dict[str, Measure] = {}

#: Snapshot dates of the prison population: the quarter ends of these years
#: (the Offender Management Statistics count the population on the last day
#: of each quarter), pooled to steady a small extract.
SNAPSHOT_YEARS = range(2013, 2023)

#: Disposal types that are a sentence (the defendant was convicted).
SENTENCES = (
    "'immediate_custody', 'suspended_sentence', 'community_order', 'fine', "
    "'compensation', 'conditional_discharge', 'absolute_discharge', "
    "'otherwise_dealt_with', 'hospital_order'"
)


def measure(fn: Measure) -> Measure:
    MEASURES[fn.__name__] = fn
    return fn


def open_extract(raw_dir: Path, truth_dir: Path, seeds_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the extract, truth and code lists
    as views."""
    con = duckdb.connect()
    for path in sorted(Path(raw_dir).glob("*/*.parquet")):
        con.execute(
            f"create view {path.parent.name}__{path.stem} as select * from read_parquet('{path}')"
        )
    for path in sorted(Path(truth_dir).glob("*.parquet")):
        con.execute(f"create view truth_{path.stem} as select * from read_parquet('{path}')")
    for path in sorted(Path(seeds_dir).glob("*.csv")):
        con.execute(
            f"create view seed_{path.stem} as select * from "
            f"read_csv('{path}', header = true, all_varchar = true)"
        )
    return con


def _one(con, sql: str) -> float | None:
    value = con.execute(sql).fetchall()[0][0]
    return None if value is None else float(value)


def _libra_date(col: str) -> str:
    return f"cast(try_strptime({col}, '%d/%m/%Y') as date)"


def _age(dob: str, on: str) -> str:
    return f"floor(datediff('day', {dob}, {on}) / 365.25)"


# --- people: who the defendants and prisoners are -----------------------------

_MAGS_DEFENDANTS = f"""
    select
        {_libra_date("dc.first_hearing_date")} as event_date,
        ppl.sex,
        ppl.date_of_birth
    from libra__defendant_case as dc
    inner join truth_person_records as rec
        on rec.source_system = 'libra' and rec.source_table = 'defendant_case'
        and rec.record_key = cast(dc.defendant_case_id as varchar)
    inner join truth_people as ppl on ppl.person_key = rec.person_key
"""

_CROWN_DEFENDANTS = """
    select
        cast(cas.receipt_date as date) as event_date,
        ppl.sex,
        ppl.date_of_birth
    from xhibit__defendants as def
    inner join xhibit__cases as cas on cas.case_id = def.case_id
    inner join truth_person_records as rec
        on rec.source_system = 'xhibit' and rec.source_table = 'defendants'
        and rec.record_key = cast(def.defendant_on_case_id as varchar)
    inner join truth_people as ppl on ppl.person_key = rec.person_key
"""


def _prisoners_on_snapshots() -> str:
    """One row per person in custody (any spell: remand, sentence, recall)
    on each quarter end of the snapshot years."""
    years = ", ".join(str(y) for y in SNAPSHOT_YEARS)
    return f"""
    select distinct
        snap.snapshot_date,
        bok.person_key,
        ppl.sex,
        ppl.date_of_birth
    from (
        select cast(last_day(make_date(cast(yr as bigint), mon, 1)) as date) as snapshot_date
        from unnest([{years}]) as years (yr)
        cross join unnest([3, 6, 9, 12]) as months (mon)
    ) as snap
    inner join nomis__offender_sentences as sen
        on sen.start_date <= snap.snapshot_date
        and (sen.end_date is null or sen.end_date > snap.snapshot_date)
    inner join truth_nomis_bookings as bok
        on bok.offender_book_id = cast(sen.offender_book_id as varchar)
    inner join truth_people as ppl on ppl.person_key = bok.person_key
    """


def _share(rows: str, condition: str) -> str:
    return f"select avg(case when {condition} then 1.0 else 0.0 end) from ({rows})"


@measure
def prison_female_share(con):
    """Women among the people in prison on the quarter ends."""
    return _one(con, _share(_prisoners_on_snapshots(), "sex = 'F'"))


@measure
def prison_age_50_plus_share(con):
    """People aged 50 or over among those in prison on the quarter ends."""
    return _one(
        con, _share(_prisoners_on_snapshots(), f"{_age('date_of_birth', 'snapshot_date')} >= 50")
    )


@measure
def prison_age_18_24_share(con):
    """People aged 18 to 24 among those in prison on the quarter ends."""
    age = _age("date_of_birth", "snapshot_date")
    return _one(con, _share(_prisoners_on_snapshots(), f"{age} between 18 and 24"))


@measure
def mags_female_share(con):
    """Women among magistrates' court defendants (defendant cases)."""
    return _one(con, _share(_MAGS_DEFENDANTS, "sex = 'F'"))


@measure
def crown_female_share(con):
    """Women among Crown Court defendants (defendants on cases)."""
    return _one(con, _share(_CROWN_DEFENDANTS, "sex = 'F'"))


@measure
def mags_age_18_24_share(con):
    """Defendants aged 18 to 24 at their first hearing, magistrates' courts."""
    age = _age("date_of_birth", "event_date")
    return _one(
        con,
        _share(_MAGS_DEFENDANTS + " where event_date is not null", f"{age} between 18 and 24"),
    )


@measure
def crown_age_18_24_share(con):
    """Defendants aged 18 to 24 at receipt, Crown Court."""
    age = _age("date_of_birth", "event_date")
    return _one(
        con,
        _share(_CROWN_DEFENDANTS + " where event_date is not null", f"{age} between 18 and 24"),
    )


# --- offences, sentences and pleas -------------------------------------------

#: The principal offence, as the Criminal Justice System statistics (and
#: the marts) choose it: the count with the most severe outcome (result
#: priority of seeds/disposal_types.csv), then the most serious offence.
_CROWN_PRINCIPAL = """
    select
        off.defendant_on_case_id,
        arg_min(
            cod.offence_class,
            coalesce(cast(typ.result_priority as integer), 99) * 1000
            - cast(cod.seriousness_score as integer)
        ) as offence_class
    from xhibit__offences as off
    inner join xhibit__defendants as def
        on def.defendant_on_case_id = off.defendant_on_case_id
    inner join xhibit__cases as cas on cas.case_id = def.case_id
    inner join seed_offence_codes as cod on cod.offence_code = off.offence_code
    left join xhibit__disposals as dis on dis.offence_id = off.offence_id
    left join seed_disposal_codes as dcd
        on dcd.source_system = 'xhibit' and dcd.disposal_code = dis.disposal_code
    left join seed_disposal_types as typ on typ.disposal_type = dcd.disposal_type
    where cas.case_type in ('T', 'S')
    group by off.defendant_on_case_id
"""


@measure
def crown_summary_only_share(con):
    """Summary-only principal offences (by sentence, then seriousness) among
    Crown Court defendants sent for trial or committed for sentence (appeals
    excluded)."""
    return _one(con, _share(_CROWN_PRINCIPAL, "offence_class = 'summary'"))


@measure
def crown_indictable_only_share(con):
    """Indictable-only principal offences among the same defendants."""
    return _one(con, _share(_CROWN_PRINCIPAL, "offence_class = 'indictable_only'"))


_CROWN_SENTENCED = f"""
    select
        def.defendant_on_case_id,
        rec.person_key,
        cast(cas.receipt_date as date) as receipt_date,
        cast(def.disposal_date as date) as disposal_date,
        bool_or(cod.disposal_type = 'immediate_custody') as is_custody
    from xhibit__disposals as dis
    inner join xhibit__offences as off on off.offence_id = dis.offence_id
    inner join xhibit__defendants as def
        on def.defendant_on_case_id = off.defendant_on_case_id
    inner join xhibit__cases as cas on cas.case_id = def.case_id
    inner join seed_disposal_codes as cod
        on cod.source_system = 'xhibit' and cod.disposal_code = dis.disposal_code
    inner join truth_person_records as rec
        on rec.source_system = 'xhibit' and rec.source_table = 'defendants'
        and rec.record_key = cast(def.defendant_on_case_id as varchar)
    where cas.case_type in ('T', 'S')
    group by all
    having bool_or(cod.disposal_type in ({SENTENCES}))
"""

_MAGS_CONVICTED = f"""
    select
        dc.defendant_case_id,
        rec.person_key,
        {_libra_date("dc.disposal_date")} as disposal_date,
        bool_or(cod.disposal_type = 'immediate_custody') as is_custody,
        bool_or(cod.disposal_type in ({SENTENCES})) as is_sentenced_here
    from libra__offence as off
    inner join libra__defendant_case as dc on dc.defendant_case_id = off.defendant_case_id
    inner join seed_disposal_codes as cod
        on cod.source_system = 'libra' and cod.disposal_code = off.result_code
    inner join truth_person_records as rec
        on rec.source_system = 'libra' and rec.source_table = 'defendant_case'
        and rec.record_key = cast(dc.defendant_case_id as varchar)
    group by all
    having bool_or(cod.disposal_type in ({SENTENCES}, 'committed_for_sentence'))
"""


@measure
def crown_custody_rate(con):
    """Immediate custody among defendants sentenced at the Crown Court."""
    return _one(con, _share(_CROWN_SENTENCED, "is_custody"))


@measure
def mags_custody_rate(con):
    """Immediate custody among defendants sentenced at magistrates' courts."""
    sentenced_here = f"select * from ({_MAGS_CONVICTED}) where is_sentenced_here"
    return _one(con, _share(sentenced_here, "is_custody"))


@measure
def crown_custody_ratio_6plus_to_none(con):
    """Crown Court custody rate of defendants with six or more previous
    convictions (earlier convicted cases in either court's extract) divided
    by that of defendants with none."""
    return _one(
        con,
        f"""
        with convictions as (
            select person_key, disposal_date from ({_MAGS_CONVICTED})
            union all
            select person_key, disposal_date from ({_CROWN_SENTENCED})
        ),
        sentenced as (
            select
                crown.defendant_on_case_id,
                crown.is_custody,
                count(prev.person_key) as previous
            from ({_CROWN_SENTENCED}) as crown
            left join convictions as prev
                on prev.person_key = crown.person_key
                and prev.disposal_date < crown.receipt_date
            group by all
        )
        select
            avg(case when previous >= 6 then cast(is_custody as double) end)
            / nullif(avg(case when previous = 0 then cast(is_custody as double) end), 0)
        from sentenced
        """,
    )


_CROWN_PLEAS = """
    select
        off.defendant_on_case_id,
        cas.case_type,
        cast(def.disposal_date as date) as disposal_date,
        cast(off.plea_date as date) as plea_date,
        pc.plea_type in ('guilty', 'guilty_lesser') as is_guilty
    from xhibit__offences as off
    inner join xhibit__defendants as def
        on def.defendant_on_case_id = off.defendant_on_case_id
    inner join xhibit__cases as cas on cas.case_id = def.case_id
    inner join seed_plea_codes as pc
        on pc.source_system = 'xhibit' and pc.plea_code = off.plea_code
    where pc.plea_type in ('guilty', 'guilty_lesser', 'not_guilty')
        -- impossible dates are recording errors, quarantined downstream
        and cast(off.plea_date as date) between date '2000-01-01' and date '2024-12-31'
        and cast(def.disposal_date as date) between date '2000-01-01' and date '2024-12-31'
"""


@measure
def crown_guilty_plea_rate(con):
    """Defendants in trial cases who pleaded guilty to every count, among
    those with a plea."""
    return _one(
        con,
        _share(
            f"select defendant_on_case_id, bool_and(is_guilty) as all_guilty "
            f"from ({_CROWN_PLEAS}) where case_type = 'T' group by 1",
            "all_guilty",
        ),
    )


@measure
def crown_guilty_plea_after_disposal_share(con):
    """Guilty pleas dated after the defendant's disposal (impossible)."""
    return _one(
        con,
        _share(
            _CROWN_PLEAS + " and pc.plea_type in ('guilty', 'guilty_lesser')",
            "plea_date > disposal_date",
        ),
    )


# --- custody: release and recall ---------------------------------------------

_RELEASES = """
    select
        mov.offender_book_id,
        mov.movement_date as release_date,
        rsn.release_type,
        exists (
            select 1
            from nomis__external_movements as back
            inner join seed_movement_reasons as brs
                on brs.movement_type = back.movement_type
                and brs.movement_reason_code = back.movement_reason_code
            where back.offender_book_id = mov.offender_book_id
                and brs.spell_type = 'recall'
                and back.movement_date > mov.movement_date
        ) as is_recalled
    from nomis__external_movements as mov
    inner join seed_movement_reasons as rsn
        on rsn.movement_type = mov.movement_type
        and rsn.movement_reason_code = mov.movement_reason_code
    where mov.movement_type = 'REL'
        and mov.movement_date between date '2015-02-01' and date '2021-12-31'
"""


@measure
def licence_recall_share(con):
    """Releases on licence (conditional release, home detention curfew,
    parole) from Feb 2015 (licence for all) to 2021 followed by a recall."""
    return _one(
        con,
        _share(
            _RELEASES + " and rsn.release_type in "
            "('conditional_release', 'home_detention_curfew', 'parole')",
            "is_recalled",
        ),
    )


@measure
def parole_recall_share(con):
    """Releases on parole over the same years followed by a recall."""
    return _one(con, _share(_RELEASES + " and rsn.release_type = 'parole'", "is_recalled"))


# --- proven reoffending ------------------------------------------------------

_PROVEN_OFFENCES = f"""
    select rec.person_key, {_libra_date("off.offence_date")} as offence_date
    from libra__offence as off
    inner join seed_disposal_codes as cod
        on cod.source_system = 'libra' and cod.disposal_code = off.result_code
    inner join truth_person_records as rec
        on rec.source_system = 'libra' and rec.source_table = 'defendant_case'
        and rec.record_key = cast(off.defendant_case_id as varchar)
    where cod.disposal_type in ({SENTENCES}, 'committed_for_sentence', 'sent_for_trial')
"""


def _reoffended(cohort: str) -> str:
    """Share of a cohort (person_key, index_date) with an offence committed
    in the following year and dealt with at court (convicted, or sent or
    committed to the Crown Court)."""
    return f"""
    with cohort as ({cohort}),
    proven as ({_PROVEN_OFFENCES})
    select avg(case when exists (
        select 1 from proven
        where proven.person_key = cohort.person_key
            and proven.offence_date > cohort.index_date
            and proven.offence_date <= cohort.index_date + interval 365 day
    ) then 1.0 else 0.0 end)
    from cohort
    """


@measure
def proven_reoffending_court(con):
    """People convicted at a magistrates' court in 2016 (first conviction of
    the year as the index date) who reoffend within a year."""
    cohort = f"""
        select person_key, min(disposal_date) as index_date
        from ({_MAGS_CONVICTED})
        where disposal_date between date '2016-01-01' and date '2016-12-31'
        group by person_key
    """
    return _one(con, _reoffended(cohort))


@measure
def proven_reoffending_custody(con):
    """People released from a sentence in 2016 (first release of the year)
    who reoffend within a year."""
    cohort = """
        select bok.person_key, min(mov.movement_date) as index_date
        from nomis__external_movements as mov
        inner join seed_movement_reasons as rsn
            on rsn.movement_type = mov.movement_type
            and rsn.movement_reason_code = mov.movement_reason_code
        inner join truth_nomis_bookings as bok
            on bok.offender_book_id = cast(mov.offender_book_id as varchar)
        where mov.movement_type = 'REL'
            and rsn.release_type in
                ('conditional_release', 'home_detention_curfew', 'parole', 'end_of_sentence')
            and mov.movement_date between date '2016-01-01' and date '2016-12-31'
        group by bok.person_key
    """
    return _one(con, _reoffended(cohort))


# --- probation ---------------------------------------------------------------

#: Event termination reasons that can end each category of nDelius event.
TERMINATION_REASONS_BY_CATEGORY = {
    "community_order": ("EC", "EGP", "EB", "ER", "ET", "ED", "EX"),
    "suspended_sentence_order": ("EC", "EGP", "EB", "ER", "ET", "ED", "EX"),
    "custody_licence": ("EC", "EREC", "ER", "ET", "ED", "EX"),
    "pre_sentence": ("EC", "ET", "ED", "EX"),
}

_ENDED_EVENTS = """
    select dtp.event_category, evt.termination_reason_code as reason
    from delius__event as evt
    inner join seed_delius_disposal_types as dtp
        on dtp.disposal_type_code = evt.disposal_type_code
    -- known reasons only: junk codes are recording errors, quarantined downstream
    inner join seed_termination_reasons as rsn
        on rsn.applies_to = 'event'
        and rsn.termination_reason_code = evt.termination_reason_code
"""


@measure
def probation_orders_successful_share(con):
    """Community and suspended sentence orders that ended by expiry or early
    for good progress, among those terminated."""
    return _one(
        con,
        _share(
            _ENDED_EVENTS
            + " and dtp.event_category in ('community_order', 'suspended_sentence_order')",
            "reason in ('EC', 'EGP')",
        ),
    )


@measure
def probation_reason_mismatch_share(con):
    """Ended events whose termination reason cannot end an event of its
    category (a licence recall ending a community order, good progress
    ending a licence, a breach ending a pre-sentence report)."""
    allowed = " or ".join(
        f"(event_category = '{cat}' and reason in ({', '.join(repr(r) for r in reasons)}))"
        for cat, reasons in TERMINATION_REASONS_BY_CATEGORY.items()
    )
    categories = ", ".join(repr(c) for c in TERMINATION_REASONS_BY_CATEGORY)
    return _one(
        con,
        _share(
            _ENDED_EVENTS + f" and dtp.event_category in ({categories})",
            f"not ({allowed})",
        ),
    )


# --- family and civil courts -------------------------------------------------


@measure
def family_parties_criminal_share(con):
    """Adult parties to family cases (applicants, respondents, petitioners,
    birth parents) who also appear in the magistrates' or Crown Court
    extract."""
    return _one(
        con,
        """
        with parties as (
            select distinct rec.person_key
            from familyman__parties as par
            inner join truth_person_records as rec
                on rec.source_system = 'familyman' and rec.source_table = 'parties'
                and rec.record_key = cast(par.party_id as varchar)
            where par.party_type = 'person'
                and par.role_code in ('APP', 'RES', 'PET', 'CORES', 'BPT')
        ),
        criminal as (
            select distinct person_key from truth_person_records
            where source_system in ('libra', 'xhibit')
        )
        select avg(case when criminal.person_key is not null then 1.0 else 0.0 end)
        from parties
        left join criminal using (person_key)
        """,
    )


@measure
def pcol_landlord_share(con):
    """Landlord claims (rent arrears, accelerated, other breach) among
    possession claims issued through PCOL."""
    return _one(
        con,
        _share(
            "select claim_type_code from pcol__claims "
            "where claim_type_code in ('RS', 'RP', 'AC', 'OB', 'MG')",
            "claim_type_code <> 'MG'",
        ),
    )


@measure
def caseman_money_share(con):
    """Money claims among CaseMan claims other than possession."""
    return _one(
        con,
        _share(
            "select typ.claim_category from caseman__cases as cas "
            "inner join seed_civil_case_types as typ "
            "on typ.source_system = 'caseman' and typ.case_type_code = cas.case_type_code "
            "where typ.claim_category in ('money', 'other')",
            "claim_category = 'money'",
        ),
    )
