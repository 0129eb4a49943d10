"""nDelius: the probation case-management system (PROB dataset).

Layout quirks: an offender record (CRN) per person that is duplicated by
mistake when a new court referral is not matched to the existing record;
separate first/second/third forenames and a previous surname; an address
history table; dates as ``yyyy-mm-dd`` text.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.dates import NAT, add_days, format_dates
from datafirst.generator.systems._common import encode_ethnicity, encode_sex, ids
from datafirst.registry.delius import (
    ADDRESS,
    COURT_REPORT,
    EVENT,
    FMT,
    LIC_CONDITION,
    OFFENDER,
    PSS,
    RQMNT,
    SOURCE,
)

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


_EVENT_CATEGORY = {
    "community_order": "community_order",
    "suspended_sentence": "suspended_sentence_order",
    "custody": "custody_licence",
    "pre_sentence": "pre_sentence",
}


def _codes(ctx, seed, code_col, **where):
    return ctx.vocab.column(seed, code_col, **where)


#: Event termination reasons by the event's category and outcome: an order
#: ends by expiry or good progress, breach or revocation; a custodial
#: sentence's licence by expiry or recall; a pre-sentence report when the
#: sentence is passed. Transfers, deaths and appeals can end any event.
_EVENT_REASONS: dict[str, dict[str, tuple[str, ...]]] = {
    "community_order": {
        "completed": ("EC", "EGP"), "breach": ("EB",), "revoked": ("ER",),
        "other": ("ET", "ED", "EX"),
    },
    "custody": {
        "completed": ("EC",), "breach": ("EREC",), "revoked": ("ER",),
        "other": ("ET", "ED", "EX"),
    },
    "pre_sentence": {"completed": ("EC",), "other": ("ET", "ED", "EX")},
}  # fmt: skip
_EVENT_REASONS["suspended_sentence"] = _EVENT_REASONS["community_order"]


def _event_termination(ctx, rng, category, outcome):
    """A termination reason for each event that fits its category and
    outcome (codes of the termination_reasons code list)."""
    known = {
        r["termination_reason_code"]
        for r in ctx.vocab.seed("termination_reasons")
        if r["applies_to"] == "event"
    }
    out = np.empty(len(outcome), dtype=object)
    for cat, by_outcome in _EVENT_REASONS.items():
        for o, codes in by_outcome.items():
            assert set(codes) <= known, f"unknown event termination reasons {codes}"
            mask = (category == cat) & (outcome == o)
            out[mask] = np.array(codes, dtype=object)[rng.integers(len(codes), size=mask.sum())]
    missing = np.flatnonzero(out == None)  # noqa: E711 - an object array
    if len(missing):
        bad = sorted({(category[i], outcome[i]) for i in missing})
        raise ValueError(f"no event termination reason for {bad}")
    return out


def _termination(ctx, rng, applies_to, outcome):
    rows = [r for r in ctx.vocab.seed("termination_reasons") if r["applies_to"] == applies_to]
    by = {}
    for r in rows:
        by.setdefault(r["outcome"], []).append(r["termination_reason_code"])
    fallback = [r["termination_reason_code"] for r in rows]
    out = np.empty(len(outcome), dtype=object)
    for i, o in enumerate(outcome):
        opts = by.get(o) or fallback
        out[i] = opts[rng.integers(len(opts))]
    return out


def write(ctx, history, others) -> None:
    rng = ctx.rng("delius")
    ev = history.probation_events
    lo, hi = (np.datetime64(d) for d in COVERAGE[SYSTEM])
    keep = np.flatnonzero((ev["referral_date"] >= lo) & (ev["referral_date"] <= hi))
    ev = ev.take(keep)
    record, creators, created = _offender_records(ctx, rng, ev)
    offender_id, postcode = _write_offenders(ctx, rng, creators, created)
    _write_addresses(ctx, rng, offender_id, creators, created, postcode)
    event_id = _write_events(ctx, rng, ev, offender_id[record], record)
    _write_requirements(ctx, rng, ev, event_id)
    _write_licence(ctx, rng, ev, event_id, history.custody)
    _write_reports(ctx, rng, ev, event_id)


def _offender_records(ctx, rng, ev):
    """Offender record per referral: the person's latest, or a duplicate
    made by mistake (never for a second referral the same day). The record
    of each event, and per record the person and creation date."""
    n = len(ev)
    person = ev["person"]
    record = np.empty(n, dtype=np.int64)
    creators, created = [], []
    latest: dict[int, int] = {}
    u = rng.random(n)
    for i in range(n):
        p = int(person[i])
        same_day = (
            i > 0 and person[i - 1] == p and ev["referral_date"][i - 1] == ev["referral_date"][i]
        )
        if p in latest and (same_day or u[i] >= ctx.profile.delius_duplicate_offender):
            record[i] = latest[p]
        else:
            record[i] = len(creators)
            latest[p] = record[i]
            creators.append(p)
            created.append(ev["referral_date"][i])
    creators = np.array(creators, dtype=np.int64)
    created = np.array(created, dtype="datetime64[D]")
    return record, creators, created


def _write_offenders(ctx, rng, creators, created):
    """One row per offender record, the person as recorded at its creation:
    the offender ids and the postcodes recorded."""
    pop = ctx.pop
    n_rec = len(creators)
    offender_id = ids(rng, n_rec, 2_500_000, 30)
    rec = ctx.record(
        OFFENDER, offender_id, creators, created, dob_missing=ctx.profile.dob_missing_criminal
    )
    mids = [m.split(" ") if m else [] for m in rec.middle]
    prev = pop.surname[creators]
    has_prev = (prev != rec.surname) & (pop.new_surname[creators] != "")
    crn = _crns(rng, n_rec)
    # The case reference other systems hold for the person (OASys).
    ctx.ids["delius_crn"] = crn
    ctx.ids["delius_crn_person"] = creators
    ctx.ids["delius_crn_created"] = created
    ctx.writer.write(
        OFFENDER,
        {
            "offender_id": offender_id,
            "crn": crn,
            "first_name": rec.forename,
            "second_name": np.array([m[0] if m else None for m in mids], dtype=object),
            "third_name": np.array([m[1] if len(m) > 1 else None for m in mids], dtype=object),
            "surname": rec.surname,
            "previous_surname": np.where(has_prev, prev, None),
            "date_of_birth": format_dates(rec.dob, FMT),
            "gender": encode_sex(ctx, rng, rec.sex, SYSTEM),
            "ethnicity": encode_ethnicity(ctx, rng, rec.ethnicity, SYSTEM),
            "pnc_number": np.where(rng.random(n_rec) < 0.7, pop.pnc[creators], None),
            "cro_number": np.where(rng.random(n_rec) < 0.3, pop.cro[creators], None),
            "created_date": format_dates(created, FMT),
        },
    )
    return offender_id, rec.postcode


def _crns(rng, n: int) -> np.ndarray:
    """Case reference numbers (CRN): a letter and six digits, unique to each
    offender record as nDelius issues them."""
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"), dtype=object)
    number = rng.choice(len(letters) * 900_000, size=n, replace=False)
    return letters[number // 900_000] + (100_000 + number % 900_000).astype(str).astype(object)


def _write_events(ctx, rng, ev, offender_of_event, record) -> np.ndarray:
    """Events, numbered within each offender record, with a disposal type of
    the event's category and the probation area of the person's region; and
    their truth. The event ids."""
    pop = ctx.pop
    n = len(ev)
    person = ev["person"]
    event_id = ids(rng, n, 7_000_000, 6)
    event_number = np.zeros(n, dtype=np.int64)
    counter: dict[int, int] = {}
    for i in range(n):
        counter[record[i]] = counter.get(record[i], 0) + 1
        event_number[i] = counter[record[i]]
    category = np.array([_EVENT_CATEGORY[c] for c in ev["category"]], dtype=object)
    disposal_rows = ctx.vocab.seed("delius_disposal_types")
    disposal_code = np.empty(n, dtype=object)
    for cat in np.unique(category):
        opts = [r["disposal_type_code"] for r in disposal_rows if r["event_category"] == cat]
        mask = category == cat
        disposal_code[mask] = np.array(opts, dtype=object)[rng.integers(len(opts), size=mask.sum())]
    region = pop.addresses.region[pop.addresses.at(person, ev["referral_date"])]
    areas = ctx.vocab.seed("probation_areas")
    area_code = np.empty(n, dtype=object)
    all_areas = np.array([a["probation_area_code"] for a in areas], dtype=object)
    area_code[:] = all_areas[rng.integers(len(all_areas), size=n)]
    for reg in np.unique(region):
        opts = np.array(
            [a["probation_area_code"] for a in areas if a["region"] == reg], dtype=object
        )
        if len(opts):
            mask = region == reg
            area_code[mask] = opts[rng.integers(len(opts), size=mask.sum())]
    ended = ~np.isnat(ev["termination_date"])
    ctx.writer.write(
        EVENT,
        {
            "event_id": event_id,
            "offender_id": offender_of_event,
            "event_number": event_number,
            "referral_date": format_dates(ev["referral_date"], FMT),
            "disposal_type_code": disposal_code,
            "disposal_length": np.where(ev["length_months"] > 0, ev["length_months"], None).astype(
                object
            ),
            "length_unit": np.where(ev["length_months"] > 0, "Months", None).astype(object),
            "probation_area_code": area_code,
            "termination_date": format_dates(ev["termination_date"], FMT),
            "termination_reason_code": np.where(
                ended, _event_termination(ctx, rng, ev["category"], ev["outcome"]), None
            ),
        },
    )
    ctx.truth.add(
        "delius_events",
        event_id=event_id.astype(str).astype(object),
        person_key=pop.key[person],
        category=ev["category"],
    )
    return event_id


def _write_addresses(ctx, rng, offender_id, creators, created, first_postcode):
    addr = ctx.pop.addresses
    idx = addr.at(creators, created)
    rows_rec, rows_addr = [], []
    for r in range(len(creators)):
        j = idx[r]
        rows_rec.append(r)
        rows_addr.append(j)
        k = j + 1
        while (
            k < len(addr.person) and addr.person[k] == creators[r] and len(rows_addr) and k - j < 4
        ):
            rows_rec.append(r)
            rows_addr.append(k)
            k += 1
    rec_i = np.array(rows_rec, dtype=np.int64)
    addr_i = np.array(rows_addr, dtype=np.int64)
    m = len(rec_i)
    start = np.maximum(addr.start[addr_i], created[rec_i])
    nxt = np.r_[addr_i[1:], -1]
    same_next = np.r_[rec_i[1:] == rec_i[:-1], False]
    end = np.where(same_next, addr.start[np.where(same_next, nxt, 0)], NAT)
    recorded_later = start <= np.datetime64("2023-03-31")
    rec_i, addr_i, start, end = (
        rec_i[recorded_later],
        addr_i[recorded_later],
        start[recorded_later],
        end[recorded_later],
    )
    m = len(rec_i)
    postcode = addr.postcode[addr_i].copy()
    first = np.r_[True, rec_i[1:] != rec_i[:-1]]
    postcode[first] = first_postcode[rec_i[first]]
    house, street = [], []
    for line in addr.line[addr_i]:
        h, _, s = line.partition(" ")
        house.append(h)
        street.append(s)
    ctx.writer.write(
        ADDRESS,
        {
            "offender_address_id": ids(rng, m, 11_000_000, 5),
            "offender_id": offender_id[rec_i],
            "address_number": np.array(house, dtype=object),
            "street_name": np.array(street, dtype=object),
            "postcode": postcode,
            "start_date": format_dates(start, FMT),
            "end_date": format_dates(end, FMT),
            "address_status": np.where(np.isnat(end), "M", "P").astype(object),
        },
    )


def _write_requirements(ctx, rng, ev, event_id):
    idx = np.flatnonzero(np.isin(ev["category"], ["community_order", "suspended_sentence"]))
    counts = rng.integers(1, 4, size=len(idx))
    e = np.repeat(idx, counts)
    m = len(e)
    rows = ctx.vocab.seed("requirement_types")
    codes = np.array([r["requirement_code"] for r in rows], dtype=object)
    units = np.array([r["length_unit"] for r in rows], dtype=object)
    pick = rng.integers(len(codes), size=m)
    unit = units[pick]
    length = np.where(
        unit == "hours",
        rng.integers(40, 301, m),
        np.where(unit == "days", rng.integers(5, 61, m), rng.integers(6, 37, m)),
    )
    start = add_days(ev["referral_date"][e], rng.integers(0, 15, m))
    ou = rng.random(m)
    outcome = np.where(
        ou < 0.64,
        "completed",
        np.where(ou < 0.80, "breach", np.where(ou < 0.92, "revoked", "other")),
    ).astype(object)
    dur = np.where(unit == "months", length * 30, np.where(unit == "hours", length * 2, length * 3))
    term = add_days(
        start,
        np.round(dur * np.where(outcome == "completed", 1.0, rng.uniform(0.1, 0.9, m))).astype(
            np.int64
        ),
    )
    term = np.where(term > np.datetime64("2023-03-31"), NAT, term)
    ended = ~np.isnat(term)
    ctx.writer.write(
        RQMNT,
        {
            "rqmnt_id": ids(rng, m, 13_000_000, 5),
            "event_id": event_id[e],
            "requirement_code": codes[pick],
            "length": length,
            "start_date": format_dates(start, FMT),
            "termination_date": format_dates(term, FMT),
            "termination_reason_code": np.where(
                ended, _termination(ctx, rng, "requirement", outcome), None
            ),
        },
    )


def _write_licence(ctx, rng, ev, event_id, custody):
    idx = np.flatnonzero(ev["category"] == "custody")
    booking = ev["court_case"][idx]
    release = custody["first_release"][booking]
    licensed = custody["licensed"][booking] & (release <= np.datetime64("2023-03-31"))
    idx, booking, release = idx[licensed], booking[licensed], release[licensed]
    recalled = custody["recalled"][booking]
    counts = rng.integers(2, 7, size=len(idx))
    e = np.repeat(np.arange(len(idx)), counts)
    m = len(e)
    codes = _codes(ctx, "licence_conditions", "licence_condition_code")
    licence_days = np.maximum(custody["sentence_days"][booking] // 2, 30)
    end = add_days(release, licence_days)
    recall_at = add_days(release, np.floor(rng.random(len(idx)) * licence_days).astype(np.int64))
    term = np.where(recalled, recall_at, end)[e]
    outcome = np.where(recalled[e], "breach", "completed").astype(object)
    term = np.where(term > np.datetime64("2023-03-31"), NAT, term)
    ended = ~np.isnat(term)
    ctx.writer.write(
        LIC_CONDITION,
        {
            "lic_condition_id": ids(rng, m, 15_000_000, 5),
            "event_id": event_id[idx][e],
            "licence_condition_code": codes[rng.integers(len(codes), size=m)],
            "start_date": format_dates(release[e], FMT),
            "termination_date": format_dates(term, FMT),
            "termination_reason_code": np.where(
                ended, _termination(ctx, rng, "licence_condition", outcome), None
            ),
        },
    )
    # Post-sentence supervision: sentences under two years after the ORA.
    pss = (custody["sentence_days"][booking] < 730) & (
        custody["start"][booking] >= np.datetime64("2015-02-01")
    )
    pss_idx = np.flatnonzero(pss & ~recalled)
    counts = rng.integers(1, 3, size=len(pss_idx))
    p = np.repeat(pss_idx, counts)
    k = len(p)
    p_codes = _codes(ctx, "pss_requirement_types", "pss_requirement_code")
    p_start = end[p]
    p_end = add_days(p_start, 365 - np.minimum(licence_days[p], 364))
    ou = rng.random(k)
    p_outcome = np.where(ou < 0.7, "completed", "breach").astype(object)
    p_term = np.where(p_end > np.datetime64("2023-03-31"), NAT, p_end)
    keep = p_start <= np.datetime64("2023-03-31")
    p, p_start, p_term, p_outcome = p[keep], p_start[keep], p_term[keep], p_outcome[keep]
    k = len(p)
    ended = ~np.isnat(p_term)
    ctx.writer.write(
        PSS,
        {
            "pss_rqmnt_id": ids(rng, k, 17_000_000, 5),
            "event_id": event_id[idx][p],
            "pss_requirement_code": p_codes[rng.integers(len(p_codes), size=k)],
            "start_date": format_dates(p_start, FMT),
            "termination_date": format_dates(p_term, FMT),
            "termination_reason_code": np.where(
                ended, _termination(ctx, rng, "pss", p_outcome), None
            ),
        },
    )


def _write_reports(ctx, rng, ev, event_id):
    idx = np.flatnonzero(ev["category"] == "pre_sentence")
    m = len(idx)
    types = _codes(ctx, "court_report_types", "court_report_type_code")
    req = _codes(ctx, "requirement_types", "requirement_code")
    requested = ev["referral_date"][idx]
    ctx.writer.write(
        COURT_REPORT,
        {
            "court_report_id": ids(rng, m, 19_000_000, 5),
            "event_id": event_id[idx],
            "court_report_type_code": types[rng.integers(len(types), size=m)],
            "requested_date": format_dates(requested, FMT),
            "completed_date": format_dates(add_days(requested, rng.integers(0, 22, m)), FMT),
            "proposed_requirement_code": np.where(
                rng.random(m) < 0.6, req[rng.integers(len(req), size=m)], None
            ),
        },
    )
