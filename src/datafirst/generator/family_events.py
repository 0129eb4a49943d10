"""What happens on a family case between issue and closure, and the marriage
behind a matrimonial case: FamilyMan's case events (applications, hearings
listed, held or vacated, interim orders, decree nisi or conditional order,
final order, transfer, closure) and its divorce details (date of marriage,
the fact relied on, sole or joint application).

Drawn after the cases and their parties (:mod:`~datafirst.generator.family`)
from streams of their own (``family:events``, ``family:marriage``), so the
cases, the parties and every other extract are unchanged by them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.court_helpers import draw_shares, years
from datafirst.generator.criminal import Table, group_offsets
from datafirst.generator.dates import NAT, add_days, d64
from datafirst.generator.family import CARE_26_WEEKS, FAMILY_TO, NO_FAULT_DIVORCE

#: Event codes (seed family_event_types) in the order they are keyed on
#: one day.
EVENT_CODES = ("ISS", "APP", "TRF", "HLS", "HHD", "HVC", "IOM", "DNP", "FOM", "CLS")

#: Held hearings per case: 1 + Poisson(mean) by case type (law type as the
#: fallback); divorce is dealt with on paper unless defended.
HEARINGS_MEAN = {
    "PLCO": 3.5, "PLSO": 2.5, "PLEPO": 0.0, "PLSAO": 0.5, "PLDIS": 1.5,
    "private_law": 1.8, "family_law_act": 0.7, "adoption": 1.2,
}  # fmt: skip
#: Share of divorces with a hearing (defended, or a judge's direction).
DIVORCE_HEARING_SHARE = 0.03
#: Share of listed hearings vacated (adjourned before they sat).
HEARING_VACATED_SHARE = 0.08
#: Share of hearings that sat but whose outcome was never resulted on the
#: system (listed, never marked held): a recording gap.
HEARING_NOT_RESULTED_SHARE = 0.03

#: Further applications after the first, by law type: the share of cases
#: with at least one, and the kinds (seed family_case_types).
FURTHER_APPLICATIONS: dict[str, tuple[float, dict[str, float]]] = {
    "public_law": (0.25, {"ADPO": 0.35, "PRSGO": 0.35, "PRCAO": 0.20, "PLSAO": 0.10}),
    "private_law": (0.32, {"PRPSO": 0.35, "PRSIO": 0.20, "PRENF": 0.25, "PRPR": 0.20}),
    "family_law_act": (0.15, {"FLAOC": 0.6, "FLANM": 0.4}),
}
#: The kind a further application takes when the draw repeats the first
#: (the second when the first fallback does too).
FURTHER_FALLBACK = {
    "public_law": ("PRSGO", "PRCAO"),
    "private_law": ("PRCAO", "PRPSO"),
    "family_law_act": ("FLAOC", "FLANM"),
}
#: Of cases with a further application, the share with a second one.
SECOND_FURTHER_SHARE = 0.25

#: Interim orders at the first hearing, by case type: order code shares
#: ("" = none).
INTERIM_ORDERS: dict[str, dict[str, float]] = {
    "PLCO": {"ICO": 0.78, "ISO": 0.08, "": 0.14},
    "PLSO": {"ISO": 0.70, "ICO": 0.05, "": 0.25},
    "PRCAO": {"CAOS": 0.18, "CAOL": 0.10, "PSO": 0.05, "": 0.67},
    "PRPSO": {"PSO": 0.45, "": 0.55},
    "PRSIO": {"SIO": 0.10, "": 0.90},
    "PRSGO": {"CAOL": 0.30, "": 0.70},
}
#: Without-notice non-molestation orders made on the day of issue.
WITHOUT_NOTICE_NMO = {"FLANM": 0.45, "FLAOC": 0.30}
#: Share of children cases transferred to another court before closure.
TRANSFER_SHARE = 0.04

#: Divorce facts (seed divorce_facts) before no-fault divorce, by the
#: petitioner's sex: behaviour and adultery dominate (ONS Divorces in
#: England and Wales).
FACTS_BY_PETITIONER = {
    "F": {"BEH": 0.52, "ADU": 0.12, "SEP2": 0.24, "SEP5": 0.10, "DES": 0.02},
    "M": {"BEH": 0.40, "ADU": 0.15, "SEP2": 0.30, "SEP5": 0.14, "DES": 0.01},
}
#: The fact every application relies on from 6 April 2022.
NO_FAULT_FACT = "IRB"
#: Minimum years of marriage a fact needs (a petition needs one year).
FACT_MIN_YEARS = {"SEP2": 2.2, "SEP5": 5.2, "DES": 2.2}
#: Joint applications became possible with no-fault divorce.
JOINT_SHARE = 0.25
#: Median years married at petition, and the spread (lognormal).
MARRIAGE_MEDIAN_YEARS, MARRIAGE_SIGMA = 11.5, 0.6
#: Share of divorce details with no date of marriage keyed.
MARRIAGE_DATE_MISSING = 0.03


@dataclass
class FamilyEvents:
    """Events of the family cases and the divorce details of the
    matrimonial ones."""

    #: One row per event, in case then date order: case, event_code,
    #: event_date, application_type_code, order_type_code ("" = none).
    events: Table
    #: One row per divorce, judicial separation or nullity case: case,
    #: marriage_date (NaT when not keyed), fact_code ("" for nullity),
    #: joint.
    divorce: Table


def simulate_events(ctx, cases: Table, parties: Table) -> FamilyEvents:
    """The events of ``cases`` and the divorce details of the matrimonial
    ones (their spouses are the petitioner and respondent ``parties``)."""
    ev = _Events()
    _case_events(ctx.rng("family:events"), cases, ev)
    divorce, dn_dates = _divorce_details(ctx.rng("family:marriage"), ctx.pop, cases, parties)
    dv = divorce["case"]
    has_dn = ~np.isnat(dn_dates)
    ev.add(dv[has_dn], "DNP", dn_dates[has_dn],
           order=np.where(dn_dates[has_dn] >= NO_FAULT_DIVORCE, "CNO", "DNI"))  # fmt: skip
    return FamilyEvents(ev.table(), divorce)


class _Events:
    def __init__(self):
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, case, code: str, when, application="", order="") -> None:
        case = np.asarray(case, dtype=np.int64)
        self.parts.append({
            "case": case,
            "event_code": np.full(len(case), code, dtype=object),
            "event_date": np.asarray(when, dtype="datetime64[D]"),
            "application_type_code": np.broadcast_to(
                np.asarray(application, dtype=object), case.shape).astype(object),
            "order_type_code": np.broadcast_to(
                np.asarray(order, dtype=object), case.shape).astype(object),
        })  # fmt: skip

    def table(self) -> Table:
        cols = {k: np.concatenate([p[k] for p in self.parts]) for k in self.parts[0]}
        rank = {c: i for i, c in enumerate(EVENT_CODES)}
        code_rank = np.array([rank[c] for c in cols["event_code"]], dtype=np.int64)
        order = np.lexsort((code_rank, cols["event_date"].astype(np.int64), cols["case"]))
        return Table({k: v[order] for k, v in cols.items()})


def _case_events(rng, c: Table, ev: _Events) -> None:
    n = len(c)
    law, ctype, issue = c["law_type"], c["case_type_code"], c["issue_date"]
    closed, final = c["closed_date"], c["order_type_code"]
    is_closed = ~np.isnat(closed)
    end = np.where(is_closed, closed, FAMILY_TO)
    span = np.maximum((end - issue).astype(np.int64), 0)
    every = np.arange(n)

    ev.add(every, "ISS", issue)
    ev.add(every, "APP", issue, application=ctype)

    # Further applications, issued within the case before its end.
    for lt, (share, kinds) in FURTHER_APPLICATIONS.items():
        rows = np.flatnonzero(law == lt)
        k = (rng.random(len(rows)) < share).astype(np.int64)
        k += (k > 0) & (rng.random(len(rows)) < SECOND_FURTHER_SHARE)
        k[span[rows] < 14] = 0
        row = np.repeat(rows, k)
        kind = draw_shares(rng, kinds, len(row))
        for fallback in FURTHER_FALLBACK[lt]:
            kind = np.where(kind == ctype[row], fallback, kind).astype(object)
        when = add_days(issue[row], 1 + np.floor(rng.random(len(row)) * 0.8 * span[row]))
        ev.add(row, "APP", when, application=kind)

    # Hearings: listed, then held (the last, for a closed case, on the day
    # it closed), vacated or never resulted.
    mean = np.array([HEARINGS_MEAN.get(t, HEARINGS_MEAN.get(lt, 0.0))
                     for t, lt in zip(ctype, law, strict=True)])  # fmt: skip
    held = 1 + rng.poisson(mean)
    divorce = law == "divorce"
    held[divorce] = np.where(
        rng.random(divorce.sum()) < DIVORCE_HEARING_SHARE, 1 + rng.poisson(1.0, divorce.sum()), 0
    )
    # Cases withdrawn early, and open cases, have fewer hearings.
    held = np.minimum(held, 1 + span // 21)
    row = np.repeat(every, held)
    rank = group_offsets(row)
    last = rank == held[row] - 1
    first_gap = np.minimum(np.where(law[row] == "public_law", 12, 42), span[row])
    frac = rng.random(len(row))
    gap = (first_gap + np.floor(frac * np.maximum(span[row] - first_gap, 0))).astype(np.int64)
    gap = _sorted_within(row, gap)
    gap[rank == 0] = np.minimum(gap[rank == 0], first_gap[rank == 0])
    gap[last & is_closed[row]] = span[row][last & is_closed[row]]
    hearing = add_days(issue[row], gap)
    listed = add_days(hearing, -np.minimum(rng.integers(7, 43, len(row)), gap))
    ev.add(row, "HLS", listed)
    fate = rng.random(len(row))
    first = rank == 0
    vacated = (fate < HEARING_VACATED_SHARE) & ~last & ~first
    not_resulted = (fate > 1 - HEARING_NOT_RESULTED_SHARE) & ~last & ~first
    sat = ~vacated & ~not_resulted
    ev.add(row[vacated], "HVC", hearing[vacated])
    ev.add(row[sat], "HHD", hearing[sat])

    # Interim orders: at the first hearing; before the 2014 reforms an
    # interim care order lapsed after eight then four weeks, so it was
    # renewed at each later hearing.
    f_case = row[first]
    for ct, shares in INTERIM_ORDERS.items():
        sel = ctype[f_case] == ct
        code = draw_shares(rng, shares, sel.sum())
        made = code != ""
        made &= ~(is_closed[f_case[sel]] & (held[f_case[sel]] == 1))  # final at first hearing
        ev.add(f_case[sel][made], "IOM", hearing[first][sel][made], order=code[made])
    renew = (~first & ~last & sat & (ctype[row] == "PLCO") & (issue[row] < CARE_26_WEEKS)
             & (hearing < CARE_26_WEEKS))  # fmt: skip
    ev.add(row[renew], "IOM", hearing[renew], order="ICO")
    for ct, share in WITHOUT_NOTICE_NMO.items():
        sel = np.flatnonzero((ctype == ct) & (rng.random(n) < share) & (span > 0))
        ev.add(sel, "IOM", issue[sel], order="NMO")

    # Transfers between courts in children cases.
    children = np.flatnonzero(np.isin(law, ["public_law", "private_law"]) & (span > 7))
    moved = children[rng.random(len(children)) < TRANSFER_SHARE]
    ev.add(moved, "TRF", add_days(issue[moved], 1 + np.floor(rng.random(len(moved))
                                                             * 0.5 * span[moved])))  # fmt: skip

    # Final order and closure.
    with_order = np.flatnonzero(is_closed & (final != ""))
    ev.add(with_order, "FOM", closed[with_order], order=final[with_order])
    shut = np.flatnonzero(is_closed)
    ev.add(shut, "CLS", closed[shut])


def _sorted_within(owner: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` sorted ascending within each run of ``owner`` (sorted)."""
    order = np.lexsort((values, owner))
    return values[order]


def _divorce_details(rng, pop, c: Table, p: Table):
    """Date of marriage, fact and sole or joint application of each
    matrimonial case, and its decree nisi / conditional order date (NaT
    when none yet)."""
    dv = np.flatnonzero(c["law_type"] == "divorce")
    k = len(dv)
    issue, closed, ctype = c["issue_date"][dv], c["closed_date"][dv], c["case_type_code"][dv]
    pet = _spouse(p, dv, "PET")
    res = _spouse(p, dv, "RES")
    co_respondent = np.isin(dv, p["case"][p["role"] == "CORES"])
    sex = np.where(pet >= 0, pop.sex[np.maximum(pet, 0)], "F")
    no_fault = issue >= NO_FAULT_DIVORCE

    fact = np.full(k, "", dtype=object)
    for s, shares in FACTS_BY_PETITIONER.items():
        sel = (sex == s) & ~no_fault
        fact[sel] = draw_shares(rng, shares, sel.sum())
    fact[co_respondent & ~no_fault] = "ADU"
    fact[no_fault] = NO_FAULT_FACT
    fact[ctype == "DIVNL"] = ""
    joint = no_fault & (ctype != "DIVNL") & (rng.random(k) < JOINT_SHARE)

    # Years married at petition, at least what the fact needs and never
    # before both spouses were 18; a separation or desertion fact the couple
    # were too young for becomes behaviour.
    dobs = np.stack([np.where(x >= 0, pop.dob[np.maximum(x, 0)], NAT) for x in (pet, res)])
    known = np.where(np.isnat(dobs), d64("1900-01-01"), dobs)
    adult = add_days(np.max(known, axis=0), years(18))
    most = (issue - adult).astype(np.int64) / 365.25
    lo = np.array([FACT_MIN_YEARS.get(f, 1.05) for f in fact])
    fact[np.isin(fact, list(FACT_MIN_YEARS)) & (lo > most)] = "BEH"
    lo = np.array([FACT_MIN_YEARS.get(f, 1.05) for f in fact])
    length = rng.lognormal(np.log(MARRIAGE_MEDIAN_YEARS), MARRIAGE_SIGMA, k)
    length = np.maximum(np.minimum(length, most), lo)
    married = add_days(issue, -np.ceil(length * 365.25).astype(np.int64))
    married = np.where(rng.random(k) < MARRIAGE_DATE_MISSING, NAT, married)

    # Decree nisi (conditional order from April 2022): some months after
    # the petition and at least six weeks and a day before the decree
    # absolute; none for judicial separation, and not yet for some open
    # cases.
    open_ = np.isnat(closed)
    until = np.where(open_, FAMILY_TO, add_days(closed, -43))
    wait = np.where(no_fault, 140, 60)
    dn = add_days(issue, np.floor(wait + rng.random(k) * 0.6 * np.maximum(
        (until - issue).astype(np.int64) - wait, 0)))  # fmt: skip
    dn = np.minimum(dn, until)
    # A decree absolute made under six weeks after the petition has no
    # decree nisi on record.
    dn[dn < issue] = NAT
    dn[ctype == "DIVJS"] = NAT
    dn[open_ & ((rng.random(k) < 0.4) | (dn > FAMILY_TO))] = NAT
    details = Table({
        "case": dv,
        "marriage_date": married.astype("datetime64[D]"),
        "fact_code": fact,
        "joint": joint,
    })  # fmt: skip
    return details, dn.astype("datetime64[D]")


def _spouse(p: Table, cases: np.ndarray, role: str) -> np.ndarray:
    """The first party of ``role`` on each of ``cases`` (-1 when none)."""
    sel = np.flatnonzero(p["role"] == role)
    out = np.full(len(cases), -1, dtype=np.int64)
    case_of = p["case"][sel]
    # First party of the role per case (party rows are in case order).
    first = np.r_[True, case_of[1:] != case_of[:-1]] if len(sel) else np.zeros(0, bool)
    pos = np.searchsorted(cases, case_of[first])
    ok = (pos < len(cases)) & (cases[np.minimum(pos, len(cases) - 1)] == case_of[first])
    out[pos[ok]] = p["person"][sel[first][ok]]
    return out
