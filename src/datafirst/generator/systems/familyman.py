"""FamilyMan: the family court case-management system (FACO dataset).

Layout quirks: case numbers built from the court's prefix, the year, a letter
for the kind of case and a serial ('MA12C00345'); dates as ``yyyymmdd`` text;
one party row per party per case with the forename and middle names in one
field; organisations (local authorities) held in the same party table with
their name in the surname field; dates of birth often missing (more for
respondents and other parties than for applicants and children); ethnicity
seldom asked.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.extract import Column, TableSpec
from datafirst.generator.systems._common import encode_ethnicity, encode_sex, ids, join_names
from datafirst.generator.systems._courts import serials, text_dates, titles

SYSTEM = "familyman"
FMT = "yyyymmdd"

#: Letter of the case number for each law type.
CASE_LETTER = {
    "public_law": "C",
    "private_law": "P",
    "divorce": "D",
    "family_law_act": "F",
    "adoption": "A",
}

CASES = TableSpec(
    system=SYSTEM,
    table="cases",
    description="One row per family court case (public and private law children cases, "
    "divorce, Family Law Act protection and adoption) active at any time from January 2011 "
    "to March 2023, including cases issued earlier and cases still open at the extract.",
    grain="family court case",
    date_format=FMT,
    columns=(
        Column(
            "case_number",
            "string",
            "FamilyMan case number: the issuing court's two-letter "
            "prefix, the two-digit year of issue, a letter for the kind of case (C public "
            "law, P private law, D divorce, F Family Law Act, A adoption) and a five-digit "
            "serial within court, year and letter, e.g. 'MA12C00345'.",
            "key",
        ),
        Column(
            "case_type_code",
            "string",
            "Kind of application that started the case (seed "
            "family_case_types; its law_type groups the codes).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "Family court that issued the case (seed courts, court_type family).",
            "code",
        ),
        Column(
            "issue_date",
            "string",
            "Date the application or petition was issued, as yyyymmdd text.",
            "date_text",
        ),
        Column(
            "closed_date",
            "string",
            "Date the case was closed by a final order, "
            "withdrawal or dismissal, as yyyymmdd text; null while the case is open.",
            "date_text",
        ),
        Column(
            "order_type_code",
            "string",
            "Final order made (seed family_order_types); null "
            "while the case is open and when it closed without an order (withdrawn or "
            "refused).",
            "code",
        ),
        Column("case_status", "string", "'OPEN' or 'CLOSED' at the extract date.", ""),
        Column(
            "number_of_children",
            "int32",
            "Number of children who are subjects of the "
            "case, as keyed by court staff (0 for divorce and Family Law Act cases).",
            "length",
        ),
    ),
)

PARTIES = TableSpec(
    system=SYSTEM,
    table="parties",
    description="One row per party per family case: applicants and petitioners, "
    "respondents, the children the case is about, and other parties (children's guardians, "
    "interveners). The same person has a separate row in every case they are party to, with "
    "no person id. Local authorities are parties too (party_type 'organisation'): they are "
    "not people and must never be person-linked.",
    grain="party per case",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column("party_id", "int64", "FamilyMan's id of the party-on-case record.", "key"),
        Column("case_number", "string", "The case the party belongs to (cases.case_number).", "fk"),
        Column(
            "role_code",
            "string",
            "The party's role in the case (seed party_roles, "
            "source_system familyman; its party_category groups roles into applicant, "
            "respondent, child and other).",
            "code",
        ),
        Column("party_type", "string", "'person' or 'organisation' (a local authority).", ""),
        Column(
            "title",
            "string",
            "Courtesy title as entered (Mr, Mrs, Ms, Miss, Master); often blank.",
            "",
        ),
        Column(
            "forenames",
            "string",
            "Forename and any middle names in one field, as entered; null for organisations.",
            "name",
        ),
        Column(
            "surname",
            "string",
            "Surname as entered (occasionally in capitals); for an "
            "organisation, the organisation's name.",
            "name",
        ),
        Column(
            "date_of_birth",
            "string",
            "Date of birth as yyyymmdd text. Often missing: "
            "about a quarter of applicants, more than half of respondents and other "
            "parties, fewer children; 1 January can stand for an unknown day and month. "
            "Null for organisations.",
            "date_text",
        ),
        Column(
            "gender",
            "string",
            "Gender as recorded (seed sex_source_values, system "
            "familyman); 'Unknown' and blank occur. Null for organisations.",
            "code",
        ),
        Column(
            "ethnicity",
            "string",
            "Ethnicity as recorded, when asked at all (seed "
            "ethnicity_source_values, system familyman); junk values occur.",
            "",
        ),
        Column(
            "address_line_1",
            "string",
            "First line of the party's address; usually blank "
            "for children, null for organisations.",
            "text",
        ),
        Column(
            "postcode",
            "string",
            "Postcode of the party's address; may be stale, mistyped or missing.",
            "",
        ),
        Column(
            "is_represented",
            "string",
            "'Y' when the party has a legal representative on record, else 'N'.",
            "",
        ),
    ),
)

TABLES = (CASES, PARTIES)


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
