"""FamilyMan: the family court case-management system (FACO dataset).

Layout quirks: case numbers built from the court's prefix, the year, a letter
for the kind of case and a serial ('MA12C00345'); dates as ``yyyymmdd`` text;
one party row per party per case with the forename and middle names in one
field; organisations (local authorities) held in the same party table with
their name in the surname field; dates of birth often missing (more for
respondents and other parties than for applicants and children); ethnicity
seldom asked. Case events (applications, hearings, interim orders, decrees,
final order) in a table of their own, and the matrimonial details of divorce
cases (date of marriage, fact relied on, joint application) in another.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.family_events import EVENT_CODES, FamilyEvents, simulate_events
from datafirst.generator.systems._common import encode_ethnicity, encode_sex, ids, join_names
from datafirst.generator.systems._courts import serials, text_dates, titles
from datafirst.registry.familyman import CASES, DIVORCE, EVENTS, FMT, PARTIES, SOURCE

SYSTEM = SOURCE.name
TABLES = SOURCE.tables

#: Letter of the case number for each law type.
CASE_LETTER = {
    "public_law": "C",
    "private_law": "P",
    "divorce": "D",
    "family_law_act": "F",
    "adoption": "A",
}


def case_numbers(rng, cases, courts: np.ndarray) -> np.ndarray:
    """Court prefix + yy + letter + serial, serial running per court, year
    and letter in issue order."""
    prefix = np.array([c[-2:] for c in courts], dtype=object)
    if len({(c, p) for c, p in zip(courts, prefix, strict=True)}) != len(set(prefix)):
        prefix = courts  # two courts would share a prefix: use the full code
    year = cases["issue_date"].astype("datetime64[Y]").astype(np.int64) + 1970
    letter = np.array([CASE_LETTER[x] for x in cases["law_type"]], dtype=object)
    group = np.array(
        [f"{p}{y % 100:02d}{t}" for p, y, t in zip(prefix, year, letter, strict=True)], dtype=object
    )
    serial = serials(rng, group, cases["issue_date"].astype(np.int64))
    return np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)


def write(ctx, history, others) -> None:
    rng = ctx.rng(SYSTEM)
    cases, parties = others.family_cases, others.family_parties
    number = case_numbers(rng, cases, cases["court"])
    children = np.bincount(parties["case"][parties["role"] == "CHI"], minlength=len(cases))
    closed = cases["closed_date"]
    ctx.writer.write(CASES, {
        "case_number": number,
        "case_type_code": cases["case_type_code"],
        "court_code": cases["court"],
        "issue_date": text_dates(cases["issue_date"], FMT),
        "closed_date": text_dates(closed, FMT),
        "order_type_code": np.where(cases["order_type_code"] == "", None,
                                    cases["order_type_code"]).astype(object),
        "case_status": np.where(np.isnat(closed), "OPEN", "CLOSED").astype(object),
        "number_of_children": children.astype(np.int64),
    })  # fmt: skip

    k = len(parties)
    party_id = ids(rng, k, 2_000_000)
    person = parties["person"]
    is_person = person >= 0
    rows = np.flatnonzero(is_person)
    who = person[rows]
    when = cases["issue_date"][parties["case"][rows]]
    category = parties["category"][rows]
    missing = ctx.profile.familyman_dob_missing
    dob_missing = np.array([missing[c] for c in category], dtype=float)
    rec = ctx.record(PARTIES, party_id[rows], who, when, dob_missing=dob_missing)

    child = category == "child"
    forenames = np.full(k, None, dtype=object)
    surname = np.full(k, None, dtype=object)
    dob = np.full(k, None, dtype=object)
    gender = np.full(k, None, dtype=object)
    ethnicity = np.full(k, None, dtype=object)
    line = np.full(k, None, dtype=object)
    postcode = np.full(k, None, dtype=object)
    title = np.full(k, None, dtype=object)

    forenames[rows] = join_names(rec.forename, rec.middle)
    upper = rng.random(len(rows)) < 0.06
    surname[rows] = np.where(
        upper, np.array([s.upper() for s in rec.surname], dtype=object), rec.surname
    )
    surname[~is_person] = parties["org_name"][~is_person]
    dob[rows] = text_dates(rec.dob, FMT)
    gender[rows] = encode_sex(ctx, rng, rec.sex, SYSTEM)
    title[rows] = titles(rng, ctx.pop.sex[who], child)
    # Ethnicity is asked of a minority of parties; children in care
    # proceedings most often.
    law = cases["law_type"][parties["case"][rows]]
    asked = rng.random(len(rows)) < np.where(child & (law == "public_law"), 0.6, 0.3)
    ethnicity[rows[asked]] = encode_ethnicity(ctx, rng, rec.ethnicity[asked], SYSTEM)
    # A child's address is seldom keyed: the child lives with a party.
    keyed = ~child | (rng.random(len(rows)) < 0.3)
    line[rows[keyed]] = rec.address_line[keyed]
    postcode[rows[keyed]] = rec.postcode[keyed]

    ctx.writer.write(PARTIES, {
        "party_id": party_id,
        "case_number": number[parties["case"]],
        "role_code": parties["role"],
        "party_type": parties["party_type"],
        "title": title,
        "forenames": forenames,
        "surname": surname,
        "date_of_birth": dob,
        "gender": gender,
        "ethnicity": ethnicity,
        "address_line_1": line,
        "postcode": postcode,
        "is_represented": np.where(parties["represented"], "Y", "N").astype(object),
    })  # fmt: skip

    _write_events_and_divorce(ctx, number, simulate_events(ctx, cases, parties))


def _write_events_and_divorce(ctx, number: np.ndarray, fe: FamilyEvents) -> None:
    """The events and divorce tables. They are written after every older
    table of the run with malformed rows drawn from a stream of their own,
    so the older tables' malformed rows do not move."""
    _check_event_codes(ctx)
    rng = ctx.rng("familyman:events")
    with ctx.writer.drawing_from(ctx.rng("malformed_rows:familyman_events")):
        ev = fe.events
        ctx.writer.write(EVENTS, {
            "event_id": ids(rng, len(ev), 7_000_000),
            "case_number": number[ev["case"]],
            "event_code": ev["event_code"],
            "event_date": text_dates(ev["event_date"], FMT),
            "application_type_code": _none_if_blank(ev["application_type_code"]),
            "order_type_code": _none_if_blank(ev["order_type_code"]),
        })  # fmt: skip
        dv = fe.divorce
        ctx.writer.write(DIVORCE, {
            "divorce_id": ids(rng, len(dv), 400_000),
            "case_number": number[dv["case"]],
            "marriage_date": text_dates(dv["marriage_date"], FMT),
            "fact_code": _none_if_blank(dv["fact_code"]),
            "is_joint_application": np.where(dv["joint"], "Y", "N").astype(object),
        })  # fmt: skip


def _none_if_blank(values: np.ndarray) -> np.ndarray:
    return np.where(values == "", None, values).astype(object)


def _check_event_codes(ctx) -> None:
    known = set(ctx.vocab.column("family_event_types", "event_code"))
    missing = set(EVENT_CODES) - known
    if missing:
        raise ValueError(f"familyman: event codes missing from the seeds: {sorted(missing)}")
