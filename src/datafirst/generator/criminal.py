"""Criminal pathways: magistrates' cases, Crown Court cases, custody,
probation and offender assessments, simulated per person and held as flat
numpy tables. The source-system modules turn these into raw extracts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.config import SIMULATION_END, SIMULATION_START
from datafirst.generator.context import Context
from datafirst.generator.dates import NAT, add_days, d64

ORA_START = d64("2015-02-01")  # Offender Rehabilitation Act: licence for all

#: Calibrated to published England and Wales figures
#: (src/datafirst/generator/calibration/published_figures.yml; make calibration).
#: Share of either-way cases sent to the Crown Court for trial.
EITHER_WAY_SENT = 0.08
#: Indictable-only offences are this much more common in the charged mix
#: than the code list's magistrates' weights (a third of Crown Court cases).
INDICTABLE_ONLY_BOOST = 4.0
#: Women's offence mix against men's, by offence class: mostly summary
#: (a quarter of magistrates' defendants, under a tenth at the Crown Court).
FEMALE_CLASS_WEIGHT = {"indictable_only": 0.08, "either_way": 0.2, "summary": 1.2}
#: Women's odds of immediate custody against men's for the same case (about
#: 4-5% of prisoners are women).
FEMALE_CUSTODY_FACTOR = 0.45
#: A simulation assumption, not a published figure: the chance that a
#: magistrates' case joins the case of another defendant charged shortly
#: before in the same region on the same route (sent for trial or not).
#: About one defendant-case in six ends up with a co-defendant, at any
#: population size.
CO_DEFENDANT_JOIN = 0.09
#: How many days before a case its lead case's offence may fall.
CO_DEFENDANT_WINDOW = 60
#: The most defendants one case holds (most co-defendant cases hold two).
CO_DEFENDANT_MAX = 4


def lognormal_days(rng, median: float, sigma: float, size: int, lo: int = 0, hi: int = 3000):
    return np.clip(np.round(rng.lognormal(np.log(median), sigma, size)), lo, hi).astype(np.int64)


def group_offsets(owner: np.ndarray) -> np.ndarray:
    """Position of each row within its owner's run (owner sorted)."""
    n = len(owner)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(owner[1:] != owner[:-1]) + 1]
    counts = np.diff(np.r_[starts, n])
    return np.arange(n) - np.repeat(starts, counts)


@dataclass
class Table:
    """A bag of equal-length columns."""

    cols: dict[str, np.ndarray]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.cols[name]

    def __setitem__(self, name: str, value: np.ndarray) -> None:
        self.cols[name] = value

    def __len__(self) -> int:
        return len(next(iter(self.cols.values()))) if self.cols else 0

    def take(self, idx: np.ndarray) -> Table:
        return Table({k: v[idx] for k, v in self.cols.items()})


@dataclass
class CriminalHistory:
    mags_cases: Table
    mags_offences: Table
    mags_hearings: Table
    crown_cases: Table
    crown_offences: Table
    custody: Table  # one row per custodial period (booking)
    spells: Table  # remand / sentenced / recall spells within periods
    probation_events: Table
    assessments: Table
    crown_warrants: Table  # bench warrants issued on Crown cases
    custody_charges: Table  # offences charged against custody spells


def _courts_by_region(ctx: Context, court_type: str) -> dict[str, np.ndarray]:
    rows = [r for r in ctx.vocab.seed("courts") if r["court_type"] == court_type]
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["region"], []).append(r["court_code"])
    return {k: np.array(v, dtype=object) for k, v in out.items()}


def court_for(ctx, rng, region: np.ndarray, court_type: str) -> np.ndarray:
    by_region = _courts_by_region(ctx, court_type)
    all_courts = np.concatenate(list(by_region.values()))
    out = all_courts[rng.integers(len(all_courts), size=len(region))]
    for reg, courts in by_region.items():
        mask = region == reg
        out[mask] = courts[rng.integers(len(courts), size=mask.sum())]
    return out


def _region_of_la(ctx: Context) -> dict[str, str]:
    return {r["local_authority_code"]: r["region"] for r in ctx.vocab.seed("postcode_districts")}


def simulate(ctx: Context) -> CriminalHistory:
    """The criminal pathways of the population: cases at the magistrates'
    court, those that go on to the Crown Court, custody, probation and
    assessments."""
    rng = ctx.rng("criminal")
    person, offence_date = _offending(ctx, rng)
    n = len(person)
    prior = group_offsets(person)
    # How prolific each case's offender is over the whole simulation (their
    # number of cases): courts send the prolific to custody most.
    career_cases = np.bincount(person, minlength=ctx.pop.n)[person]

    first_hearing = add_days(offence_date, lognormal_days(rng, 25, 0.9, n, 1, 400))
    quick = rng.random(n) < 0.55
    duration = np.where(quick, 0, lognormal_days(rng, 45, 0.8, n, 7, 500))
    disposal = add_days(first_hearing, duration)
    addr = ctx.pop.addresses.at(person, offence_date)
    la_region = _region_of_la(ctx)
    region = np.array(
        [la_region.get(x, "london") for x in ctx.pop.addresses.local_authority[addr]], dtype=object
    )
    court = court_for(ctx, rng, region, "magistrates")

    female = ctx.pop.sex[person] == "F"
    charges = _charges(ctx, rng, n, female)
    # Route: sent for trial, committed for sentence, or dealt with at mags.
    u = rng.random(n)
    sent = charges.indictable | (charges.either_way & (u < EITHER_WAY_SENT))
    # Committal for sentence follows the record: magistrates' powers fall
    # short for people with many previous cases.
    committed = (
        (~sent) & charges.either_way & (rng.random(n) < 0.03 + 0.09 * np.minimum(prior, 6) / 6)
    )
    appeal = (~sent) & (~committed) & (rng.random(n) < 0.008)
    mags_offences, committed = _mags_offences(
        rng, charges, prior, sent, committed, female, career_cases
    )
    # Remand is drawn before the URNs: the order of the columns is the order
    # of the draws.
    mags_cases = Table(
        {
            "case": np.arange(n),
            "person": person,
            "offence_date": offence_date,
            "first_hearing": first_hearing,
            "disposal_date": disposal,
            "court": court,
            "region": region,
            "sent": sent,
            "committed": committed,
            "appeal": appeal,
            "remand": _mags_remand(rng, sent, female).astype(object),
            "urn": _urns(rng, offence_date, region),
            "max_seriousness": charges.max_seriousness,
            "prior": prior,
            "female": female,
        }
    )
    mags_hearings = _mags_hearings(rng, first_hearing, duration)
    mags_cases, mags_hearings = _co_defendants(ctx, mags_cases, mags_hearings)

    crown_cases, crown_offences = _crown(ctx, rng, mags_cases, mags_offences)
    custody, spells = _custody(ctx, rng, mags_cases, mags_offences, crown_cases, crown_offences)
    events = _probation(ctx, rng, mags_cases, mags_offences, crown_cases, crown_offences, custody)
    assessments = _assessments(ctx, rng, custody, events)
    # Later additions draw from streams of their own, so that adding them
    # left every earlier table unchanged.
    crown_warrants = _crown_warrants(ctx, mags_cases, crown_cases)
    custody_charges = _custody_charges(
        ctx, mags_cases, mags_offences, crown_cases, crown_offences, spells, custody
    )
    return CriminalHistory(
        mags_cases,
        mags_offences,
        mags_hearings,
        crown_cases,
        crown_offences,
        custody,
        spells,
        events,
        assessments,
        crown_warrants,
        custody_charges,
    )


def _co_defendants(ctx: Context, mc: Table, mh: Table):
    """Co-defendants: some cases join the case of another person charged in
    the same region on the same route (sent for trial or not) up to
    ``CO_DEFENDANT_WINDOW`` days earlier. A joined case (a follower) takes
    its lead case's offence date, court, police reference, first hearing,
    disposal date and hearings; its charges, pleas and outcomes stay its
    own. A follower's date moves only where its person's cases stay in the
    same order. ``co_lead`` is each case's lead (itself for a lead or a lone
    case). Drawn from a stream of its own, so no other draw moves."""
    rng = ctx.rng("criminal:co_defendants")
    n = len(mc)
    day = mc["offence_date"].astype("datetime64[D]").astype(np.int64)
    region = np.unique(mc["region"], return_inverse=True)[1]
    sent = mc["sent"]
    order = np.lexsort((rng.random(n), day, region, sent))
    same_key = np.r_[
        False,
        (region[order][1:] == region[order][:-1]) & (sent[order][1:] == sent[order][:-1]),
    ]
    joins = same_key & (rng.random(n) < CO_DEFENDANT_JOIN)
    # Each joining case's lead: the last case before it in the order that did
    # not join (the start of its run of joiners).
    start = np.maximum.accumulate(np.where(joins, 0, np.arange(n)))
    lead_sorted = order[start]
    person = mc["person"]
    ok = (
        joins
        & (np.arange(n) - start < CO_DEFENDANT_MAX)
        & (person[order] != person[lead_sorted])
        & (day[order] - day[lead_sorted] <= CO_DEFENDANT_WINDOW)
    )
    # Cases are in person then date order: the new date must stay after the
    # person's previous case.
    prev_same = np.r_[False, person[1:] == person[:-1]]
    prev_day = np.r_[np.iinfo(np.int64).min, day[:-1]]
    floor = np.where(prev_same, prev_day, np.iinfo(np.int64).min)
    ok &= day[lead_sorted] > floor[order]
    lead = np.arange(n)
    lead[order[ok]] = lead_sorted[ok]
    # One person twice in one group: the later record stands alone.
    f = np.flatnonzero(lead != np.arange(n))
    pairs = np.stack([lead[f], person[f]], axis=1)
    _, first = np.unique(pairs, axis=0, return_index=True)
    again = np.setdiff1d(np.arange(len(f)), first)
    lead[f[again]] = f[again]
    f = np.flatnonzero(lead != np.arange(n))
    for col in ("offence_date", "court", "urn", "first_hearing", "disposal_date"):
        mc[col][f] = mc[col][lead[f]]
    mc["co_lead"] = lead
    # The followers' hearings are their lead's hearings (hearings are in case
    # then sequence order: a case's rows are one run from its first row).
    follower = lead != np.arange(n)
    kept = mh.take(np.flatnonzero(~follower[mh["case"]]))
    held = np.bincount(mh["case"], minlength=n)
    first_row = np.cumsum(held) - held
    copy_case = np.repeat(f, held[lead[f]])
    copy_rows = first_row[lead[copy_case]] + group_offsets(copy_case)
    copies = mh.take(copy_rows)
    copies["case"] = copy_case
    merged = Table({k: np.concatenate([kept[k], copies[k]]) for k in kept.cols})
    merged = merged.take(np.lexsort((merged["seq"], merged["case"])))
    return mc, merged


def _offending(ctx: Context, rng):
    """Each criminal person's cases (1 + a heavy-tailed number), as the
    person and the offence date, by person then date."""
    pop = ctx.pop
    crim = np.flatnonzero(pop.is_criminal)
    n_cases = np.minimum(1 + rng.poisson(pop.propensity[crim]), 60)
    # Offending comes in spells (a criminal career), not spread evenly over
    # the years: each person's cases fall within a career whose length grows
    # with the number of cases (so a quarter of people convicted, and over a
    # third of people released from custody, offend again within a year).
    adult_from = add_days(pop.dob[crim], 18 * 365 + 5)
    lo = np.maximum(adult_from, d64(SIMULATION_START))
    end = d64("2023-03-31")
    window = np.maximum((end - lo).astype(np.int64), 0)
    span = np.round(rng.lognormal(np.log(365 * (1.0 + 1.1 * (n_cases - 1))), 0.6))
    span = np.minimum(np.maximum(span, 90), window).astype(np.int64)
    career_start = add_days(lo, np.floor(rng.random(len(crim)) * (window - span + 1)))
    person = np.repeat(crim, n_cases)
    offence_date = add_days(
        np.repeat(career_start, n_cases),
        np.floor(rng.random(len(person)) * (np.repeat(span, n_cases) + 1)).astype(np.int64),
    )
    ok = (offence_date >= np.repeat(lo, n_cases)) & (offence_date <= end)
    person, offence_date = person[ok], offence_date[ok]
    order = np.lexsort((offence_date.astype(np.int64), person))
    return person[order], offence_date[order]


@dataclass
class _Charges:
    """The offences charged on each magistrates' case (``case``, ``code``,
    ``klass``, ``seriousness``), and what they make of each case."""

    case: np.ndarray
    code: np.ndarray
    klass: np.ndarray
    seriousness: np.ndarray
    indictable: np.ndarray
    either_way: np.ndarray
    max_seriousness: np.ndarray


def _charges(ctx: Context, rng, n: int, female: np.ndarray) -> _Charges:
    """Offences of ``n`` cases: 1 + geometric extra, drawn at the
    magistrates' court's offence mix (indictable-only offences boosted),
    women's cases at women's mix (mostly summary)."""
    n_off = np.minimum(rng.geometric(0.62, size=n), 8)
    off_case = np.repeat(np.arange(n), n_off)
    off_rows = ctx.vocab.seed("offence_codes")
    codes = np.array([r["offence_code"] for r in off_rows], dtype=object)
    weights = np.array([float(r["mags_weight"]) for r in off_rows])
    klass = np.array([r["offence_class"] for r in off_rows], dtype=object)
    serious = np.array([int(r["seriousness_score"]) for r in off_rows])
    weights = weights * np.where(klass == "indictable_only", INDICTABLE_ONLY_BOOST, 1.0)
    women_weights = weights * np.array([FEMALE_CLASS_WEIGHT[k] for k in klass])
    u = rng.random(len(off_case))
    off_idx = np.where(
        female[off_case],
        np.searchsorted(np.cumsum(women_weights / women_weights.sum()), u, side="right"),
        np.searchsorted(np.cumsum(weights / weights.sum()), u, side="right"),
    )
    off_idx = np.minimum(off_idx, len(codes) - 1)
    off_class = klass[off_idx]
    case_indictable = np.zeros(n, dtype=bool)
    np.logical_or.at(case_indictable, off_case, off_class == "indictable_only")
    case_either = np.zeros(n, dtype=bool)
    np.logical_or.at(case_either, off_case, off_class == "either_way")
    case_max_serious = np.zeros(n, dtype=np.int64)
    np.maximum.at(case_max_serious, off_case, serious[off_idx])
    return _Charges(
        off_case, codes[off_idx], off_class, serious[off_idx],
        case_indictable, case_either, case_max_serious,
    )  # fmt: skip


def _mags_offences(rng, charges: _Charges, prior, sent, committed, female, career_cases):
    """Pleas and outcomes per offence at the magistrates' court: the
    offences table, and which cases were in the end committed for sentence
    (those with an offence convicted)."""
    off_case = charges.case
    n = len(sent)
    m = len(off_case)
    pu = rng.random(m)
    plea = np.where(pu < 0.66, "guilty", np.where(pu < 0.80, "not_guilty", "no_plea")).astype(
        object
    )
    plea[sent[off_case]] = np.where(
        rng.random(sent[off_case].sum()) < 0.5, "not_entered", "no_plea"
    )
    convicted = np.where(
        plea == "guilty",
        True,
        np.where(plea == "not_guilty", rng.random(m) < 0.55, rng.random(m) < 0.86),
    )
    priors = prior[off_case]
    sev = charges.seriousness
    disposal_type = _mags_disposals(
        rng, convicted, priors, sev, female[off_case], career_cases[off_case]
    )
    disposal_type[sent[off_case]] = "sent_for_trial"
    committed_off = committed[off_case] & convicted
    disposal_type[committed_off] = "committed_for_sentence"
    committed = committed & np.bincount(off_case, committed_off, minlength=n).astype(bool)
    not_conv = ~convicted & ~sent[off_case]
    disposal_type[not_conv] = np.where(
        plea[not_conv] == "not_guilty",
        np.where(rng.random(not_conv.sum()) < 0.7, "acquitted", "dismissed"),
        "withdrawn",
    )
    custody_days = np.where(
        disposal_type == "immediate_custody",
        np.clip(np.round(rng.lognormal(np.log(70), 0.6, m)), 7, 182),
        0,
    ).astype(np.int64)
    community_months = np.where(
        np.isin(disposal_type, ["community_order", "suspended_sentence"]),
        rng.integers(6, 25, size=m),
        0,
    )
    amount = np.where(
        np.isin(disposal_type, ["fine", "compensation"]),
        np.round(rng.lognormal(np.log(180), 0.8, m) / 5) * 5,
        np.nan,
    )
    offences = Table(
        {
            "case": off_case,
            "seq": group_offsets(off_case) + 1,
            "offence_code": charges.code,
            "offence_class": charges.klass,
            "seriousness": sev,
            "plea": plea,
            "convicted": convicted,
            "disposal_type": disposal_type,
            "custody_days": custody_days,
            "community_months": community_months,
            "amount": amount,
        }
    )
    return offences, committed


def _mags_remand(rng, sent: np.ndarray, female: np.ndarray) -> np.ndarray:
    """Remand status while the case is at the magistrates' court (women are
    remanded in custody far less often)."""
    n = len(sent)
    return np.where(
        sent,
        np.where(
            rng.random(n) < np.where(female, 0.3 * FEMALE_CUSTODY_FACTOR, 0.3),
            "custody",
            "conditional_bail",
        ),
        np.where(
            rng.random(n) < 0.2,
            "unconditional_bail",
            np.where(rng.random(n) < 0.9, "not_applicable", "custody"),
        ),
    )


def _mags_hearings(rng, first_hearing: np.ndarray, duration: np.ndarray) -> Table:
    """Hearings of each case: the first, adjournments, and the final one
    (one hearing for cases dealt with on the day)."""
    n = len(first_hearing)
    extra = np.where(duration > 0, 1 + rng.poisson(1.3, n), 0)
    h_case = np.repeat(np.arange(n), 1 + extra)
    h_seq = group_offsets(h_case)
    h_last = np.r_[h_case[1:] != h_case[:-1], True]
    frac = np.where(h_seq == 0, 0.0, rng.random(len(h_case)))
    frac[h_last & (h_seq > 0)] = 1.0
    h_date = add_days(first_hearing[h_case], np.round(frac * duration[h_case]).astype(np.int64))
    order = np.lexsort((h_date.astype(np.int64), h_case))
    h_case, h_date = h_case[order], h_date[order]
    h_seq = group_offsets(h_case)
    h_last = np.r_[h_case[1:] != h_case[:-1], True]
    return Table(
        {
            "case": h_case,
            "seq": h_seq + 1,
            "date": h_date,
            "kind": np.where(h_seq == 0, "first", np.where(h_last, "final", "adjourned")).astype(
                object
            ),
        }
    )


_MAGS_DISPOSALS = np.array(
    ["fine", "conditional_discharge", "absolute_discharge", "community_order",
     "suspended_sentence", "immediate_custody", "compensation", "otherwise_dealt_with"],
    dtype=object,
)  # fmt: skip


def _mags_disposals(rng, convicted, priors, seriousness, female, career_cases):
    m = len(convicted)
    base = np.array([0.52, 0.10, 0.02, 0.13, 0.05, 0.012, 0.05, 0.10])
    # Tilt towards custody and community with previous cases and seriousness;
    # custody above all with previous cases (prolific offenders fill the
    # short-sentence prison population).
    prolific = np.clip(career_cases - 1, 0, 12) / 12.0
    tilt = np.clip(priors, 0, 12) / 12.0 + np.clip(seriousness - 20, 0, 60) / 60.0
    probs = np.tile(base, (m, 1))
    probs[:, 3] += 0.10 * tilt
    probs[:, 4] += 0.06 * tilt
    probs[:, 5] += 0.16 * prolific + 0.02 * tilt
    probs[:, 5] *= np.where(female, FEMALE_CUSTODY_FACTOR, 1.0)
    probs /= probs.sum(axis=1, keepdims=True)
    cum = probs.cumsum(axis=1)
    pick = (rng.random(m)[:, None] > cum).sum(axis=1)
    pick = np.minimum(pick, len(_MAGS_DISPOSALS) - 1)
    out = _MAGS_DISPOSALS[pick].copy()
    out[~convicted] = ""
    return out


def _urns(rng, dates, region):
    """Police unique reference numbers: force, unit letters, serial, year."""
    n = len(dates)
    force = rng.integers(1, 63, size=n)
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXY"), dtype=object)
    l1 = letters[rng.integers(len(letters), size=n)]
    l2 = letters[rng.integers(len(letters), size=n)]
    serial = rng.integers(0, 10_000_000, size=n)
    yy = (dates.astype("datetime64[Y]").astype(np.int64) + 1970) % 100
    return np.array(
        [
            f"{f:02d}{a}{b}{s:07d}{y:02d}"
            for f, a, b, s, y in zip(force, l1, l2, serial, yy, strict=True)
        ],
        dtype=object,
    )


_CROWN_DISPOSALS = np.array(
    ["immediate_custody", "suspended_sentence", "community_order", "fine",
     "conditional_discharge", "otherwise_dealt_with", "hospital_order"],
    dtype=object,
)  # fmt: skip


def _crown(ctx, rng, mc: Table, mo: Table):
    src = np.flatnonzero(mc["sent"] | mc["committed"] | mc["appeal"])
    n = len(src)
    case_type = np.where(mc["sent"][src], "T", np.where(mc["committed"][src], "S", "A"))
    receipt = add_days(mc["disposal_date"][src], rng.integers(1, 29, size=n))
    median = np.where(case_type == "T", 170, np.where(case_type == "S", 35, 60))
    wait = np.clip(np.round(rng.lognormal(np.log(median), 0.75)), 14, 1400).astype(np.int64)
    disposal = add_days(receipt, wait)
    remand = np.where(
        (case_type == "T") & (mc["remand"][src] == "custody"),
        "custody",
        np.where(rng.random(n) < 0.15, "unconditional_bail", "conditional_bail"),
    ).astype(object)
    court = court_for(ctx, rng, mc["region"][src], "crown")
    joint_lead = _joint_trials(mc, src, case_type, (receipt, disposal, court))
    crown_cases = Table(
        {
            "crown_case": np.arange(n),
            "joint_lead": joint_lead,
            "mags_case": src,
            "person": mc["person"][src],
            "case_type": case_type.astype(object),
            "receipt_date": receipt,
            "disposal_date": disposal,
            "court": court,
            "remand": remand,
            "urn": mc["urn"][src],
            "mags_court": mc["court"][src],
        }
    )
    # Offences carried over from the magistrates' case.
    pos = np.full(len(mc), -1)
    pos[src] = np.arange(n)
    carried = pos[mo["case"]] >= 0
    c_case = pos[mo["case"][carried]]
    m = len(c_case)
    offence_code = mo["offence_code"][carried].copy()
    seriousness = mo["seriousness"][carried].copy()
    ctype = case_type[c_case]
    # Pleas go mostly by defendant: one plea for the case, and a few counts
    # pleaded otherwise (two thirds plead guilty to every count).
    case_u = rng.random(n)[c_case]
    pu = np.where(rng.random(m) < 0.88, case_u, rng.random(m))
    plea = np.where(pu < 0.58, "guilty", np.where(pu < 0.72, "guilty_late", "not_guilty"))
    plea = plea.astype(object)
    plea[ctype == "S"] = "guilty"
    lesser = (ctype == "T") & (rng.random(m) < 0.06)
    plea[lesser] = "guilty_lesser"
    convicted = np.where(plea == "not_guilty", rng.random(m) < 0.6, True)
    appeal_allowed = (ctype == "A") & (rng.random(m) < 0.35)
    tilt = np.clip(seriousness - 20, 0, 70) / 70.0
    # Custody rises with previous cases (none to ten or more) and seriousness,
    # and is far rarer for women.
    priors = np.clip(mc["prior"][src][c_case], 0, 10) / 10.0
    probs = np.tile(np.array([0.18, 0.22, 0.18, 0.06, 0.05, 0.08, 0.01]), (m, 1))
    probs[:, 0] += 0.3 * tilt + 0.65 * priors
    probs[:, 0] *= np.where(mc["female"][src][c_case], FEMALE_CUSTODY_FACTOR, 1.0)
    probs /= probs.sum(axis=1, keepdims=True)
    pick = (rng.random(m)[:, None] > probs.cumsum(axis=1)).sum(axis=1)
    disposal_type = _CROWN_DISPOSALS[np.minimum(pick, len(_CROWN_DISPOSALS) - 1)].copy()
    disposal_type[~convicted] = "acquitted"
    disposal_type[appeal_allowed] = "dismissed"
    # The sentence follows the offence: within a case the most serious count
    # gets the most severe outcome (so the principal offence, chosen by
    # sentence, is rarely a summary count riding along with the indictment).
    severity = np.array([_CROWN_SEVERITY[d] for d in disposal_type], dtype=np.int64)
    new = _by_seriousness(c_case, seriousness, severity)
    plea, convicted, disposal_type = plea[new], convicted[new], disposal_type[new]
    custody_months = np.where(
        disposal_type == "immediate_custody",
        np.clip(np.round(rng.lognormal(np.log(8 + 40 * tilt), 0.7)), 1, 360),
        0,
    ).astype(np.int64)
    community_months = np.where(
        np.isin(disposal_type, ["community_order", "suspended_sentence"]),
        rng.integers(6, 37, size=m),
        0,
    )
    amount = np.where(disposal_type == "fine", np.round(rng.lognormal(np.log(600), 0.9, m)), np.nan)
    crown_offences = Table(
        {
            "crown_case": c_case,
            "seq": mo["seq"][carried],
            "offence_code": offence_code,
            "seriousness": seriousness,
            "plea": plea,
            "convicted": convicted,
            "disposal_type": disposal_type,
            "custody_days": custody_months * 30,
            "custody_months": custody_months,
            "community_months": community_months,
            "amount": amount,
        }
    )
    return crown_cases, crown_offences


def _joint_trials(mc: Table, src: np.ndarray, case_type: np.ndarray, columns) -> np.ndarray:
    """Co-defendants sent for trial together are tried together: one Crown
    case, received and disposed of on the lead's dates, at the lead's court.
    Returns each Crown case's lead (itself for a lead or a lone defendant);
    ``columns`` (receipt, disposal, court) are aligned in place."""
    pos = np.full(len(mc), -1)
    pos[src] = np.arange(len(src))
    lead = pos[mc["co_lead"][src]]
    joint = (lead >= 0) & (lead != np.arange(len(src))) & (case_type == "T")
    joint &= case_type[np.maximum(lead, 0)] == "T"
    f = np.flatnonzero(joint)
    for col in columns:
        col[f] = col[lead[f]]
    out = np.arange(len(src))
    out[f] = lead[f]
    return out


#: Rank of each Crown Court outcome, most severe first.
_CROWN_SEVERITY = {
    "immediate_custody": 0, "hospital_order": 1, "suspended_sentence": 2, "community_order": 3,
    "fine": 4, "conditional_discharge": 5, "otherwise_dealt_with": 6, "acquitted": 7,
    "dismissed": 7,
}  # fmt: skip


def _by_seriousness(case: np.ndarray, seriousness: np.ndarray, severity: np.ndarray):
    """The permutation within each case that hands the most severe outcome
    (lowest ``severity``) to the most serious offence, the next to the next:
    ``outcome[new]`` is the outcome of each offence."""
    by_offence = np.lexsort((-seriousness, case))
    by_outcome = np.lexsort((severity, case))
    new = np.empty(len(case), dtype=np.int64)
    new[by_offence] = by_outcome
    return new


def _case_max(n_cases, case_index, values):
    out = np.zeros(n_cases, dtype=np.int64)
    np.maximum.at(out, case_index, values)
    return out


def _custody(ctx, rng, mc, mo, cc, co):
    """Custodial periods: remand and sentence spells; release; recall."""
    periods = _custodial_periods(mc, mo, cc, co)
    release, release_type = _release(rng, periods)
    periods.update(release=release, release_type=release_type)
    periods, booking, b = _merge_into_bookings(periods)
    recall, recall_start, recall_len, fixed = _recalls(rng, b)
    recall_end = add_days(recall_start, recall_len)
    # People re-released on parole after a standard recall are on licence
    # again, and some are recalled again.
    again, again_start, again_len = _second_recalls(rng, recall & ~fixed, recall_end, recall_len)
    again_end = add_days(again_start, again_len)
    a_idx = np.flatnonzero(again)
    r_idx = np.flatnonzero(recall)

    spells = Table(
        {
            "booking": np.concatenate([booking, r_idx, a_idx]),
            "spell_type": np.concatenate(
                [periods["kind"], np.full(len(r_idx) + len(a_idx), "recall", dtype=object)]
            ),
            "start": np.concatenate([periods["start"], recall_start[r_idx], again_start[a_idx]]),
            "end": np.concatenate([periods["release"], recall_end[r_idx], again_end[a_idx]]),
            "length_days": np.concatenate([periods["length"], recall_len[r_idx], again_len[a_idx]]),
            "source": np.concatenate(
                [periods["source"], np.full(len(r_idx) + len(a_idx), "recall", dtype=object)]
            ),
            "case_ref": np.concatenate([periods["case_ref"], np.full(len(r_idx) + len(a_idx), -1)]),
            "release_type": np.concatenate(
                [
                    periods["release_type"],
                    np.where(fixed[r_idx], "end_of_sentence", "parole").astype(object),
                    np.full(len(a_idx), "end_of_sentence", dtype=object),
                ]
            ),
        }
    )
    order = np.lexsort((spells["start"].astype(np.int64), spells["booking"]))
    spells = spells.take(order)
    # Custody that is still running at the end of the simulation is open.
    now = d64(SIMULATION_END)
    final_end = np.where(again, again_end, np.where(recall, recall_end, b["end"]))
    final_end = np.where(final_end > now, NAT, final_end)
    custody = Table(
        {
            "booking": np.arange(len(b["person"])),
            "person": b["person"],
            "start": b["start"],
            "end": final_end,
            "release_type": b["release_type"],
            "sentence_days": b["length"],
            "licensed": b["licensed"],
            "recalled": recall,
            "first_release": b["end"],
        }
    )
    return custody, spells


def _custodial_periods(mc, mo, cc, co) -> dict[str, np.ndarray]:
    """Each custodial period: sentences from the magistrates' court (dealt
    with there) and the Crown Court, and remand in custody awaiting the
    Crown Court; with its person, start, length, kind, source, case and,
    for remand, its end (the Crown disposal)."""
    mags_days = _case_max(len(mc), mo["case"], mo["custody_days"])
    crown_days = _case_max(len(cc), co["crown_case"], co["custody_days"])
    # Sentenced custody sources.
    m_idx = np.flatnonzero(mags_days > 0)
    c_idx = np.flatnonzero(crown_days > 0)
    crown_convicted = np.zeros(len(cc), dtype=bool)
    np.logical_or.at(crown_convicted, co["crown_case"], co["convicted"])
    remanded = np.flatnonzero(cc["remand"] == "custody")

    person = np.concatenate([mc["person"][m_idx], cc["person"][c_idx], cc["person"][remanded]])
    start = np.concatenate(
        [mc["disposal_date"][m_idx], cc["disposal_date"][c_idx], cc["receipt_date"][remanded]]
    )
    length = np.concatenate(
        [mags_days[m_idx], crown_days[c_idx], np.zeros(len(remanded), dtype=np.int64)]
    )
    kind = np.concatenate(
        [
            np.full(len(m_idx), "sentenced"),
            np.full(len(c_idx), "sentenced"),
            np.full(len(remanded), "remand"),
        ]
    ).astype(object)
    source = np.concatenate(
        [
            np.full(len(m_idx), "mags"),
            np.full(len(c_idx), "crown"),
            np.full(len(remanded), "crown_remand"),
        ]
    ).astype(object)
    case_ref = np.concatenate([m_idx, c_idx, remanded])
    # Remand ends at the Crown disposal; a sentence served on remand continues.
    remand_end = np.where(
        kind == "remand", cc["disposal_date"][np.where(kind == "remand", case_ref, 0)], NAT
    )
    return {
        "person": person, "start": start, "length": length, "kind": kind, "source": source,
        "case_ref": case_ref, "remand_end": remand_end,
    }  # fmt: skip


def _release(rng, periods: dict[str, np.ndarray]):
    """Release date and type of each period: conditional release at half,
    home detention curfew for some eligible, parole for some long
    sentences, deportation for a few; remand ends with release by the
    court."""
    length, kind, start = periods["length"], periods["kind"], periods["start"]
    k = len(periods["person"])
    hdc = (length >= 84) & (length <= 4 * 365) & (rng.random(k) < 0.22)
    served = np.where(
        hdc, np.round(length * rng.uniform(0.25, 0.45, k)), np.ceil(length / 2)
    ).astype(np.int64)
    release_type = np.where(
        length >= 365 * 4,
        np.where(rng.random(k) < 0.15, "parole", "conditional_release"),
        np.where(hdc, "home_detention_curfew", "conditional_release"),
    )
    release_type = release_type.astype(object)
    release = add_days(start, np.maximum(served, 1))
    release[kind == "remand"] = periods["remand_end"][kind == "remand"]
    release_type[kind == "remand"] = "court_release"
    deport = rng.random(k) < 0.01
    release_type[deport & (kind == "sentenced")] = "deportation"
    return release, release_type


def _merge_into_bookings(periods: dict[str, np.ndarray]):
    """Merge overlapping or connected periods per person into one booking:
    the periods sorted by person and start, the booking of each, and per
    booking its person, start, end (first release), release type (of its
    last period), longest sentence and whether it ends on licence."""
    person, start = periods["person"], periods["start"]
    order = np.lexsort((start.astype(np.int64), person))
    periods = {name: values[order] for name, values in periods.items()}
    person, start = periods["person"], periods["start"]
    release, length = periods["release"], periods["length"]
    k = len(person)
    booking = np.zeros(k, dtype=np.int64)
    current = -1
    last_person, last_end = -1, NAT
    for i in range(k):
        if person[i] != last_person or start[i] > last_end:
            current += 1
            last_person, last_end = person[i], release[i]
        else:
            last_end = max(last_end, release[i])
        booking[i] = current
    nb = current + 1
    b_person = np.zeros(nb, dtype=np.int64)
    b_start = np.full(nb, np.datetime64("9999-12-31"), dtype="datetime64[D]")
    b_end = np.full(nb, np.datetime64("1000-01-01"), dtype="datetime64[D]")
    b_person[booking] = person
    np.minimum.at(b_start, booking, start)
    np.maximum.at(b_end, booking, release)
    last_of_booking = np.zeros(nb, dtype=np.int64)
    last_of_booking[booking] = np.arange(k)  # last assignment wins (sorted by start)
    b_release_type = periods["release_type"][last_of_booking]
    b_length = np.zeros(nb, dtype=np.int64)
    np.maximum.at(b_length, booking, length)
    licensed = (
        (b_length > 0)
        & ((b_start >= ORA_START) | (b_length >= 365))
        & np.isin(b_release_type, ["conditional_release", "home_detention_curfew", "parole"])
    )
    bookings = {
        "person": b_person, "start": b_start, "end": b_end, "release_type": b_release_type,
        "length": b_length, "licensed": licensed,
    }  # fmt: skip
    return periods, booking, bookings


def _recalls(rng, b: dict[str, np.ndarray]):
    """Recall: licensed releases may be recalled during the licence period.
    Which bookings are recalled, when, for how long, and whether for a
    fixed term."""
    b_length, b_start, b_end = b["length"], b["start"], b["end"]
    nb = len(b_length)
    recall = b["licensed"] & (rng.random(nb) < 0.16)
    licence_days = np.maximum(b_length // 2, 30) + np.where(b_start >= ORA_START, 365, 0) * (
        b_length < 730
    )
    recall_start = add_days(
        b_end, np.floor(rng.random(nb) * np.minimum(licence_days, 700)).astype(np.int64) + 7
    )
    fixed = rng.random(nb) < 0.6
    recall_len = np.where(
        fixed, 28, np.maximum(b_length // 2 - (recall_start - b_end).astype(np.int64) // 2, 28)
    )
    return recall, recall_start, recall_len, fixed


def _second_recalls(rng, paroled: np.ndarray, recall_end: np.ndarray, recall_len: np.ndarray):
    """Of the bookings re-released on parole after a standard recall, which
    are recalled again (about one in five, within the year after), when,
    and for how long (to the end of the sentence, at least 28 days)."""
    nb = len(paroled)
    again = paroled & (rng.random(nb) < 0.2)
    again_start = add_days(recall_end, rng.integers(14, 365, size=nb))
    again_len = np.maximum(recall_len // 2, 28)
    return again, again_start, again_len


def _probation(ctx, rng, mc, mo, cc, co, custody):
    """Probation events: community and suspended orders, custodial sentences
    (licence and post-sentence supervision) and pre-sentence reports."""
    rows = []
    # Community / suspended orders from either court (one event per case).
    for court, cases, offences, case_col, date_col in (
        ("mags", mc, mo, "case", "disposal_date"),
        ("crown", cc, co, "crown_case", "disposal_date"),
    ):
        for dtype in ("community_order", "suspended_sentence"):
            hit = offences["disposal_type"] == dtype
            case_idx = np.unique(offences[case_col][hit])
            months = np.zeros(len(cases), dtype=np.int64)
            np.maximum.at(months, offences[case_col][hit], offences["community_months"][hit])
            rows.append(
                {
                    "person": cases["person"][case_idx],
                    "referral_date": cases[date_col][case_idx],
                    "category": np.full(len(case_idx), dtype, dtype=object),
                    "court": np.full(len(case_idx), court, dtype=object),
                    "court_case": case_idx,
                    "length_months": months[case_idx],
                }
            )
    # Custodial sentences: an event at sentence, with licence at release.
    sentenced = custody["sentence_days"] > 0
    eligible = sentenced & ((custody["start"] >= ORA_START) | (custody["sentence_days"] >= 365))
    idx = np.flatnonzero(eligible)
    rows.append(
        {
            "person": custody["person"][idx],
            "referral_date": custody["start"][idx],
            "category": np.full(len(idx), "custody", dtype=object),
            "court": np.full(len(idx), "custody", dtype=object),
            "court_case": idx,
            "length_months": custody["sentence_days"][idx] // 30,
        }
    )
    # Pre-sentence reports: some convicted cases get a pre-sentence event.
    for court, cases, p in (("mags", mc, 0.10), ("crown", cc, 0.35)):
        pick = np.flatnonzero(rng.random(len(cases)) < p)
        date_col = "first_hearing" if court == "mags" else "receipt_date"
        rows.append(
            {
                "person": cases["person"][pick],
                "referral_date": add_days(cases[date_col][pick], rng.integers(1, 20, len(pick))),
                "category": np.full(len(pick), "pre_sentence", dtype=object),
                "court": np.full(len(pick), court, dtype=object),
                "court_case": pick,
                "length_months": np.zeros(len(pick), dtype=np.int64),
            }
        )
    cols = {k: np.concatenate([r[k] for r in rows]) for k in rows[0]}
    order = np.lexsort((cols["referral_date"].astype(np.int64), cols["person"]))
    ev = Table({k: v[order] for k, v in cols.items()})
    n = len(ev)
    months = np.maximum(ev["length_months"], 0)
    span = np.where(
        ev["category"] == "custody",
        months * 30 + 365,
        np.where(ev["category"] == "pre_sentence", 30, months * 30),
    )
    # Outcomes by kind of event: orders end by expiry (or early for good
    # progress), breach or revocation on a new conviction; a licence ends
    # by expiry unless the person was recalled; a pre-sentence report ends
    # when the sentence is passed. A few of each end otherwise (transfer,
    # death, appeal).
    outcome_u = rng.random(n)
    order_outcome = np.where(
        outcome_u < 0.70,
        "completed",
        np.where(outcome_u < 0.84, "breach", np.where(outcome_u < 0.95, "revoked", "other")),
    )
    is_custody = ev["category"] == "custody"
    recalled = np.zeros(n, dtype=bool)
    recalled[is_custody] = custody["recalled"][ev["court_case"][is_custody]]
    licence_outcome = np.where(recalled, "breach", np.where(outcome_u < 0.95, "completed", "other"))
    report_outcome = np.where(outcome_u < 0.96, "completed", "other")
    outcome = np.where(
        is_custody,
        licence_outcome,
        np.where(ev["category"] == "pre_sentence", report_outcome, order_outcome),
    ).astype(object)
    early = np.where(outcome == "completed", 1.0, rng.uniform(0.2, 0.9, n))
    termination = add_days(ev["referral_date"], np.round(span * early).astype(np.int64))
    termination = np.where(termination > d64("2023-03-31"), NAT, termination)
    ev["event"] = np.arange(n)
    ev["outcome"] = outcome
    ev["termination_date"] = termination
    ev["span_days"] = span
    return ev


def _assessments(ctx, rng, custody, events):
    """OASys assessments for people in custody or under probation supervision,
    with reviews; some run past the linkable window (to Dec 2023)."""
    long_custody = np.flatnonzero(custody["sentence_days"] >= 180)
    supervised = np.flatnonzero(
        np.isin(events["category"], ["community_order", "suspended_sentence", "custody"])
    )
    take_c = long_custody[rng.random(len(long_custody)) < 0.8]
    take_e = supervised[rng.random(len(supervised)) < 0.55]
    person = np.concatenate([custody["person"][take_c], events["person"][take_e]])
    first = np.concatenate(
        [
            add_days(custody["start"][take_c], rng.integers(5, 56, len(take_c))),
            add_days(events["referral_date"][take_e], rng.integers(5, 56, len(take_e))),
        ]
    )
    setting = np.concatenate([np.full(len(take_c), "custody"), np.full(len(take_e), "community")])
    reviews = rng.poisson(0.8, len(person))
    rep = 1 + np.minimum(reviews, 4)
    person_r = np.repeat(person, rep)
    seq = group_offsets(np.repeat(np.arange(len(person)), rep))
    date = add_days(np.repeat(first, rep), seq * rng.integers(150, 220, len(person_r)))
    setting_r = np.repeat(setting, rep).astype(object)
    keep = date <= d64("2023-12-31")
    order = np.lexsort((date[keep].astype(np.int64), person_r[keep]))
    return Table(
        {
            "person": person_r[keep][order],
            "date": date[keep][order],
            "setting": setting_r[keep][order],
            "is_review": (seq[keep] > 0)[order],
        }
    )


def _age_years(ctx: Context, person: np.ndarray, when: np.ndarray) -> np.ndarray:
    return (when - ctx.pop.dob[person]).astype(np.int64) / 365.25


def _crown_warrants(ctx: Context, mc: Table, cc: Table) -> Table:
    """Bench warrants issued when a defendant on bail fails to attend the
    Crown Court: one per case for a few percent of bailed defendants (two
    for some), more likely with more previous cases, at younger ages and on
    cases that wait longer (the warrant is part of what made them wait).
    Each warrant lies inside the case, between receipt and disposal, and
    is executed (arrest) or withdrawn (surrender) before the disposal."""
    rng = ctx.rng("criminal:crown_warrants")
    n = len(cc)
    prior = group_offsets(mc["person"])[cc["mags_case"]]
    age = _age_years(ctx, cc["person"], cc["receipt_date"])
    wait = (cc["disposal_date"] - cc["receipt_date"]).astype(np.int64)
    base = np.where(cc["case_type"] == "T", 0.035, np.where(cc["case_type"] == "S", 0.03, 0.01))
    age_factor = np.select([age < 25, age < 35, age < 50], [1.4, 1.1, 0.9], 0.6)
    prob = base * (1 + 0.08 * np.minimum(prior, 10)) * age_factor
    prob = prob * np.clip(wait / 170, 0.5, 2.0)
    eligible = (cc["remand"] != "custody") & (wait >= 21)
    has = eligible & (rng.random(n) < np.minimum(prob, 0.3))
    second = has & (wait >= 60) & (rng.random(n) < 0.15)
    count = has.astype(np.int64) + second
    w_case = np.repeat(np.arange(n), count)
    k = len(w_case)
    w_seq = group_offsets(w_case)
    # Each warrant in its own slice of the wait: issued in the first half of
    # the slice, resolved after it and before the slice ends.
    slice_len = wait[w_case] // count[w_case]
    slice_start = add_days(cc["receipt_date"][w_case], w_seq * slice_len)
    issue_off = 1 + np.floor(rng.random(k) * (slice_len // 2 - 1)).astype(np.int64)
    issued = add_days(slice_start, issue_off)
    room = slice_len - issue_off - 1
    out_days = np.minimum(lognormal_days(rng, 21, 0.8, k, 1, 400), np.maximum(room, 1))
    resolved = add_days(issued, out_days)
    executed = rng.random(k) < 0.8
    warrant_type = np.where(rng.random(k) < 0.85, "not_backed_for_bail", "backed_for_bail")
    return Table(
        {
            "crown_case": w_case,
            "seq": w_seq + 1,
            "warrant_type": warrant_type.astype(object),
            "issued": issued,
            "resolved": resolved,
            "outcome": np.where(executed, "executed", "withdrawn").astype(object),
        }
    )


#: Dates of the sentencing regimes (Criminal Justice Act 2003 public
#: protection sentences; LASPO 2012 replaced IPP and EPP by the EDS).
IPP_START = d64("2005-04-04")
LASPO_START = d64("2012-12-03")
_PUBLIC_PROTECTION_GROUPS = (
    "violence_against_the_person", "sexual_offences", "robbery", "possession_of_weapons",
    "criminal_damage_and_arson",
)  # fmt: skip


def _custody_charges(ctx: Context, mc, mo, cc, co, spells: Table, custody: Table) -> Table:
    """The offences held against each custody spell, as P-NOMIS records
    them: the offences given custody on the magistrates' or Crown case
    that started a sentenced spell (each with its own term and sentence
    calculation type), and every offence of the Crown case on which a
    remanded spell waits. Recall spells carry no offence of their own (the
    recalled sentence's offences are on the earlier spell).

    The sentence calculation type follows the law at the sentence date:
    life for murder (and for a few of the gravest long sentences), IPP for
    some long sentences for serious violent and sexual offences between
    April 2005 and December 2012, extended sentences (EPP before LASPO, EDS
    after) for some longer ones, detention in a young offender institution
    under 21, and otherwise a standard determinate sentence (ORA licence
    from February 2015)."""
    rng = ctx.rng("criminal:custody_charges")
    off_rows = ctx.vocab.seed("offence_codes")
    group_of = {r["offence_code"]: r["offence_group"] for r in off_rows}
    source, case_ref = spells["source"], spells["case_ref"]
    spell_of_mags = np.full(len(mc), -1, dtype=np.int64)
    hit = source == "mags"
    spell_of_mags[case_ref[hit]] = np.flatnonzero(hit)
    spell_of_crown = np.full(len(cc), -1, dtype=np.int64)
    hit = source == "crown"
    spell_of_crown[case_ref[hit]] = np.flatnonzero(hit)
    remand_of_crown = np.full(len(cc), -1, dtype=np.int64)
    hit = source == "crown_remand"
    remand_of_crown[case_ref[hit]] = np.flatnonzero(hit)

    m_sel = np.flatnonzero((mo["custody_days"] > 0) & (spell_of_mags[mo["case"]] >= 0))
    c_sel = np.flatnonzero((co["custody_days"] > 0) & (spell_of_crown[co["crown_case"]] >= 0))
    r_sel = np.flatnonzero(remand_of_crown[co["crown_case"]] >= 0)
    crown_mags = cc["mags_case"]
    spell = np.concatenate(
        [
            spell_of_mags[mo["case"][m_sel]],
            spell_of_crown[co["crown_case"][c_sel]],
            remand_of_crown[co["crown_case"][r_sel]],
        ]
    )
    offence_code = np.concatenate(
        [mo["offence_code"][m_sel], co["offence_code"][c_sel], co["offence_code"][r_sel]]
    ).astype(object)
    seriousness = np.concatenate(
        [mo["seriousness"][m_sel], co["seriousness"][c_sel], co["seriousness"][r_sel]]
    )
    length = np.concatenate(
        [
            mo["custody_days"][m_sel],
            co["custody_days"][c_sel],
            np.zeros(len(r_sel), dtype=np.int64),
        ]
    )
    offence_date = np.concatenate(
        [
            mc["offence_date"][mo["case"][m_sel]],
            mc["offence_date"][crown_mags[co["crown_case"][c_sel]]],
            mc["offence_date"][crown_mags[co["crown_case"][r_sel]]],
        ]
    )
    court = np.concatenate(
        [np.full(len(m_sel), "mags"), np.full(len(c_sel) + len(r_sel), "crown")]
    ).astype(object)
    status = np.where(length > 0, "sentenced", "remand").astype(object)
    order = np.lexsort((np.arange(len(spell)), spell))
    spell, offence_code, seriousness = spell[order], offence_code[order], seriousness[order]
    length, offence_date, court, status = (
        length[order], offence_date[order], court[order], status[order],
    )  # fmt: skip
    k = len(spell)
    start = spells["start"][spell]
    age = _age_years(ctx, custody["person"][spells["booking"][spell]], start)
    group = np.array([group_of.get(c, "") for c in offence_code], dtype=object)
    protect = np.isin(group, _PUBLIC_PROTECTION_GROUPS)
    sentenced = status == "sentenced"
    crown = court == "crown"
    u = rng.random(k)
    life = (
        crown
        & sentenced
        & ((offence_code == "COML025") | ((seriousness >= 90) & (length >= 3600) & (u < 0.25)))
    )
    ipp = (
        crown
        & sentenced
        & ~life
        & protect
        & (seriousness >= 55)
        & (length >= 720)
        & (start >= IPP_START)
        & (start < LASPO_START)
        & (u < 0.35)
    )
    extended = (
        crown
        & sentenced
        & ~life
        & ~ipp
        & protect
        & (seriousness >= 50)
        & (length >= 1440)
        & (u < 0.30)
    )
    calc_type = np.where(start >= ORA_START, "ADIMP_ORA", "ADIMP").astype(object)
    calc_type[age < 21] = "YOI"
    calc_type[extended] = np.where(start[extended] >= LASPO_START, "EDS", "EPP")
    calc_type[ipp] = "IPP"
    calc_type[life] = "LIFE"
    calc_type[~sentenced] = None
    return Table(
        {
            "spell": spell,
            "seq": group_offsets(spell) + 1,
            "offence_code": offence_code,
            "offence_date": offence_date,
            "seriousness": seriousness,
            "court": court,
            "status": status,
            "length_days": length,
            "calc_type": calc_type,
        }
    )
