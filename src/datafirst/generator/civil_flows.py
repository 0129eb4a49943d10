"""What happens on a county court claim once it is issued, in CaseMan's or
PCOL's own codes: service, responses, hearings, judgments and enforcement,
collected by :class:`Flow` and cut at the date the extract was taken.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.court_helpers import Rows
from datafirst.generator.criminal import Table, lognormal_days
from datafirst.generator.dates import NAT, add_days, d64

#: The extract was taken at the end of the coverage window, so later events
#: are not in it.
CIVIL_EXTRACT = d64(COVERAGE["caseman"][1])
#: Possession proceedings were stayed in the pandemic.
COVID_STAY = (d64("2020-03-27"), d64("2020-09-20"))

#: What happens on a civil claim, in each system's own codes (seeds
#: civil_event_types, hearing_types, civil_judgment_types,
#: civil_warrant_types, civil_case_types).
CIVIL_CODES: dict[str, dict[str, str]] = {
    "caseman": {
        # events
        "issued": "001", "served": "002", "acknowledged": "038", "admission": "040",
        "part_admission": "041", "defence": "050", "counterclaim": "052",
        "default_requested": "060", "default_entered": "065", "admission_entered": "070",
        "questionnaire": "078", "allocated_small": "080", "allocated_fast": "081",
        "allocated_multi": "082", "listed": "090", "adjourned": "095",
        "judgment_after_hearing": "100", "set_aside_applied": "110", "warrant_issued": "120",
        "attachment_of_earnings": "121", "charging_order": "125",
        "order_to_obtain_information": "130", "discontinued": "140", "struck_out": "150",
        "stayed": "160", "transferred": "170", "received": "175",
        "petition_presented": "200", "set_aside_sd_filed": "201", "bankruptcy_order": "210",
        "petition_dismissed": "211", "petition_withdrawn": "212", "sd_set_aside": "220",
        "sd_set_aside_refused": "221",
        # hearings
        "h_small": "SCH", "h_fast": "FTT", "h_multi": "MTT", "h_cmc": "CMC",
        "h_disposal": "DSP", "h_application": "APP", "h_set_aside": "SAJ",
        "h_information": "OTI", "h_possession": "POS", "h_bankruptcy": "BKY",
        "h_set_aside_sd": "SDH",
        # judgments
        "j_default": "DEF", "j_admission": "ADM", "j_determination": "DET",
        "j_summary": "SUM", "j_trial": "TRL", "j_consent": "CON",
        # warrants
        "w_execution": "EX", "w_possession": "PO", "w_delivery": "DL", "w_committal": "CM",
    },
    "pcol": {
        "issued": "ISSU", "served": "SERV", "defence": "DEFR", "no_defence": "NDEF",
        "counterclaim": "CNTR", "listed": "HLST", "adjourned": "HADJ",
        "adjourned_generally": "HADG", "outright_order": "POOR", "suspended_order": "POSU",
        "money_judgment": "MJDG", "accelerated_order": "ACPO", "warrant_requested": "WREQ",
        "warrant_issued": "WISS", "warrant_suspended": "WSUS", "evicted": "EVIC",
        "set_aside_applied": "SETA", "dismissed": "DISM", "withdrawn": "WDRN",
        "struck_out": "STRK", "transferred": "XFER", "closed": "CLSD",
        "h_possession": "POSS", "h_adjourned": "POSSADJ", "h_suspend_warrant": "SUSP",
        "h_set_aside": "SETASIDE", "h_trial": "TRIAL",
        "j_default": "JD", "j_outright": "JT", "j_suspended": "JS", "j_consent": "JC",
        "j_summary": "JSM",
        "w_possession": "WOP", "w_restitution": "WOR", "w_control": "WOC",
    },
}  # fmt: skip


def dates_outside_stay(rng, dates: np.ndarray, resume_spread: int = 120) -> np.ndarray:
    """Move dates inside the pandemic stay to the months after it."""
    inside = (dates >= COVID_STAY[0]) & (dates <= COVID_STAY[1])
    out = dates.copy()
    out[inside] = add_days(
        np.full(inside.sum(), COVID_STAY[1]), rng.integers(1, resume_spread, inside.sum())
    )
    return out


class Flow:
    """Collects what happens on civil claims, then cuts it at the extract."""

    def __init__(self, rng, codes: dict[str, str], k: int):
        self.rng = rng
        self.codes = codes
        self.k = k
        self.events = Rows(claim=np.int64, event_date="datetime64[D]", event_code=object)
        self.hearings = Rows(
            claim=np.int64,
            hearing_date="datetime64[D]",
            hearing_type_code=object,
            outcome=object,
            minutes=np.int64,
        )
        self.judgments = Rows(
            claim=np.int64,
            judgment_date="datetime64[D]",
            judgment_type_code=object,
            amount=np.float64,
            costs=np.float64,
            instalments=bool,
            possession_date="datetime64[D]",
        )
        self.warrants = Rows(
            claim=np.int64,
            issue_date="datetime64[D]",
            warrant_type_code=object,
            amount=np.float64,
            status=object,
            executed_date="datetime64[D]",
        )

    def days(self, lo: int, hi: int, size: int | None = None) -> np.ndarray:
        return self.rng.integers(lo, hi + 1, size=self.k if size is None else size)

    def chance(self, p, size: int | None = None) -> np.ndarray:
        return self.rng.random(self.k if size is None else size) < p

    def event(self, claims: np.ndarray, dates: np.ndarray, kind: str) -> None:
        self.events.add(claim=claims, event_date=dates, event_code=self.codes[kind])

    def hearing(self, claims, dates, kind: str, outcome, minutes) -> None:
        self.hearings.add(
            claim=claims,
            hearing_date=dates,
            hearing_type_code=self.codes[kind],
            outcome=outcome,
            minutes=minutes,
        )

    def judgment(self, claims, dates, kind, amount, costs, instalments=False,
                 possession_date=NAT) -> None:  # fmt: skip
        codes = kind if isinstance(kind, np.ndarray) else self.codes[kind]
        self.judgments.add(
            claim=claims,
            judgment_date=dates,
            judgment_type_code=codes,
            amount=amount,
            costs=costs,
            instalments=instalments,
            possession_date=possession_date,
        )

    def warrant(self, claims, dates, kind: str, amount, status, executed) -> None:
        self.warrants.add(
            claim=claims,
            issue_date=dates,
            warrant_type_code=self.codes[kind],
            amount=amount,
            status=status,
            executed_date=executed,
        )

    def tables(self):
        out = []
        for rows, date_col, horizon in (
            (self.events, "event_date", 0),
            (self.hearings, "hearing_date", 120),
            (self.judgments, "judgment_date", 0),
            (self.warrants, "issue_date", 0),
        ):
            t = rows.table()
            # Hearings already listed for the months after the extract are in
            # it, without an outcome.
            keep = np.flatnonzero(t[date_col] <= add_days(CIVIL_EXTRACT, horizon))
            keep = keep[np.lexsort((keep, t[date_col][keep].astype(np.int64), t["claim"][keep]))]
            out.append(t.take(keep))
        events, hearings, judgments, warrants = out
        future = hearings["hearing_date"] > CIVIL_EXTRACT
        hearings["outcome"][future] = ""
        hearings["minutes"][future] = 0
        late = warrants["executed_date"] > CIVIL_EXTRACT
        warrants["executed_date"][late] = NAT
        warrants["status"][late] = "outstanding"
        judgments["possession_date"] = np.where(
            judgments["possession_date"] > CIVIL_EXTRACT + 365, NAT, judgments["possession_date"]
        )
        return events, hearings, judgments, warrants


def _fixed_costs(claimed: np.ndarray) -> np.ndarray:
    """Fixed costs on entering judgment, by amount band (CPR 45)."""
    return np.select(
        [claimed <= 25, claimed <= 500, claimed <= 1000, claimed <= 5000],
        [0.0, 50.0, 70.0, 80.0],
        default=100.0,
    )


class _MoneyClaims:
    """CaseMan's money and other claims (all but possession) on their way
    through the court: issued and served on creation, then the judgment
    each gets, if any, kept for enforcement."""

    def __init__(self, f: Flow, claims: Table):
        self.f = f
        self.rng = f.rng
        self.m = m = np.flatnonzero(claims["category"] != "possession")
        self.k = k = len(m)
        self.issue = issue = claims["issue_date"][m]
        self.ctype = claims["case_type_code"][m]
        self.claimed = np.nan_to_num(claims["amount"][m], nan=0.0)
        self.has_amount = self.claimed > 0
        self.costs = _fixed_costs(self.claimed)
        f.event(m, issue, "issued")
        self.served = add_days(issue, np.where(f.chance(0.9, k), 5, f.days(6, 40, k)))
        f.event(m, self.served, "served")
        self.unspecified = np.isin(self.ctype, ["USP", "PIN", "RTA", "HDR"])
        self.judged = np.zeros(k, dtype=bool)
        self.j_date = np.full(k, NAT)
        self.j_amount = np.zeros(k)

    def judged_on(self, mask: np.ndarray, dates: np.ndarray, amounts: np.ndarray) -> None:
        """Note the judgment entered on the claims of ``mask``."""
        self.judged |= mask
        self.j_date = np.where(mask, dates, self.j_date)
        self.j_amount = np.where(mask, amounts, self.j_amount)


def caseman_flow(f: Flow, claims: Table) -> None:
    """Money and other claims in the county court (CaseMan): no response,
    admission, defence or early settlement; then applications to set a
    default judgment aside and enforcement of unpaid judgments."""
    c = _MoneyClaims(f, claims)
    resp = c.rng.choice(4, size=c.k, p=[0.58, 0.14, 0.16, 0.12])
    nr = resp == 0
    dj, stayed = _no_response(c, nr)
    _admission(c, resp == 1)
    _defended(c, resp == 2)

    # Settled or paid before any response; some stale claims struck out.
    m, k, se = c.m, c.k, resp == 3
    f.event(m[se], add_days(c.served[se], f.days(2, 90, se.sum())), "discontinued")
    struck = nr & ~dj & ~stayed & f.chance(0.3, k)
    f.event(m[struck], add_days(c.issue[struck], f.days(120, 400, struck.sum())), "struck_out")

    set_aside = _set_aside_applications(c, dj)
    _enforcement(c, set_aside)


def _no_response(c: _MoneyClaims, nr: np.ndarray):
    """No response: judgment in default (damages assessed at a disposal
    hearing when the amount was not specified), else stayed. Which claims
    got a default judgment, and which were stayed."""
    f, m, k = c.f, c.m, c.k
    dj = nr & f.chance(0.85, k) & (c.has_amount | (c.ctype == "RGD"))
    req = add_days(c.served, f.days(15, 75, k))
    f.event(m[dj], req[dj], "default_requested")
    entered = add_days(req, f.days(0, 10, k))
    f.event(m[dj], entered[dj], "default_entered")
    disposal = dj & c.unspecified
    d_date = add_days(entered, f.days(60, 160, k))
    f.event(m[disposal], entered[disposal], "listed")
    f.hearing(
        m[disposal],
        d_date[disposal],
        "h_disposal",
        "Damages assessed",
        f.days(15, 60, disposal.sum()),
    )
    assessed = np.round(c.claimed * np.where(c.unspecified, c.rng.uniform(0.4, 1.0, k), 1.0), 2)
    when = np.where(disposal, d_date, entered)
    f.judgment(
        m[dj], when[dj], "j_default", assessed[dj], c.costs[dj], instalments=f.chance(0.3, dj.sum())
    )
    c.judged_on(dj, when, assessed)
    stayed = nr & ~dj & f.chance(0.6, k)
    f.event(m[stayed], add_days(c.issue[stayed], 183), "stayed")
    return dj, stayed


def _admission(c: _MoneyClaims, ad: np.ndarray) -> None:
    """Admission: judgment on admission, or by determination of the rate."""
    f, m, k = c.f, c.m, c.k
    part = ad & f.chance(0.15, k)
    a_date = add_days(c.served, f.days(3, 14, k))
    f.event(m[ad & ~part], a_date[ad & ~part], "admission")
    f.event(m[part], a_date[part], "part_admission")
    ja = ad & f.chance(0.8, k) & c.has_amount
    ja_date = add_days(a_date, f.days(5, 40, k))
    det = ja & f.chance(0.3, k)
    admitted = np.round(np.where(part, c.claimed * c.rng.uniform(0.3, 0.9, k), c.claimed), 2)
    f.event(m[ja], ja_date[ja], "admission_entered")
    f.judgment(
        m[ja],
        ja_date[ja],
        np.where(det[ja], f.codes["j_determination"], f.codes["j_admission"]).astype(object),
        admitted[ja],
        c.costs[ja],
        instalments=f.chance(0.75, ja.sum()),
    )
    c.judged_on(ja, ja_date, admitted)


def _defended(c: _MoneyClaims, de: np.ndarray) -> None:
    """Defended: questionnaire, allocation to a track, then summary
    judgment for a few and a trial (or settlement) for the rest."""
    alloc, track = _defence_and_allocation(c, de)
    summary = _summary_judgment(c, de, alloc)
    going = de & ~summary
    trial, h_kind, minutes = _listed_for_trial(c, going, alloc, track)
    _settled_or_tried(c, going, trial, h_kind, minutes)


def _defence_and_allocation(c: _MoneyClaims, de: np.ndarray):
    """Acknowledgment, defence (and counterclaim), transfer to the
    defendant's court, questionnaire and allocation: the allocation dates
    and tracks."""
    f, m, k = c.f, c.m, c.k
    aos = de & f.chance(0.6, k)
    f.event(m[aos], add_days(c.served[aos], f.days(3, 13, aos.sum())), "acknowledged")
    d_date = add_days(c.served, f.days(14, 28, k))
    f.event(m[de], d_date[de], "defence")
    cc = de & f.chance(0.05, k)
    f.event(m[cc], d_date[cc], "counterclaim")
    moved = de & f.chance(0.4, k)
    f.event(m[moved], add_days(d_date[moved], f.days(3, 20, moved.sum())), "transferred")
    dq = add_days(d_date, f.days(20, 50, k))
    f.event(m[de], dq[de], "questionnaire")
    alloc = add_days(dq, f.days(10, 40, k))
    claimed = c.claimed
    track = np.where(claimed > 25_000, "multi", np.where(claimed > 10_000, "fast", "small"))
    for t in ("small", "fast", "multi"):
        sel = de & (track == t)
        f.event(m[sel], alloc[sel], f"allocated_{t}")
    return alloc, track


def _summary_judgment(c: _MoneyClaims, de: np.ndarray, alloc: np.ndarray) -> np.ndarray:
    """Summary judgment on an application, for a few defended claims."""
    f, m, k = c.f, c.m, c.k
    summary = de & f.chance(0.04, k) & c.has_amount
    s_date = add_days(alloc, f.days(30, 90, k))
    f.hearing(
        m[summary],
        s_date[summary],
        "h_application",
        "Summary judgment granted",
        f.days(20, 60, summary.sum()),
    )
    f.judgment(m[summary], s_date[summary], "j_summary", c.claimed[summary], c.costs[summary])
    c.judged_on(summary, s_date, c.claimed)
    return summary


def _listed_for_trial(c: _MoneyClaims, going: np.ndarray, alloc, track):
    """Listing, a case management conference on the multi-track, and the
    trial date (adjourned once, for some): the trial dates, the kind of
    trial hearing and the time it takes."""
    f, m, k = c.f, c.m, c.k
    f.event(m[going], alloc[going], "listed")
    cmc = going & (track == "multi")
    cmc_date = add_days(alloc, f.days(40, 90, k))
    f.hearing(m[cmc], cmc_date[cmc], "h_cmc", "Directions given", f.days(20, 60, cmc.sum()))
    wait = np.select([track == "small", track == "fast"], [110, 190], default=300)
    trial = add_days(alloc, np.round(wait * c.rng.lognormal(0, 0.35, k)).astype(np.int64))
    h_kind = np.where(track == "small", "h_small", np.where(track == "fast", "h_fast", "h_multi"))
    minutes = np.select(
        [track == "small", track == "fast"],
        [f.days(30, 180, k), f.days(120, 300, k)],
        default=f.days(300, 2400, k),
    )
    # Adjourned once, for some.
    adj = going & f.chance(0.1, k)
    for t in ("h_small", "h_fast", "h_multi"):
        sel = adj & (h_kind == t)
        f.hearing(m[sel], trial[sel], t, "Adjourned", f.days(10, 40, sel.sum()))
    f.event(m[adj], trial[adj], "adjourned")
    f.event(m[adj], trial[adj], "listed")
    trial = np.where(adj, add_days(trial, f.days(30, 120, k)), trial)
    return trial, h_kind, minutes


def _settled_or_tried(c: _MoneyClaims, going, trial, h_kind, minutes) -> None:
    """Settled before the trial (discontinued, or judgment by consent), or
    tried: judgment for the claimant or the claim dismissed."""
    f, m, k, rng = c.f, c.m, c.k, c.rng
    claimed, costs = c.claimed, c.costs
    settles = going & f.chance(0.35, k)
    consent = settles & f.chance(0.3, k) & c.has_amount
    s_date = add_days(trial, -f.days(1, 25, k))
    f.event(m[settles & ~consent], s_date[settles & ~consent], "discontinued")
    agreed = np.round(claimed * rng.uniform(0.4, 0.9, k), 2)
    f.judgment(
        m[consent],
        s_date[consent],
        "j_consent",
        agreed[consent],
        costs[consent],
        instalments=f.chance(0.5, consent.sum()),
    )
    c.judged_on(consent, s_date, agreed)
    tried = going & ~settles
    won = tried & f.chance(0.7, k) & c.has_amount
    outcome = np.where(
        settles, "Vacated - settled", np.where(won, "Judgment for claimant", "Claim dismissed")
    )
    for t in ("h_small", "h_fast", "h_multi"):
        sel = going & (h_kind == t)
        f.hearing(m[sel], trial[sel], t, outcome[sel], np.where(settles[sel], 0, minutes[sel]))
    f.event(m[tried], trial[tried], "judgment_after_hearing")
    awarded = np.round(claimed * np.where(f.chance(0.6, k), 1.0, rng.uniform(0.3, 1.0, k)), 2)
    trial_costs = np.round(costs + rng.lognormal(np.log(250), 0.8, k), 2)
    f.judgment(m[won], trial[won], "j_trial", awarded[won], trial_costs[won])
    c.judged_on(won, trial, awarded)


def _set_aside_applications(c: _MoneyClaims, dj: np.ndarray) -> np.ndarray:
    """Applications to set aside a default judgment: which judgments were
    set aside."""
    f, m, k = c.f, c.m, c.k
    sa = dj & f.chance(0.05, k)
    sa_date = add_days(c.j_date, f.days(10, 60, k))
    f.event(m[sa], sa_date[sa], "set_aside_applied")
    set_aside = sa & f.chance(0.5, k)
    f.hearing(
        m[sa],
        add_days(sa_date[sa], f.days(21, 70, sa.sum())),
        "h_set_aside",
        np.where(set_aside[sa], "Judgment set aside", "Application dismissed"),
        f.days(10, 45, sa.sum()),
    )
    return set_aside


def _enforcement(c: _MoneyClaims, set_aside: np.ndarray) -> None:
    """Enforcement of unpaid judgments: a warrant of execution, attachment of
    earnings, a charging order or an order to obtain information; then
    warrants of delivery and committal."""
    f, m, k, rng = c.f, c.m, c.k, c.rng
    j_amount = c.j_amount
    unpaid = c.judged & ~set_aside & (j_amount > 0)
    kind_u = rng.random(k)
    e_date = add_days(c.j_date, lognormal_days(rng, 100, 0.8, k, 14, 1500))
    execution = unpaid & (kind_u < 0.13)
    status = rng.choice(
        np.array(["paid", "no goods", "suspended", "withdrawn"], dtype=object),
        size=k,
        p=[0.25, 0.35, 0.25, 0.15],
    )
    paid_on = add_days(e_date, f.days(7, 60, k))
    f.warrant(
        m[execution],
        e_date[execution],
        "w_execution",
        np.round(j_amount[execution] + c.costs[execution], 2),
        status[execution],
        np.where(status[execution] == "paid", paid_on[execution], NAT),
    )
    f.event(m[execution], e_date[execution], "warrant_issued")
    aoe = unpaid & (kind_u >= 0.13) & (kind_u < 0.17)
    f.event(m[aoe], e_date[aoe], "attachment_of_earnings")
    charge = unpaid & (kind_u >= 0.17) & (kind_u < 0.19) & (j_amount > 1000)
    f.event(m[charge], e_date[charge], "charging_order")
    oti = unpaid & (kind_u >= 0.19) & (kind_u < 0.21)
    f.event(m[oti], e_date[oti], "order_to_obtain_information")
    f.hearing(
        m[oti],
        add_days(e_date[oti], f.days(28, 70, oti.sum())),
        "h_information",
        np.where(f.chance(0.6, oti.sum()), "Attended", "Did not attend"),
        f.days(10, 30, oti.sum()),
    )
    _delivery_and_committal(c, e_date, status, paid_on)


def _delivery_and_committal(c: _MoneyClaims, e_date, status, paid_on) -> None:
    """Return of goods: a warrant of delivery; injunctions: committal."""
    f, m, k = c.f, c.m, c.k
    j_amount, served = c.j_amount, c.served
    goods = c.judged & (c.ctype == "RGD") & f.chance(0.25, k)
    f.warrant(
        m[goods],
        e_date[goods],
        "w_delivery",
        np.where(j_amount[goods] > 0, j_amount[goods], np.nan),
        status[goods],
        np.where(status[goods] == "paid", paid_on[goods], NAT),
    )
    inj = np.isin(c.ctype, ["INJ"])
    granted = inj & f.chance(0.5, k)
    f.hearing(
        m[granted],
        add_days(served[granted], f.days(7, 60, granted.sum())),
        "h_application",
        "Injunction granted",
        f.days(20, 90, granted.sum()),
    )
    committal = granted & f.chance(0.06, k)
    f.warrant(
        m[committal],
        add_days(served[committal], f.days(90, 400, committal.sum())),
        "w_committal",
        np.full(committal.sum(), np.nan),
        "executed",
        add_days(served[committal], f.days(400, 420, committal.sum())),
    )


def pcol_money_flow(f: Flow, claims: Table) -> None:
    """Money-only claims for rent arrears left after possession (PCOL)."""
    m = np.flatnonzero(claims["category"] == "money")
    k = len(m)
    issue = claims["issue_date"][m]
    claimed = np.nan_to_num(claims["amount"][m], nan=0.0)
    f.event(m, issue, "issued")
    served = add_days(issue, 5)
    f.event(m, served, "served")
    dj = f.chance(0.8, k) & (claimed > 0)
    j = add_days(served, f.days(20, 60, k))
    f.judgment(
        m[dj],
        j[dj],
        "j_default",
        claimed[dj],
        _fixed_costs(claimed[dj]),
        instalments=f.chance(0.6, dj.sum()),
    )
    control = dj & f.chance(0.1, k)
    w = add_days(j, f.days(30, 300, k))
    status = f.rng.choice(np.array(["paid", "no goods", "suspended"], dtype=object), size=k)
    f.warrant(
        m[control],
        w[control],
        "w_control",
        claimed[control],
        status[control],
        np.where(status[control] == "paid", add_days(w[control], 30), NAT),
    )
    f.event(m[~dj], add_days(issue[~dj], 183), "closed")


class _PossessionClaims:
    """Possession claims of one system on their way through the court:
    issued, served, transferred (PCOL) and defended on creation."""

    def __init__(self, f: Flow, claims: Table, system: str):
        self.f = f
        self.rng = f.rng
        self.codes = f.codes
        self.pcol = pcol = system == "pcol"
        self.p = p = np.flatnonzero(claims["category"] == "possession")
        self.k = k = len(p)
        self.issue = issue = claims["issue_date"][p]
        self.ctype = claims["case_type_code"][p]
        self.arrears = np.nan_to_num(claims["amount"][p], nan=0.0)
        f.event(p, issue, "issued")
        self.served = served = add_days(issue, np.where(f.chance(0.95, k), 5, f.days(6, 20, k)))
        f.event(p, served, "served")
        if pcol:
            moved = f.chance(0.04, k)
            f.event(p[moved], add_days(issue[moved], f.days(10, 30, moved.sum())), "transferred")
        self.defended = defended = f.chance(0.1, k)
        d_date = add_days(served, f.days(5, 14, k))
        f.event(p[defended], d_date[defended], "defence")
        cc = defended & f.chance(0.2, k)
        f.event(p[cc], d_date[cc], "counterclaim")


def possession_flow(f: Flow, claims: Table, system: str) -> None:
    """Possession claims: a hearing within weeks of issue, an order, and a
    warrant of possession for some; accelerated claims are decided on paper."""
    c = _PossessionClaims(f, claims, system)
    on_paper, paper_date, listed, first = _on_paper_or_listed(c)
    relisted, generally, out1, out2, second = _possession_hearings(c, listed, first)
    final = np.where(relisted, out2, np.where(generally, "", out1))
    final_date = np.where(relisted, second, first)
    final[on_paper] = "outright"
    final_date = np.where(on_paper, paper_date, final_date)
    order, outright, possession_date = _possession_orders(c, on_paper, final, final_date)
    _possession_refused(c, final, final_date)
    _order_set_aside(c, order, final_date)
    _possession_warrants(c, order, outright, on_paper, final_date, possession_date)


def _on_paper_or_listed(c: _PossessionClaims):
    """Accelerated claims nobody defends are mostly decided on paper; the
    others are listed for a first hearing. Which are on paper and when
    decided, which are listed and the first hearing dates."""
    f, p, k = c.f, c.p, c.k
    accelerated = np.isin(c.ctype, ["AC", "APO"])
    on_paper = accelerated & ~c.defended & f.chance(0.85, k)
    paper_date = dates_outside_stay(c.rng, add_days(c.served, f.days(30, 80, k)))
    listed = ~on_paper
    first = dates_outside_stay(c.rng, add_days(c.issue, f.days(28, 56, k)))
    f.event(p[listed], c.issue[listed], "listed")
    if c.pcol:
        nodef = listed & ~c.defended & f.chance(0.5, k)
        f.event(p[nodef], first[nodef], "no_defence")
    return on_paper, paper_date, listed, first


def _possession_hearings(c: _PossessionClaims, listed, first):
    """The first hearing's outcome, and a second hearing for claims
    adjourned to a date (PCOL lists defended ones for trial): which claims
    were relisted or adjourned generally, both outcomes and the second
    hearing dates."""
    f, p, k, rng = c.f, c.p, c.k, c.rng
    kinds = np.array(["outright", "suspended", "adjourned", "dismissed", "withdrawn"], dtype=object)
    out1 = kinds[rng.choice(5, size=k, p=[0.33, 0.27, 0.25, 0.07, 0.08])]
    relisted = listed & (out1 == "adjourned") & f.chance(0.45, k)
    generally = listed & (out1 == "adjourned") & ~relisted
    second = dates_outside_stay(rng, add_days(first, f.days(28, 120, k)))
    out2 = kinds[rng.choice(5, size=k, p=[0.38, 0.34, 0.0, 0.08, 0.20])]
    labels = {
        "outright": "Outright possession order",
        "suspended": "Suspended possession order",
        "adjourned": "Adjourned",
        "dismissed": "Claim dismissed",
        "withdrawn": "Vacated - claim withdrawn",
    }
    label1 = np.array([labels[x] for x in out1], dtype=object)
    label2 = np.array([labels[x] for x in out2], dtype=object)
    minutes1 = np.where(out1 == "withdrawn", 0, f.days(5, 30, k))
    f.hearing(p[listed], first[listed], "h_possession", label1[listed], minutes1[listed])
    if c.pcol:
        f.event(p[relisted], first[relisted], "adjourned")
        f.event(p[generally], first[generally], "adjourned_generally")
        trial = relisted & c.defended
        f.hearing(
            p[relisted & ~trial],
            second[relisted & ~trial],
            "h_adjourned",
            label2[relisted & ~trial],
            f.days(5, 40, (relisted & ~trial).sum()),
        )
        f.hearing(p[trial], second[trial], "h_trial", label2[trial], f.days(60, 300, trial.sum()))
    else:
        f.event(p[out1 == "adjourned"], first[out1 == "adjourned"], "adjourned")
        f.hearing(
            p[relisted],
            second[relisted],
            "h_possession",
            label2[relisted],
            f.days(5, 40, relisted.sum()),
        )
    f.event(p[relisted], first[relisted], "listed")
    return relisted, generally, out1, out2, second


def _possession_orders(c: _PossessionClaims, on_paper, final, final_date):
    """Outright and suspended possession orders, as judgments with the date
    for possession: which claims got an order, which were outright, and the
    possession dates."""
    f, p, k, codes = c.f, c.p, c.k, c.codes
    order = np.isin(final, ["outright", "suspended"])
    outright = final == "outright"
    costs = np.round(c.rng.uniform(250, 450, k), 2)
    possession_date = add_days(final_date, np.where(f.chance(0.7, k), 14, 28))
    possession_date = np.where(outright, possession_date, NAT)
    if c.pcol:
        j_code = np.where(
            on_paper,
            codes["j_summary"],
            np.where(
                outright,
                np.where(f.chance(0.2, k), codes["j_consent"], codes["j_outright"]),
                codes["j_suspended"],
            ),
        ).astype(object)
        f.event(p[on_paper], final_date[on_paper], "accelerated_order")
        f.event(p[outright & ~on_paper], final_date[outright & ~on_paper], "outright_order")
        f.event(p[final == "suspended"], final_date[final == "suspended"], "suspended_order")
        mj = order & (c.arrears > 0) & f.chance(0.7, k)
        f.event(p[mj], final_date[mj], "money_judgment")
    else:
        j_code = np.where(f.chance(0.2, k), codes["j_consent"], codes["j_trial"]).astype(object)
        f.event(p[order], final_date[order], "judgment_after_hearing")
    f.judgment(
        p[order],
        final_date[order],
        j_code[order],
        c.arrears[order],
        costs[order],
        instalments=final[order] == "suspended",
        possession_date=possession_date[order],
    )
    return order, outright, possession_date


def _possession_refused(c: _PossessionClaims, final, final_date) -> None:
    """Claims dismissed (or struck out) and claims withdrawn."""
    f, p, k = c.f, c.p, c.k
    dismissed = final == "dismissed"
    withdrawn = final == "withdrawn"
    w_date = add_days(final_date, -f.days(1, 14, k))
    if c.pcol:
        struck = dismissed & f.chance(0.3, k)
        f.event(p[dismissed & ~struck], final_date[dismissed & ~struck], "dismissed")
        f.event(p[struck], final_date[struck], "struck_out")
        f.event(p[withdrawn], w_date[withdrawn], "withdrawn")
        closed = dismissed | withdrawn
        f.event(p[closed], np.where(withdrawn, w_date, final_date)[closed], "closed")
    else:
        f.event(p[dismissed], final_date[dismissed], "struck_out")
        f.event(p[withdrawn], w_date[withdrawn], "discontinued")


def _order_set_aside(c: _PossessionClaims, order, final_date) -> None:
    """Applications to set aside the order (heard, in PCOL's record)."""
    f, p, k = c.f, c.p, c.k
    sa = order & f.chance(0.02, k)
    sa_date = add_days(final_date, f.days(7, 40, k))
    f.event(p[sa], sa_date[sa], "set_aside_applied")
    if c.pcol:
        f.hearing(
            p[sa],
            add_days(sa_date[sa], f.days(14, 40, sa.sum())),
            "h_set_aside",
            np.where(f.chance(0.3, sa.sum()), "Order set aside", "Application dismissed"),
            f.days(10, 40, sa.sum()),
        )


def _possession_warrants(
    c: _PossessionClaims, order, outright, on_paper, final_date, possession_date
) -> None:
    """Warrants of possession: after outright orders not complied with, and
    after breach of a suspended order; evictions, suspensions and (PCOL) a
    warrant of restitution for the few wrongly evicted."""
    f, p, k, rng, pcol = c.f, c.p, c.k, c.rng, c.pcol
    arrears = c.arrears
    wp = order & f.chance(np.where(outright, np.where(on_paper, 0.4, 0.45), 0.15), k)
    delay = np.where(
        outright,
        lognormal_days(rng, 45, 0.5, k, 1, 900),
        lognormal_days(rng, 220, 0.7, k, 60, 1500),
    )
    start = np.where(outright, possession_date, final_date)
    req = dates_outside_stay(rng, add_days(start, delay))
    w_issue = add_days(req, f.days(2, 14, k))
    status = rng.choice(
        np.array(["executed", "suspended", "withdrawn"], dtype=object), size=k, p=[0.55, 0.25, 0.20]
    )
    evicted = add_days(w_issue, f.days(21, 70, k))
    # Bailiff evictions were paused until the end of May 2021.
    paused = (evicted >= COVID_STAY[0]) & (evicted <= d64("2021-05-31"))
    evicted = np.where(paused, add_days(np.full(k, d64("2021-06-01")), f.days(0, 90, k)), evicted)
    restitution = wp & (status == "executed") & f.chance(0.01 if pcol else 0.0, k)
    f.warrant(
        p[wp],
        w_issue[wp],
        "w_possession",
        np.where(arrears[wp] > 0, arrears[wp], np.nan),
        status[wp],
        np.where(status[wp] == "executed", evicted[wp], NAT),
    )
    f.warrant(
        p[restitution],
        add_days(evicted[restitution], f.days(3, 30, restitution.sum())),
        "w_restitution" if pcol else "w_possession",
        np.full(restitution.sum(), np.nan),
        "executed",
        add_days(evicted[restitution], f.days(31, 45, restitution.sum())),
    )
    if pcol:
        f.event(p[wp], req[wp], "warrant_requested")
        f.event(p[wp], w_issue[wp], "warrant_issued")
        ex = wp & (status == "executed")
        f.event(p[ex], evicted[ex], "evicted")
        susp = wp & (status == "suspended")
        s_date = add_days(w_issue, f.days(7, 20, k))
        f.hearing(
            p[susp],
            s_date[susp],
            "h_suspend_warrant",
            "Warrant suspended on terms",
            f.days(5, 20, susp.sum()),
        )
        f.event(p[susp], s_date[susp], "warrant_suspended")
    else:
        f.event(p[wp], w_issue[wp], "warrant_issued")
