"""PCOL: Possession Claims Online, where landlords and lenders issue
possession claims.

Layout quirks: typed dates (the claimant keys them into a web form); the
defendant's title, forename and surname in separate fields, as the claimant
typed them (sometimes in capitals); companies in a separate organisation
name field; numeric ids; dates of birth rarely given.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.extract import Column, TableSpec
from datafirst.generator.systems._common import ids
from datafirst.generator.systems._courts import (
    party_addresses,
    serials,
    titles,
)

SYSTEM = "pcol"

CLAIMS = TableSpec(
    system=SYSTEM,
    table="claims",
    description="One row per claim issued through Possession Claims Online from January "
    "2012 to January 2022: possession for rent or mortgage arrears, accelerated possession, "
    "and money-only claims for arrears left after possession.",
    grain="possession claim",
    columns=(
        Column(
            "claim_number",
            "string",
            "PCOL claim number: last digit of the year of issue, "
            "'PC' and a five-digit serial, e.g. '4PC01234'.",
            "key",
        ),
        Column(
            "claim_type_code",
            "string",
            "Kind of claim (seed civil_case_types, source_system pcol).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "County court hearing centre for the property (seed courts, court_type county).",
            "code",
        ),
        Column("issue_date", "date", "Date the claim was issued.", "date"),
        Column(
            "arrears_amount",
            "decimal",
            "Rent or mortgage arrears claimed in pounds; null "
            "for accelerated and other-breach claims.",
            "",
        ),
        Column(
            "daily_rent_amount", "decimal", "Daily rate of rent in pounds (rent claims only).", ""
        ),
        Column("court_fee", "decimal", "Issue fee in pounds.", ""),
    ),
)

PARTIES = TableSpec(
    system=SYSTEM,
    table="parties",
    description="One row per party per role per claim: claimants (landlords, lenders, "
    "councils, sometimes a private landlord in person) and defendants (tenants and "
    "borrowers, often two joint defendants). Organisations are never persons.",
    grain="party per role per claim",
    person_bearing=True,
    columns=(
        Column("party_id", "int64", "PCOL's id of the party-on-claim record.", "key"),
        Column("claim_number", "string", "The claim (claims.claim_number).", "fk"),
        Column(
            "party_role_code",
            "string",
            "Role of the party (seed party_roles, source_system pcol).",
            "code",
        ),
        Column("party_number", "int32", "Number of the party within its role.", ""),
        Column("party_type", "string", "'individual' or 'company'.", ""),
        Column("title", "string", "Title as typed; often blank.", ""),
        Column(
            "forename",
            "string",
            "Forename as typed by the claimant (null for organisations).",
            "name",
        ),
        Column(
            "surname",
            "string",
            "Surname as typed by the claimant (null for organisations).",
            "name",
        ),
        Column(
            "organisation_name",
            "string",
            "Name of a company, housing association or council party; null for people.",
            "name",
        ),
        Column(
            "address_line_1",
            "string",
            "First line of the address (for defendants, the "
            "property or their address at the claim).",
            "text",
        ),
        Column("address_line_2", "string", "Post town, when typed.", "text"),
        Column("postcode", "string", "Postcode; may be stale, mistyped or missing.", ""),
        Column("date_of_birth", "date", "Date of birth; rarely given.", "date"),
    ),
)

CLAIM_EVENTS = TableSpec(
    system=SYSTEM,
    table="claim_events",
    description="One row per event on a claim (issue, service, defence, hearing listed, "
    "orders, warrant requests, evictions, closure), up to the extract date.",
    grain="event per claim",
    columns=(
        Column("event_id", "int64", "PCOL's id of the event.", "key"),
        Column("claim_number", "string", "The claim (claims.claim_number).", "fk"),
        Column(
            "event_type_code",
            "string",
            "Event code (seed civil_event_types, source_system pcol).",
            "code",
        ),
        Column("event_date", "date", "Date of the event.", "date"),
    ),
)

HEARINGS = TableSpec(
    system=SYSTEM,
    table="hearings",
    description="One row per hearing listed on a claim, including hearings vacated when "
    "the claim was withdrawn and hearings listed after the extract date (no outcome yet).",
    grain="hearing per claim",
    columns=(
        Column("hearing_id", "int64", "PCOL's id of the hearing.", "key"),
        Column("claim_number", "string", "The claim (claims.claim_number).", "fk"),
        Column(
            "hearing_type_code",
            "string",
            "Kind of hearing (seed hearing_types, source_system pcol).",
            "code",
        ),
        Column("hearing_date", "date", "Date the hearing was listed for.", "date"),
        Column("court_code", "string", "Court where the hearing was listed (seed courts).", "code"),
        Column(
            "duration_minutes",
            "int32",
            "Length of the hearing in minutes; null when vacated or not yet heard.",
            "length",
        ),
        Column("outcome", "string", "Outcome text; null when not yet heard.", "text"),
    ),
)

JUDGMENTS = TableSpec(
    system=SYSTEM,
    table="judgments",
    description="One row per possession order or money judgment on a claim.",
    grain="judgment per claim",
    columns=(
        Column("judgment_id", "int64", "PCOL's id of the judgment.", "key"),
        Column("claim_number", "string", "The claim (claims.claim_number).", "fk"),
        Column(
            "judgment_type_code",
            "string",
            "Kind of judgment or order (seed civil_judgment_types, source_system pcol).",
            "code",
        ),
        Column("order_date", "date", "Date the order or judgment was made.", "date"),
        Column(
            "possession_date",
            "date",
            "Date by which possession must be given (outright orders only).",
            "date",
        ),
        Column("arrears_amount", "decimal", "Arrears ordered to be paid in pounds.", ""),
        Column("costs_amount", "decimal", "Costs ordered in pounds.", ""),
    ),
)

WARRANTS = TableSpec(
    system=SYSTEM,
    table="warrants",
    description="One row per warrant: possession (the bailiff's eviction), restitution, or "
    "control for unpaid arrears.",
    grain="warrant per claim",
    columns=(
        Column("warrant_id", "int64", "PCOL's id of the warrant.", "key"),
        Column("claim_number", "string", "The claim (claims.claim_number).", "fk"),
        Column(
            "warrant_type_code",
            "string",
            "Kind of warrant (seed civil_warrant_types, source_system pcol).",
            "code",
        ),
        Column("issue_date", "date", "Date the warrant was issued.", "date"),
        Column("warrant_amount", "decimal", "Amount outstanding in pounds, when stated.", ""),
        Column(
            "status",
            "string",
            "Latest state: executed, suspended, withdrawn, paid, no goods, outstanding.",
            "text",
        ),
        Column(
            "eviction_date",
            "date",
            "Date the eviction was carried out (or the warrant paid out).",
            "date",
        ),
    ),
)

TABLES = (CLAIMS, PARTIES, CLAIM_EVENTS, HEARINGS, JUDGMENTS, WARRANTS)

_ROLE = {"claimant": "CLM", "defendant": "DEF"}


def write(ctx, history, others) -> None:
    rng = ctx.rng(SYSTEM)
    sim = others.pcol
    issue = sim.claims["issue_date"]
    year = issue.astype("datetime64[Y]").astype(np.int64) + 1970
    group = np.array([f"{y % 10}PC" for y in year], dtype=object)
    serial = serials(rng, group, issue.astype(np.int64))
    number = np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)
    _write_claims(ctx, rng, sim.claims, number)
    _write_parties(ctx, rng, sim, number)
    _write_events_and_hearings(ctx, rng, sim, number)
    _write_judgments_and_warrants(ctx, rng, sim, number)


def _write_claims(ctx, rng, claims, number) -> None:
    """The claims, with the daily rent on rent arrears claims and the fee."""
    k = len(claims)
    issue = claims["issue_date"]
    ctype = claims["case_type_code"]
    rent = np.isin(ctype, ["RS", "RP"])
    weekly = np.where(
        ctype == "RS", rng.lognormal(np.log(105), 0.25, k), rng.lognormal(np.log(190), 0.35, k)
    )
    fee = np.where(issue >= np.datetime64("2014-04-22"), 325.0, 250.0)
    fee = np.where(ctype == "MJ", 70.0, fee)
    ctx.writer.write(CLAIMS, {
        "claim_number": number,
        "claim_type_code": ctype,
        "court_code": claims["court"],
        "issue_date": issue,
        "arrears_amount": claims["amount"],
        "daily_rent_amount": np.where(rent, np.round(weekly / 7, 2), np.nan),
        "court_fee": fee,
    })  # fmt: skip


def _write_parties(ctx, rng, sim, number) -> None:
    """Claimants and defendants: people as the claimant typed them (title,
    forename and surname, sometimes in capitals), organisations by name;
    addresses."""
    p = sim.parties
    issue = sim.claims["issue_date"]
    n = len(p)
    party_id = ids(rng, n, 700_000)
    rows = np.flatnonzero(p["person"] >= 0)
    who = p["person"][rows]
    rec = ctx.record(
        PARTIES,
        party_id[rows],
        who,
        issue[p["claim"][rows]],
        dob_missing=ctx.profile.civil_dob_missing,
    )
    title = np.full(n, None, dtype=object)
    forename = np.full(n, None, dtype=object)
    surname = np.full(n, None, dtype=object)
    title[rows] = titles(rng, ctx.pop.sex[who])
    caps = rng.random(len(rows)) < 0.1
    forename[rows] = np.where(
        caps, np.array([x.upper() for x in rec.forename], dtype=object), rec.forename
    )
    surname[rows] = np.where(
        caps, np.array([x.upper() for x in rec.surname], dtype=object), rec.surname
    )
    line, postcode, town = party_addresses(ctx, rng, p, rows, rec, town_missing=0.2)
    dob = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    dob[rows] = rec.dob
    ctx.writer.write(PARTIES, {
        "party_id": party_id,
        "claim_number": number[p["claim"]],
        "party_role_code": np.array([_ROLE[r] for r in p["role"]], dtype=object),
        "party_number": p["role_no"],
        "party_type": p["party_type"],
        "title": title,
        "forename": forename,
        "surname": surname,
        "organisation_name": p["company_name"],
        "address_line_1": line,
        "address_line_2": town,
        "postcode": postcode,
        "date_of_birth": dob,
    })  # fmt: skip


def _write_events_and_hearings(ctx, rng, sim, number) -> None:
    ev = sim.events
    ctx.writer.write(CLAIM_EVENTS, {
        "event_id": ids(rng, len(ev), 12_000_000),
        "claim_number": number[ev["claim"]],
        "event_type_code": ev["event_code"],
        "event_date": ev["event_date"],
    })  # fmt: skip

    h = sim.hearings
    heard = h["minutes"] > 0
    ctx.writer.write(HEARINGS, {
        "hearing_id": ids(rng, len(h), 3_000_000),
        "claim_number": number[h["claim"]],
        "hearing_type_code": h["hearing_type_code"],
        "hearing_date": h["hearing_date"],
        "court_code": sim.claims["court"][h["claim"]],
        "duration_minutes": np.where(heard, h["minutes"], None).astype(object),
        "outcome": np.where(h["outcome"] == "", None, h["outcome"]).astype(object),
    })  # fmt: skip


def _write_judgments_and_warrants(ctx, rng, sim, number) -> None:
    j = sim.judgments
    ctx.writer.write(JUDGMENTS, {
        "judgment_id": ids(rng, len(j), 1_500_000),
        "claim_number": number[j["claim"]],
        "judgment_type_code": j["judgment_type_code"],
        "order_date": j["judgment_date"],
        "possession_date": j["possession_date"],
        "arrears_amount": np.where(j["amount"] > 0, j["amount"], np.nan),
        "costs_amount": j["costs"],
    })  # fmt: skip

    w = sim.warrants
    ctx.writer.write(WARRANTS, {
        "warrant_id": ids(rng, len(w), 400_000),
        "claim_number": number[w["claim"]],
        "warrant_type_code": w["warrant_type_code"],
        "issue_date": w["issue_date"],
        "warrant_amount": w["amount"],
        "status": w["status"],
        "eviction_date": w["executed_date"],
    })  # fmt: skip
