"""CaseMan: the county court civil case-management system.

Layout quirks: case numbers of the year's last digit, the court's two-letter
prefix and a serial ('2LS01234'); dates as ``dd/mm/yyyy`` text; a party's
name in one free-text field ('Mr John SMITH' for people, the registered name
for companies); parties are people or companies, with addresses but rarely a
date of birth; party ids built from the case number.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.criminal import group_offsets
from datafirst.generator.extract import Column, TableSpec
from datafirst.generator.systems._common import ids, join_names
from datafirst.generator.systems._courts import (
    party_addresses,
    serials,
    text_dates,
    titles,
)

SYSTEM = "caseman"
FMT = "dd/mm/yyyy"

CASES = TableSpec(
    system=SYSTEM,
    table="cases",
    description="One row per county court claim started from January 2012 to January 2022: "
    "money claims, possession claims issued on paper and other claims (return of goods, "
    "injunctions, housing disrepair).",
    grain="civil case",
    date_format=FMT,
    columns=(
        Column(
            "case_number",
            "string",
            "County court case number: last digit of the year of "
            "issue, the issuing court's two-letter prefix and a five-digit serial, e.g. "
            "'2LS01234'.",
            "key",
        ),
        Column(
            "case_type_code",
            "string",
            "Kind of claim (seed civil_case_types, "
            "source_system caseman; claim_category groups money, possession and other "
            "claims).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "County court that issued the claim (seed courts, court_type county).",
            "code",
        ),
        Column("issue_date", "string", "Date the claim was issued (dd/mm/yyyy).", "date_text"),
        Column(
            "amount_claimed",
            "decimal",
            "Amount claimed in pounds (arrears on possession claims); null when no sum is claimed.",
            "",
        ),
        Column("court_fee", "decimal", "Court fee paid on issue in pounds.", ""),
        Column(
            "track_code",
            "string",
            "Track a defended claim was allocated to: 'SC' small "
            "claims, 'FT' fast track, 'MT' multi-track; null when not allocated.",
            "",
        ),
    ),
)

PARTIES = TableSpec(
    system=SYSTEM,
    table="parties",
    description="One row per party per role per case: claimants and defendants, people or "
    "companies. People have no id across cases; companies are never persons.",
    grain="party per role per case",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column(
            "party_id",
            "string",
            "Party id: the case number, 'C' (claimant) or 'D' "
            "(defendant) and the party's number in that role, e.g. '2LS01234-D1'.",
            "key",
        ),
        Column("case_number", "string", "The case (cases.case_number).", "fk"),
        Column(
            "party_role_code",
            "string",
            "Role of the party (seed party_roles, source_system caseman).",
            "code",
        ),
        Column(
            "party_number",
            "int32",
            "Number of the party within its role (1 = first defendant).",
            "",
        ),
        Column("party_type", "string", "'individual' or 'company'.", ""),
        Column(
            "name",
            "string",
            "Name in one free-text field: for a person the title (often), "
            "forename, sometimes middle names and surname, surname usually in capitals "
            "('Mr John SMITH'); for a company or council its name.",
            "name",
        ),
        Column(
            "address_line_1", "string", "First line of the party's address for service.", "text"
        ),
        Column("address_line_2", "string", "Post town of the address, when entered.", "text"),
        Column(
            "postcode",
            "string",
            "Postcode of the address for service; may be stale, mistyped or missing.",
            "",
        ),
        Column(
            "date_of_birth",
            "string",
            "Date of birth (dd/mm/yyyy); rarely entered, null for companies.",
            "date_text",
        ),
        Column("is_represented", "bool", "True when a solicitor is on record for the party.", ""),
    ),
)

CASE_EVENTS = TableSpec(
    system=SYSTEM,
    table="case_events",
    description="One row per event recorded on a case (issue, service, response, "
    "allocation, hearings listed, judgments, enforcement, closure), up to the extract date.",
    grain="event per case",
    date_format=FMT,
    columns=(
        Column("event_id", "int64", "CaseMan's id of the event.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk"),
        Column(
            "event_code",
            "string",
            "Three-digit event code (seed civil_event_types, source_system caseman).",
            "code",
        ),
        Column("event_date", "string", "Date of the event (dd/mm/yyyy).", "date_text"),
        Column("event_sequence", "int32", "Order of the event within its case.", ""),
    ),
)

HEARINGS = TableSpec(
    system=SYSTEM,
    table="hearings",
    description="One row per hearing listed on a case, including hearings vacated before "
    "they sat and hearings listed for the months after the extract (no outcome yet).",
    grain="hearing per case",
    date_format=FMT,
    columns=(
        Column("hearing_id", "int64", "CaseMan's id of the hearing.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk"),
        Column(
            "hearing_type_code",
            "string",
            "Kind of hearing (seed hearing_types, source_system caseman).",
            "code",
        ),
        Column(
            "hearing_date", "string", "Date the hearing was listed for (dd/mm/yyyy).", "date_text"
        ),
        Column("court_code", "string", "Court where the hearing was listed (seed courts).", "code"),
        Column(
            "time_allowed_minutes",
            "int32",
            "Time the hearing took or was allowed, in minutes; null when vacated or not yet heard.",
            "length",
        ),
        Column(
            "hearing_outcome",
            "string",
            "Outcome as entered by the court clerk; null when not yet heard.",
            "text",
        ),
    ),
)

JUDGMENTS = TableSpec(
    system=SYSTEM,
    table="judgments",
    description="One row per judgment entered against a defendant: in default, on "
    "admission, by determination, summary, by consent or after trial (possession orders "
    "included).",
    grain="judgment per case",
    date_format=FMT,
    columns=(
        Column("judgment_id", "int64", "CaseMan's id of the judgment.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk"),
        Column(
            "against_party_id",
            "string",
            "The party the judgment is against (parties.party_id; the first defendant).",
            "fk",
        ),
        Column(
            "judgment_type_code",
            "string",
            "Kind of judgment (seed civil_judgment_types, source_system caseman).",
            "code",
        ),
        Column(
            "judgment_date", "string", "Date the judgment was entered (dd/mm/yyyy).", "date_text"
        ),
        Column(
            "judgment_amount",
            "decimal",
            "Amount of the judgment in pounds (arrears on possession orders).",
            "",
        ),
        Column("costs_amount", "decimal", "Costs awarded in pounds.", ""),
        Column("total_amount", "decimal", "Judgment amount plus costs in pounds.", ""),
        Column("payment_terms", "string", "'FORTHWITH' or 'INSTALMENTS'.", ""),
        Column(
            "instalment_amount",
            "decimal",
            "Monthly instalment in pounds when payable by instalments.",
            "",
        ),
    ),
)

WARRANTS = TableSpec(
    system=SYSTEM,
    table="warrants",
    description="One row per warrant issued to enforce a judgment or order: execution "
    "(control) for money, possession, delivery of goods, committal.",
    grain="warrant per case",
    date_format=FMT,
    columns=(
        Column(
            "warrant_number",
            "string",
            "Warrant number: a letter for the issuing year and seven digits.",
            "key",
        ),
        Column("case_number", "string", "The case (cases.case_number).", "fk"),
        Column(
            "warrant_type_code",
            "string",
            "Kind of warrant (seed civil_warrant_types, source_system caseman).",
            "code",
        ),
        Column("issue_date", "string", "Date the warrant was issued (dd/mm/yyyy).", "date_text"),
        Column(
            "warrant_amount",
            "decimal",
            "Amount outstanding under the warrant in pounds; null for warrants not for money.",
            "",
        ),
        Column(
            "warrant_status",
            "string",
            "Latest state as entered by the bailiff: paid, no "
            "goods, suspended, withdrawn, executed, outstanding.",
            "text",
        ),
        Column(
            "executed_date",
            "string",
            "Date the warrant was paid out or executed (dd/mm/yyyy).",
            "date_text",
        ),
    ),
)

TABLES = (CASES, PARTIES, CASE_EVENTS, HEARINGS, JUDGMENTS, WARRANTS)

_ROLE = {"claimant": ("CLAIMANT", "C"), "defendant": ("DEFENDANT", "D")}
_TRACK = {"080": "SC", "081": "FT", "082": "MT"}


def court_fee(issue: np.ndarray, amount: np.ndarray, category: np.ndarray) -> np.ndarray:
    """Issue fee in pounds by amount band (a simplified fee schedule)."""
    claimed = np.nan_to_num(amount, nan=0.0)
    money = np.select(
        [claimed <= 300, claimed <= 500, claimed <= 1000, claimed <= 1500, claimed <= 3000,
         claimed <= 5000, claimed <= 10_000, claimed <= 200_000],
        [35, 50, 70, 80, 115, 205, 455, np.round(claimed * 0.05, 2)],
        default=10_000.0,
    )  # fmt: skip
    possession = np.where(issue >= np.datetime64("2014-04-22"), 355.0, 280.0)
    fee = np.where(category == "possession", possession, money)
    return np.where((category == "other") & (claimed == 0), 308.0, fee)


def person_names(rng, rec, sex: np.ndarray) -> np.ndarray:
    """'Mr John SMITH': title (often), forename, sometimes middle names,
    surname mostly in capitals; some whole names in capitals."""
    k = len(sex)
    title = titles(rng, sex)
    middle = np.where(rng.random(k) < 0.25, rec.middle, "")
    surname = np.where(
        rng.random(k) < 0.75, np.array([s.upper() for s in rec.surname], dtype=object), rec.surname
    )
    name = join_names(np.where(title == None, "", title), rec.forename, middle, surname)  # noqa: E711
    shout = rng.random(k) < 0.05
    name[shout] = np.array([x.upper() for x in name[shout]], dtype=object)
    return name


def write(ctx, history, others) -> None:
    rng = ctx.rng(SYSTEM)
    sim = others.caseman
    claims = sim.claims
    issue = claims["issue_date"]
    year = issue.astype("datetime64[Y]").astype(np.int64) + 1970
    prefix = np.array([c[-2:] for c in claims["court"]], dtype=object)
    group = np.array([f"{y % 10}{p}" for y, p in zip(year, prefix, strict=True)], dtype=object)
    serial = serials(rng, group, issue.astype(np.int64))
    number = np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)
    _write_cases(ctx, sim, number)
    _write_parties(ctx, rng, sim, number)
    _write_events_and_hearings(ctx, rng, sim, number)
    _write_judgments(ctx, rng, sim.judgments, number)
    _write_warrants(ctx, rng, sim.warrants, number)


def _write_cases(ctx, sim, number) -> None:
    """The cases, with the fee and the track each was allocated to."""
    claims, ev = sim.claims, sim.events
    issue = claims["issue_date"]
    track = np.full(len(claims), None, dtype=object)
    for code, label in _TRACK.items():
        track[ev["claim"][ev["event_code"] == code]] = label
    ctx.writer.write(CASES, {
        "case_number": number,
        "case_type_code": claims["case_type_code"],
        "court_code": claims["court"],
        "issue_date": text_dates(issue, FMT),
        "amount_claimed": claims["amount"],
        "court_fee": court_fee(issue, claims["amount"], claims["category"]),
        "track_code": track,
    })  # fmt: skip


def _write_parties(ctx, rng, sim, number) -> None:
    """Claimants and defendants: people as recorded at issue (name in one
    field, address), companies and councils with their address."""
    p = sim.parties
    issue = sim.claims["issue_date"]
    n = len(p)
    letter = np.array([_ROLE[r][1] for r in p["role"]], dtype=object)
    party_id = np.array([f"{c}-{x}{i}" for c, x, i in zip(number[p["claim"]], letter,
                                                          p["role_no"], strict=True)],
                        dtype=object)  # fmt: skip
    rows = np.flatnonzero(p["person"] >= 0)
    who = p["person"][rows]
    rec = ctx.record(
        PARTIES,
        party_id[rows],
        who,
        issue[p["claim"][rows]],
        dob_missing=ctx.profile.civil_dob_missing,
    )
    name = p["company_name"].copy()
    name[rows] = person_names(rng, rec, ctx.pop.sex[who])
    line, postcode, town = party_addresses(ctx, rng, p, rows, rec, town_missing=0.35)
    dob = np.full(n, None, dtype=object)
    dob[rows] = text_dates(rec.dob, FMT)
    ctx.writer.write(PARTIES, {
        "party_id": party_id,
        "case_number": number[p["claim"]],
        "party_role_code": np.array([_ROLE[r][0] for r in p["role"]], dtype=object),
        "party_number": p["role_no"],
        "party_type": p["party_type"],
        "name": name,
        "address_line_1": line,
        "address_line_2": town,
        "postcode": postcode,
        "date_of_birth": dob,
        "is_represented": p["represented"],
    })  # fmt: skip


def _write_events_and_hearings(ctx, rng, sim, number) -> None:
    ev = sim.events
    seq = group_offsets(ev["claim"]) + 1
    ctx.writer.write(CASE_EVENTS, {
        "event_id": ids(rng, len(ev), 30_000_000),
        "case_number": number[ev["claim"]],
        "event_code": ev["event_code"],
        "event_date": text_dates(ev["event_date"], FMT),
        "event_sequence": seq,
    })  # fmt: skip

    h = sim.hearings
    heard = h["minutes"] > 0
    ctx.writer.write(HEARINGS, {
        "hearing_id": ids(rng, len(h), 8_000_000),
        "case_number": number[h["claim"]],
        "hearing_type_code": h["hearing_type_code"],
        "hearing_date": text_dates(h["hearing_date"], FMT),
        "court_code": sim.claims["court"][h["claim"]],
        "time_allowed_minutes": np.where(heard, h["minutes"], None).astype(object),
        "hearing_outcome": np.where(h["outcome"] == "", None, h["outcome"]).astype(object),
    })  # fmt: skip


def _write_judgments(ctx, rng, j, number) -> None:
    """Judgments against the first defendant, payable forthwith or by
    monthly instalments."""
    total = np.round(j["amount"] + j["costs"], 2)
    months = rng.integers(6, 37, size=len(j))
    instalment = np.where(
        j["instalments"], np.maximum(np.round(total / months / 5) * 5, 5.0), np.nan
    )
    ctx.writer.write(JUDGMENTS, {
        "judgment_id": ids(rng, len(j), 5_000_000),
        "case_number": number[j["claim"]],
        "against_party_id": np.array([f"{c}-D1" for c in number[j["claim"]]], dtype=object),
        "judgment_type_code": j["judgment_type_code"],
        "judgment_date": text_dates(j["judgment_date"], FMT),
        "judgment_amount": j["amount"],
        "costs_amount": j["costs"],
        "total_amount": total,
        "payment_terms": np.where(j["instalments"], "INSTALMENTS", "FORTHWITH").astype(object),
        "instalment_amount": instalment,
    })  # fmt: skip


def _write_warrants(ctx, rng, w, number) -> None:
    """Warrants, numbered with a letter for the year of issue."""
    w_year = w["issue_date"].astype("datetime64[Y]").astype(np.int64) + 1970
    letters = np.array(list("ABCDEFGHJKLMN"), dtype=object)
    w_num = ids(rng, len(w), 1_000_000, spread=40)
    ctx.writer.write(WARRANTS, {
        "warrant_number": np.array([f"{letters[(y - 2012) % len(letters)]}{x:07d}"
                                    for y, x in zip(w_year, w_num, strict=True)], dtype=object),
        "case_number": number[w["claim"]],
        "warrant_type_code": w["warrant_type_code"],
        "issue_date": text_dates(w["issue_date"], FMT),
        "warrant_amount": w["amount"],
        "warrant_status": w["status"],
        "executed_date": text_dates(w["executed_date"], FMT),
    })  # fmt: skip
