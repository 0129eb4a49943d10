"""P-NOMIS: the prison system (PRIS dataset).

Layout quirks: an offender record (prison number) that reception staff
should reuse when a person returns, but often do not (a new id) and
sometimes attach to the wrong person; an aliases table holding further names
and dates of birth; bookings per period of custody; movements in, out and
between prisons with reason codes; typed dates.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.dates import add_days
from datafirst.generator.systems._common import encode_ethnicity, encode_sex, ids
from datafirst.registry.nomis import (
    ALIASES,
    BOOKINGS,
    CHARGES,
    INCIDENTS,
    MOVEMENTS,
    OFFENDERS,
    SENTENCES,
    SOURCE,
)

SYSTEM = SOURCE.name
TABLES = SOURCE.tables
#: The extract is taken on this date: later spells and movements do not exist
#: yet, and custody running past it is still open.
EXTRACT_END = np.datetime64(COVERAGE[SYSTEM][1])


def _prison_number(rng, n):
    letters = np.array(list("ABCDEFGHJKLMNPRSTVWXYZ"), dtype=object)
    first = np.array(["A", "G"], dtype=object)[rng.integers(2, size=n)]
    digits = rng.integers(1000, 9999, size=n).astype(str).astype(object)
    return (
        first
        + digits
        + letters[rng.integers(len(letters), size=n)]
        + letters[rng.integers(len(letters), size=n)]
    )


def _assign_offender_records(ctx, rng, custody):
    """Reception staff link a returning person to an offender record: their
    own (usually), a new one (missed link), or another person's (wrong link)."""
    prof = ctx.profile
    pop = ctx.pop
    nb = len(custody)
    person = custody["person"]
    record_of_booking = np.empty(nb, dtype=np.int64)
    link_kind = np.empty(nb, dtype=object)
    creators: list[int] = []
    created: list[np.datetime64] = []
    latest_own: dict[int, int] = {}
    by_surname: dict[str, list[int]] = {}
    u = rng.random(nb)
    pick = rng.random(nb)
    for b in range(nb):
        p = int(person[b])
        if p not in latest_own:
            kind = "first"
        elif u[b] < prof.nomis_wrong_offender_id and creators:
            kind = "wrong_person"
        elif u[b] < prof.nomis_wrong_offender_id + prof.nomis_new_offender_id:
            kind = "new_id"
        else:
            kind = "linked"
        if kind == "wrong_person":
            # Staff pick a record with the same surname when there is one.
            same = [r for r in by_surname.get(pop.surname[p], [])[-50:] if creators[r] != p]
            rec = -1
            if same:
                rec = same[int(pick[b] * len(same)) % len(same)]
            else:
                for attempt in range(5):
                    cand = int((pick[b] * 7919 + attempt * 104729) % len(creators))
                    if creators[cand] != p:
                        rec = cand
                        break
            if rec < 0:
                kind = "linked"
        if kind == "linked":
            rec = latest_own[p]
        if kind in {"first", "new_id"}:
            rec = len(creators)
            creators.append(p)
            created.append(custody["start"][b])
            latest_own[p] = rec
            by_surname.setdefault(pop.surname[p], []).append(rec)
        record_of_booking[b] = rec
        link_kind[b] = kind
    return (
        record_of_booking,
        link_kind,
        np.array(creators, dtype=np.int64),
        np.array(created, dtype="datetime64[D]"),
    )


def write(ctx, history, others) -> None:
    rng = ctx.rng("nomis")
    custody, spells = history.custody, history.spells
    lo, _hi = (np.datetime64(d) for d in COVERAGE[SYSTEM])
    last = np.where(np.isnat(custody["end"]), np.datetime64("2099-01-01"), custody["end"])
    keep = (last >= lo) & (custody["start"] <= np.datetime64(COVERAGE[SYSTEM][1]))
    bookings = np.flatnonzero(keep)
    sub = custody.take(bookings)
    rec_of, link_kind, creators, created = _assign_offender_records(ctx, rng, sub)
    offender_id = _write_offenders(ctx, rng, creators, created)
    book_id = ids(rng, len(bookings), 2_000_000, 9)
    ctx.truth.add(
        "nomis_bookings",
        offender_book_id=book_id.astype(str).astype(object),
        person_key=ctx.pop.key[sub["person"]],
        offender_id=offender_id[rec_of].astype(str).astype(object),
        offender_record_person_key=ctx.pop.key[creators[rec_of]],
        link_kind=link_kind,
    )
    _write_aliases(ctx, rng, sub, rec_of, link_kind, creators, created, offender_id)

    prisons = _prisons(ctx)
    region = _person_region(ctx, sub["person"], sub["start"])
    female = ctx.pop.sex[sub["person"]] == "F"
    first_prison = _choose_prison(rng, prisons, region, female, local=True)
    booking_end = np.where(sub["end"] > EXTRACT_END, np.datetime64("NaT"), sub["end"])
    still_in = np.isnat(booking_end)
    ctx.writer.write(
        BOOKINGS,
        {
            "offender_book_id": book_id,
            "offender_id": offender_id[rec_of],
            "booking_no": np.array(
                [f"{x:05d}{'ABCDEFGH'[x % 8]}" for x in rng.integers(10000, 99999, len(book_id))],
                dtype=object,
            ),
            "booking_begin_date": sub["start"],
            "booking_end_date": booking_end,
            "agy_loc_id": first_prison,
            "active_flag": np.where(still_in, "Y", "N").astype(object),
        },
    )
    _write_spells_and_movements(
        ctx, rng, bookings, book_id, spells, prisons, region, female, first_prison,
        history.custody_charges,
    )  # fmt: skip


def _write_offenders(ctx, rng, creators, created) -> np.ndarray:
    """One row per offender record, the person as recorded at its first
    reception; the offender ids."""
    pop = ctx.pop
    n_rec = len(creators)
    offender_id = ids(rng, n_rec, 1_200_000, 40)
    rec = ctx.record(
        OFFENDERS,
        offender_id,
        creators,
        created,
        dob_missing=ctx.profile.dob_missing_criminal * 0.5,
    )
    ctx.writer.write(
        OFFENDERS,
        {
            "offender_id": offender_id,
            "offender_id_display": _prison_number(rng, n_rec),
            "last_name": np.array([s.upper() for s in rec.surname], dtype=object),
            "first_name": np.array([s.upper() for s in rec.forename], dtype=object),
            "middle_name": np.array([m.upper() if m else None for m in rec.middle], dtype=object),
            "birth_date": rec.dob,
            "sex_code": encode_sex(ctx, rng, rec.sex, SYSTEM),
            "ethnic_code": encode_ethnicity(ctx, rng, rec.ethnicity, SYSTEM),
            "pnc_number": np.where(rng.random(n_rec) < 0.8, pop.pnc[creators], None),
            "cro_number": np.where(rng.random(n_rec) < 0.5, pop.cro[creators], None),
            "create_date": created,
        },
    )
    return offender_id


def _write_aliases(ctx, rng, sub, rec_of, link_kind, creators, created, offender_id) -> None:
    """Aliases: true aliases given at first reception (and maiden names),
    and variants recorded when a returning person is linked to an existing
    record."""
    pop = ctx.pop
    true_alias_rows = []
    for r, p in enumerate(creators):
        a0, a1 = pop.alias_start[p], pop.alias_start[p + 1]
        for j in range(a0, a1):
            true_alias_rows.append((r, j))
    ta_rec = np.array([r for r, _ in true_alias_rows], dtype=np.int64)
    ta_idx = np.array([j for _, j in true_alias_rows], dtype=np.int64)
    keep_ta = rng.random(len(ta_rec)) < 0.6
    ta_rec, ta_idx = ta_rec[keep_ta], ta_idx[keep_ta]
    maiden = np.flatnonzero(pop.new_surname[creators] != "")
    linked = np.flatnonzero(
        np.isin(link_kind, ["linked", "wrong_person"])
        & (rng.random(len(link_kind)) < ctx.profile.nomis_alias_on_return)
    )
    n_ta, n_m, n_v = len(ta_rec), len(maiden), len(linked)
    alias_id = ids(rng, n_ta + n_m + n_v, 5_000_000, 40)
    v_person = sub["person"][linked]
    v_rec = ctx.record(
        ALIASES, alias_id[n_ta + n_m :], v_person, sub["start"][linked], dob_missing=0.0
    )
    ctx.log_records(
        ALIASES,
        alias_id[: n_ta + n_m],
        np.concatenate([pop.alias_person[ta_idx], creators[maiden]]).astype(np.int64),
        np.concatenate([created[ta_rec], created[maiden]]),
    )
    ctx.truth.add(
        "record_errors",
        source_system=np.full(n_ta, SYSTEM, dtype=object),
        source_table=np.full(n_ta, ALIASES.table, dtype=object),
        record_key=alias_id[:n_ta].astype(str).astype(object),
        field=np.full(n_ta, "name", dtype=object),
        error_type=np.full(n_ta, "alias_name", dtype=object),
    )
    upper = np.vectorize(lambda s: s.upper() if s else None, otypes=[object])
    last_name = np.concatenate(
        [pop.alias_surname[ta_idx], pop.surname[creators[maiden]], v_rec.surname]
    ).astype(object)
    first_name = np.concatenate(
        [pop.alias_forename[ta_idx], pop.forename[creators[maiden]], v_rec.forename]
    ).astype(object)
    middle = np.concatenate([np.full(n_ta + n_m, "", dtype=object), v_rec.middle])
    ctx.writer.write(
        ALIASES,
        {
            "alias_offender_id": alias_id,
            "root_offender_id": np.concatenate(
                [offender_id[ta_rec], offender_id[maiden], offender_id[rec_of[linked]]]
            ),
            "last_name": upper(last_name) if len(last_name) else last_name,
            "first_name": upper(first_name) if len(first_name) else first_name,
            "middle_name": upper(middle) if len(middle) else middle,
            "birth_date": np.concatenate(
                [pop.alias_dob[ta_idx], pop.dob[creators[maiden]], v_rec.dob]
            ),
            "alias_name_type": np.concatenate(
                [
                    np.full(n_ta, "A", dtype=object),
                    np.full(n_m, "M", dtype=object),
                    np.full(n_v, "V", dtype=object),
                ]
            ),
            "create_date": np.concatenate([created[ta_rec], created[maiden], sub["start"][linked]]),
        },
    )


def _prisons(ctx):
    return ctx.vocab.seed("prisons")


def _person_region(ctx, person, when):
    addr = ctx.pop.addresses.at(person, when)
    return ctx.pop.addresses.region[addr]


def _choose_prison(rng, prisons, region, female, local):
    def pool(pred):
        return np.array([p["prison_code"] for p in prisons if pred(p)], dtype=object)

    female_pool = pool(lambda p: p["is_female_estate"].lower() == "true")
    male_any = pool(lambda p: p["is_female_estate"].lower() != "true")
    out = male_any[rng.integers(len(male_any), size=len(region))]
    for reg in np.unique(region):
        cats = ("local",) if local else ("cat_b", "cat_c", "cat_d", "local")
        options = pool(
            lambda p, reg=reg, cats=cats: (
                p["region"] == reg
                and p["prison_category"] in cats
                and p["is_female_estate"].lower() != "true"
            )
        )
        if len(options) == 0:
            continue
        mask = region == reg
        out[mask] = options[rng.integers(len(options), size=mask.sum())]
    out[female] = female_pool[rng.integers(len(female_pool), size=female.sum())]
    return out


def _reason(ctx, movement_type, spell_type=None, release_type=None):
    rows = [r for r in ctx.vocab.seed("movement_reasons") if r["movement_type"] == movement_type]
    if spell_type is not None:
        hit = [r for r in rows if r["spell_type"] == spell_type]
        rows = hit or rows
    if release_type is not None:
        hit = [r for r in rows if r["release_type"] == release_type]
        rows = hit or rows
    return rows[0]["movement_reason_code"]


def _write_spells_and_movements(
    ctx, rng, bookings, book_id, spells, prisons, region, female, first_prison, charges
):
    """Sentences (one per spell of the bookings written), movements and
    incidents."""
    pos = np.full(bookings.max() + 1 if len(bookings) else 1, -1, dtype=np.int64)
    pos[bookings] = np.arange(len(bookings))
    in_scope = spells["booking"] <= pos.shape[0] - 1
    in_scope[in_scope] = pos[spells["booking"][in_scope]] >= 0
    in_scope &= spells["start"] <= EXTRACT_END
    sp = spells.take(np.flatnonzero(in_scope))
    b_local = pos[sp["booking"]]
    status = np.array(
        [s.upper() if s != "sentenced" else "SENTENCED" for s in sp["spell_type"]], dtype=object
    )
    seq = np.zeros(len(sp), dtype=np.int64)
    for i in range(1, len(sp)):
        seq[i] = seq[i - 1] + 1 if b_local[i] == b_local[i - 1] else 0
    end = np.where(sp["end"] > EXTRACT_END, np.datetime64("NaT"), sp["end"])
    ctx.writer.write(
        SENTENCES,
        {
            "sentence_id": ids(rng, len(sp), 9_000_000, 5),
            "offender_book_id": book_id[b_local],
            "sentence_seq": seq + 1,
            "imprisonment_status": status,
            "start_date": sp["start"],
            "end_date": end,
            "sentence_length_days": sp["length_days"],
        },
    )
    trn_prisons = _choose_prison(rng, prisons, region, female, local=False)
    mv = _movements(ctx, rng, sp, b_local, first_prison, trn_prisons)
    _write_movements(ctx, rng, mv, book_id)
    _write_incidents(ctx, rng, sp, b_local, book_id, first_prison, female)
    _write_charges(ctx, charges, np.flatnonzero(in_scope), book_id[b_local], seq + 1)


def _movements(ctx, rng, sp, b_local, first_prison, trn_prisons) -> dict[str, list]:
    """Walk each booking's spells, admitting when not already in: an
    admission, a transfer during long stays, and a release when out before
    the extract. Columns of the movements, in walking order."""
    mv = {k: [] for k in ("book", "date", "type", "reason", "dir", "from", "to")}

    def move(b, date, kind, reason, direction, from_, to) -> None:
        for key, value in zip(mv, (b, date, kind, reason, direction, from_, to), strict=True):
            mv[key].append(value)

    adm_reason = {s: _reason(ctx, "ADM", spell_type=s) for s in ("remand", "sentenced", "recall")}
    rel_reason = {}
    cur_book, in_until, prison = -1, None, None
    for i in range(len(sp)):
        b = b_local[i]
        start, stop = sp["start"][i], sp["end"][i]
        if b != cur_book:
            cur_book, in_until, prison = b, None, first_prison[b]
        if in_until is None or start > in_until:
            move(b, start, "ADM", adm_reason[sp["spell_type"][i]], "IN", None, prison)
            in_until = stop
        else:
            in_until = max(in_until, stop)
        last_of_run = (i + 1 == len(sp)) or b_local[i + 1] != b or sp["start"][i + 1] > in_until
        if last_of_run:
            days = int((min(in_until, EXTRACT_END) - start).astype(int))
            if days > 240 and rng.random() < 0.8:
                t_date = add_days(np.array([start]), int(days * rng.uniform(0.1, 0.6)))[0]
                new = trn_prisons[b]
                if new != prison:
                    move(b, t_date, "TRN", _reason(ctx, "TRN"), "OUT", prison, new)
                    prison = new
            if in_until <= EXTRACT_END:
                rt = sp["release_type"][i]
                if rt not in rel_reason:
                    rel_reason[rt] = _reason(ctx, "REL", release_type=rt)
                move(b, in_until, "REL", rel_reason[rt], "OUT", prison, None)
    return mv


def _write_movements(ctx, rng, mv: dict[str, list], book_id) -> None:
    """Movements by booking and date, numbered within the booking, at a
    time of day in working hours."""
    n = len(mv["book"])
    m_book = np.array(mv["book"], dtype=np.int64)
    m_date = np.array(mv["date"], dtype="datetime64[D]")
    order = np.lexsort((np.arange(n), m_date.astype(np.int64), m_book))
    m_book, m_date = m_book[order], m_date[order]
    m_seq = np.zeros(n, dtype=np.int64)
    for i in range(1, n):
        m_seq[i] = m_seq[i - 1] + 1 if m_book[i] == m_book[i - 1] else 0
    hours = rng.integers(7, 19, n)
    minutes = rng.integers(0, 60, n)
    ctx.writer.write(
        MOVEMENTS,
        {
            "movement_id": ids(rng, n, 30_000_000, 5),
            "offender_book_id": book_id[m_book],
            "movement_seq": m_seq + 1,
            "movement_date": m_date,
            "movement_time": np.array(
                [f"{h:02d}:{m:02d}" for h, m in zip(hours, minutes, strict=True)], dtype=object
            ),
            "movement_type": np.array(mv["type"], dtype=object)[order],
            "movement_reason_code": np.array(mv["reason"], dtype=object)[order],
            "direction_code": np.array(mv["dir"], dtype=object)[order],
            "from_agy_loc_id": np.array(mv["from"], dtype=object)[order],
            "to_agy_loc_id": np.array(mv["to"], dtype=object)[order],
        },
    )


def _write_incidents(ctx, rng, sp, b_local, book_id, first_prison, female):
    days = (np.minimum(sp["end"], np.datetime64("2023-03-31")) - sp["start"]).astype(np.int64)
    days = np.maximum(days, 0)
    fem = female[b_local]
    rate_assault = 0.25 / 365
    rate_harm = np.where(fem, 0.9, 0.22) / 365
    n_assault = rng.poisson(days * rate_assault)
    n_harm = rng.poisson(days * rate_harm)
    types = ctx.vocab.seed("incident_types")
    by_cat = {}
    for r in types:
        by_cat.setdefault(r["incident_category"], []).append(r["incident_type_code"])
    rows = []
    for cat, counts, role_choices in (
        ("assault", n_assault, ("PERP", "VICT")),
        ("self_harm", n_harm, ("SELF",)),
    ):
        idx = np.repeat(np.arange(len(sp)), counts)
        if len(idx) == 0:
            continue
        codes = np.array(by_cat.get(cat, ["UNKNOWN"]), dtype=object)
        date = add_days(
            sp["start"][idx], np.floor(rng.random(len(idx)) * days[idx]).astype(np.int64)
        )
        rows.append(
            {
                "spell": idx,
                "date": date,
                "type": codes[rng.integers(len(codes), size=len(idx))],
                "role": np.array(role_choices, dtype=object)[
                    rng.integers(len(role_choices), size=len(idx))
                ],
            }
        )
    if rows:
        cols = {k: np.concatenate([r[k] for r in rows]) for k in rows[0]}
    else:
        cols = {
            "spell": np.zeros(0, dtype=np.int64),
            "date": np.zeros(0, "datetime64[D]"),
            "type": np.zeros(0, dtype=object),
            "role": np.zeros(0, dtype=object),
        }
    order = np.lexsort((cols["date"].astype(np.int64), cols["spell"]))
    cols = {k: v[order] for k, v in cols.items()}
    n = len(cols["spell"])
    b = b_local[cols["spell"]]
    ctx.writer.write(
        INCIDENTS,
        {
            "incident_party_id": ids(rng, n, 600_000, 4),
            "incident_case_id": ids(rng, n, 100_000, 3),
            "offender_book_id": book_id[b],
            "incident_date": cols["date"],
            "incident_type": cols["type"],
            "agy_loc_id": first_prison[b],
            "party_role": cols["role"],
            "injury_flag": np.where(rng.random(n) < 0.3, "Y", "N").astype(object),
            "hospital_flag": np.where(rng.random(n) < 0.05, "Y", "N").astype(object),
        },
    )


def _write_charges(ctx, charges, spell_rows, spell_book_id, spell_seq) -> None:
    """The offences held against the spells written (``spell_rows``, the
    spells' rows in the history, with their booking id and sequence), a few
    without their offence code. Drawn and malformed from streams of their
    own (the table came later)."""
    rng = ctx.rng("nomis:offender_charges")
    pos = np.full(len(spell_rows) and spell_rows.max() + 1, -1, dtype=np.int64)
    pos[spell_rows] = np.arange(len(spell_rows))
    inside = charges["spell"] < len(pos)
    inside[inside] = pos[charges["spell"][inside]] >= 0
    ch = charges.take(np.flatnonzero(inside))
    at = pos[ch["spell"]]
    k = len(ch)
    offence_code = ch["offence_code"].copy()
    offence_code[rng.random(k) < ctx.profile.nomis_charge_offence_missing] = None
    with ctx.writer.drawing_from(ctx.rng("malformed_rows:nomis.offender_charges")):
        ctx.writer.write(
            CHARGES,
            {
                "offender_charge_id": ids(rng, k, 4_000_000, 5),
                "offender_book_id": spell_book_id[at],
                "sentence_seq": spell_seq[at],
                "offence_code": offence_code,
                "offence_date": ch["offence_date"],
                "charge_status": np.array([x.upper() for x in ch["status"]], dtype=object),
                "sentence_calc_type": ch["calc_type"],
                "sentence_length_days": ch["length_days"],
            },
        )
