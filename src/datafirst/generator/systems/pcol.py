"""PCOL: Possession Claims Online, where landlords and lenders issue
possession claims.

Layout quirks: typed dates (the claimant keys them into a web form); the
defendant's title, forename and surname in separate fields, as the claimant
typed them (sometimes in capitals); companies in a separate organisation
name field; numeric ids; dates of birth rarely given.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.systems._common import ids
from datafirst.generator.systems._courts import (
    party_addresses,
    serials,
    titles,
)
from datafirst.registry.pcol import (
    CLAIM_EVENTS,
    CLAIMS,
    HEARINGS,
    JUDGMENTS,
    PARTIES,
    SOURCE,
    WARRANTS,
)

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


_ROLE = {"claimant": "CLM", "defendant": "DEF"}


def claim_numbers(ctx, sim) -> tuple[np.random.Generator, np.ndarray]:
    """PCOL's stream and the claim numbers, its first draws: the year's last
    digit, 'PC' and a serial ('2PC01234'). CaseMan calls this too, for the
    number a claim transferred to it carries over."""
    rng = ctx.rng(SYSTEM)
    issue = sim.claims["issue_date"]
    year = issue.astype("datetime64[Y]").astype(np.int64) + 1970
    group = np.array([f"{y % 10}PC" for y in year], dtype=object)
    serial = serials(rng, group, issue.astype(np.int64))
    number = np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)
    return rng, number


def write(ctx, history, others) -> None:
    sim = others.pcol
    rng, number = claim_numbers(ctx, sim)
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
        "is_represented": p["represented"],
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
