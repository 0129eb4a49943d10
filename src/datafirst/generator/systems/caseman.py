"""CaseMan: the county court civil case-management system.

Layout quirks: case numbers of the year's last digit, the court's two-letter
prefix and a serial ('2LS01234'); dates as ``dd/mm/yyyy`` text; a party's
name in one free-text field ('Mr John SMITH' for people, the registered name
for companies); parties are people or companies, with addresses but rarely a
date of birth; party ids built from the case number.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.civil import (
    PCOL_TO_CASEMAN_TYPE,
    insolvency,
    insolvency_flow,
    transfers,
)
from datafirst.generator.civil_flows import CIVIL_CODES
from datafirst.generator.criminal import group_offsets
from datafirst.generator.systems import pcol
from datafirst.generator.systems._common import ids, join_names
from datafirst.generator.systems._courts import (
    party_addresses,
    serials,
    text_dates,
    titles,
)
from datafirst.registry.caseman import (
    CASE_EVENTS,
    CASES,
    FMT,
    HEARINGS,
    JUDGMENTS,
    PARTIES,
    SOURCE,
    WARRANTS,
)

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


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
    moved = _received_from_pcol(ctx, others.pcol)
    insolvent = _insolvency_cases(ctx)
    _write_cases(ctx, sim, number, moved, insolvent)
    _write_parties(ctx, rng, sim, number, moved)
    _write_events_and_hearings(ctx, rng, sim, number, moved, insolvent)
    _write_judgments(ctx, rng, sim.judgments, number)
    _write_warrants(ctx, rng, sim.warrants, number)


def _write_cases(ctx, sim, number, moved, insolvent) -> None:
    """The cases, with the fee and the track each was allocated to; after
    them, the possession claims received from PCOL, then the bankruptcy
    petitions and applications to set aside a statutory demand."""
    claims, ev = sim.claims, sim.events
    issue = claims["issue_date"]
    k = len(claims)
    track = np.full(k, None, dtype=object)
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
        "received_from": np.full(k, None, dtype=object),
        "pcol_claim_number": np.full(k, None, dtype=object),
    }, extras=_extras(moved, insolvent, "cases"))  # fmt: skip


def _write_parties(ctx, rng, sim, number, moved) -> None:
    """Claimants and defendants: people as recorded at issue (name in one
    field, address), companies and councils with their address; after
    them, the parties of the claims received from PCOL."""
    p = sim.parties
    issue = sim.claims["issue_date"]
    rows = _party_rows(ctx, rng, p, number[p["claim"]], issue[p["claim"]])
    ctx.writer.write(PARTIES, rows, extras=_extras(moved, None, "parties"))


def _party_rows(ctx, rng, p, case_number, recorded_on, stream: str | None = None) -> dict:
    """The party table's columns for parties ``p`` of the cases numbered
    ``case_number`` (one per party), people's identities as recorded on
    ``recorded_on`` (from ``stream`` for rows the table gained later)."""
    n = len(p)
    letter = np.array([_ROLE[r][1] for r in p["role"]], dtype=object)
    party_id = np.array(
        [f"{c}-{x}{i}" for c, x, i in zip(case_number, letter, p["role_no"], strict=True)],
        dtype=object,
    )
    rows = np.flatnonzero(p["person"] >= 0)
    who = p["person"][rows]
    rec = ctx.record(
        PARTIES,
        party_id[rows],
        who,
        recorded_on[rows],
        dob_missing=ctx.profile.civil_dob_missing,
        stream=stream,
    )
    name = p["company_name"].copy()
    name[rows] = person_names(rng, rec, ctx.pop.sex[who])
    line, postcode, town = party_addresses(ctx, rng, p, rows, rec, town_missing=0.35)
    dob = np.full(n, None, dtype=object)
    dob[rows] = text_dates(rec.dob, FMT)
    return {
        "party_id": party_id,
        "case_number": case_number,
        "party_role_code": np.array([_ROLE[r][0] for r in p["role"]], dtype=object),
        "party_number": p["role_no"],
        "party_type": p["party_type"],
        "name": name,
        "address_line_1": line,
        "address_line_2": town,
        "postcode": postcode,
        "date_of_birth": dob,
        "is_represented": p["represented"],
    }


def _write_events_and_hearings(ctx, rng, sim, number, moved, insolvent) -> None:
    ev = sim.events
    seq = group_offsets(ev["claim"]) + 1
    ctx.writer.write(CASE_EVENTS, {
        "event_id": ids(rng, len(ev), 30_000_000),
        "case_number": number[ev["claim"]],
        "event_code": ev["event_code"],
        "event_date": text_dates(ev["event_date"], FMT),
        "event_sequence": seq,
    }, extras=_extras(moved, insolvent, "case_events"))  # fmt: skip

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
    }, extras=_extras(moved, insolvent, "hearings"))  # fmt: skip


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


def _extras(moved: dict, insolvent: dict | None, table: str) -> list:
    """The blocks of rows a table gained after its first layout, each with
    the stream its malformations are drawn from."""
    out = [(moved[table], moved["malformed_rng"])]
    if insolvent is not None:
        out.append((insolvent[table], insolvent["malformed_rng"]))
    return out


def _mistype(rng, numbers: np.ndarray) -> np.ndarray:
    """A claim number with one digit of its serial keyed wrong."""
    out = numbers.copy()
    for i, x in enumerate(numbers):
        pos = 3 + int(rng.integers(len(x) - 3))
        digit = str((int(x[pos]) + 1 + int(rng.integers(9))) % 10)
        out[i] = x[:pos] + digit + x[pos + 1 :]
    return out


def _received_from_pcol(ctx, psim) -> dict:
    """The possession claims PCOL transferred to the county court hearing
    centre, as CaseMan records them on receipt: extra rows for the cases,
    parties, events and hearings extracts (written after the claims issued
    at the county court, from streams of their own, so that no row before
    them moves), and the truth of which PCOL claim each case is."""
    rng = ctx.rng("caseman:received_from_pcol")
    t = transfers(ctx, psim)
    _, pcol_number = pcol.claim_numbers(ctx, psim)
    claims = psim.claims
    src = t["claim"]
    received = t["received"]
    court = claims["court"][src]
    year = received.astype("datetime64[Y]").astype(np.int64) + 1970
    group = np.array([f"{y % 10}{c[-2:]}" for y, c in zip(year, court, strict=True)], dtype=object)
    # Received claims take serials of the centre's transfer-in series.
    serial = 80_000 + serials(rng, group, received.astype(np.int64))
    number = np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)
    ref = t["reference"]
    carried = pcol_number[src].copy()
    typo = ref == "mistyped"
    carried[typo] = _mistype(rng, carried[typo])
    carried[ref == "missing"] = None
    k = len(src)
    cases = {
        "case_number": number,
        "case_type_code": np.array(
            [PCOL_TO_CASEMAN_TYPE[x] for x in claims["case_type_code"][src]], dtype=object
        ),
        "court_code": court,
        "issue_date": text_dates(received, FMT),
        "amount_claimed": claims["amount"][src],
        "court_fee": np.zeros(k),
        "track_code": np.full(k, None, dtype=object),
        "received_from": np.full(k, "PCOL", dtype=object),
        "pcol_claim_number": carried,
    }
    ctx.truth.add(
        "caseman_pcol_cases",
        case_number=number,
        claim_number=pcol_number[src],
        received_date=received,
        reference_recorded=ref,
    )
    case_of = np.full(len(claims), -1, dtype=np.int64)
    case_of[src] = np.arange(k)
    return {
        "cases": cases,
        "parties": _received_parties(ctx, rng, psim.parties, case_of, number, received),
        **_received_events_and_hearings(rng, psim.hearings, case_of, number, court, received),
        "malformed_rng": ctx.rng("malformed_rows:caseman_received_from_pcol"),
    }


def _received_parties(ctx, rng, parties, case_of, number, received) -> dict:
    """The PCOL claim's claimants and defendants, re-keyed by the hearing
    centre: the same people, companies and representation, their names and
    addresses as CaseMan records them ('Mr John SMITH')."""
    p = parties.take(np.flatnonzero(case_of[parties["claim"]] >= 0))
    case = case_of[p["claim"]]
    return _party_rows(
        ctx,
        rng,
        p,
        number[case],
        received[case],
        stream="identity:caseman.parties:received_from_pcol",
    )


def _received_events_and_hearings(rng, hearings, case_of, number, court, received) -> dict:
    """The receipt of each case, and the PCOL claim's possession hearings
    from then on, listed and heard at the centre."""
    codes = CIVIL_CODES["caseman"]
    h = hearings.take(
        np.flatnonzero(
            (case_of[hearings["claim"]] >= 0)
            & (hearings["hearing_date"] >= received[np.maximum(case_of[hearings["claim"]], 0)])
        )
    )
    hc = case_of[h["claim"]]
    k = len(number)
    case = np.r_[np.arange(k), hc]
    date = np.r_[received, received[hc]]
    code = np.r_[
        np.full(k, codes["received"], dtype=object),
        np.full(len(hc), codes["listed"], dtype=object),
    ]
    order = np.lexsort((np.arange(len(case)), case))
    case, date, code = case[order], date[order], code[order]
    heard = h["minutes"] > 0
    return {
        "case_events": {
            "event_id": ids(rng, len(case), 60_000_000),
            "case_number": number[case],
            "event_code": code,
            "event_date": text_dates(date, FMT),
            "event_sequence": group_offsets(case) + 1,
        },
        "hearings": {
            "hearing_id": ids(rng, len(hc), 9_500_000),
            "case_number": number[hc],
            "hearing_type_code": np.full(len(hc), codes["h_possession"], dtype=object),
            "hearing_date": text_dates(h["hearing_date"], FMT),
            "court_code": court[hc],
            "time_allowed_minutes": np.where(heard, h["minutes"], None).astype(object),
            "hearing_outcome": np.where(h["outcome"] == "", None, h["outcome"]).astype(object),
        },
    }


def _insolvency_cases(ctx) -> dict:
    """The hearing centres' bankruptcy work as CaseMan records it: extra
    rows for the cases, events and hearings extracts (written after the
    others, from streams of their own). Numbered in the centre's insolvency
    series; the debt as the amount; no party rows (the debtor and the
    petitioning creditor are not in this extract)."""
    rng = ctx.rng("caseman:insolvency")
    cases = insolvency(ctx)
    events, hearings = insolvency_flow(rng, cases)
    issue, court = cases["issue_date"], cases["court"]
    year = issue.astype("datetime64[Y]").astype(np.int64) + 1970
    group = np.array([f"{y % 10}{c[-2:]}" for y, c in zip(year, court, strict=True)], dtype=object)
    serial = 70_000 + serials(rng, group, issue.astype(np.int64))
    number = np.array([f"{g}{s:05d}" for g, s in zip(group, serial, strict=True)], dtype=object)
    k = len(cases)
    heard = hearings["minutes"] > 0
    return {
        "cases": {
            "case_number": number,
            "case_type_code": cases["case_type_code"],
            "court_code": court,
            "issue_date": text_dates(issue, FMT),
            "amount_claimed": cases["amount"],
            "court_fee": cases["court_fee"],
            "track_code": np.full(k, None, dtype=object),
            "received_from": np.full(k, None, dtype=object),
            "pcol_claim_number": np.full(k, None, dtype=object),
        },
        "case_events": {
            "event_id": ids(rng, len(events), 65_000_000),
            "case_number": number[events["case"]],
            "event_code": events["code"],
            "event_date": text_dates(events["date"], FMT),
            "event_sequence": group_offsets(events["case"]) + 1,
        },
        "hearings": {
            "hearing_id": ids(rng, len(hearings), 9_800_000),
            "case_number": number[hearings["case"]],
            "hearing_type_code": hearings["code"],
            "hearing_date": text_dates(hearings["date"], FMT),
            "court_code": court[hearings["case"]],
            "time_allowed_minutes": np.where(heard, hearings["minutes"], None).astype(object),
            "hearing_outcome": np.where(
                hearings["outcome"] == "", None, hearings["outcome"]
            ).astype(object),
        },
        "malformed_rng": ctx.rng("malformed_rows:caseman_insolvency"),
    }
