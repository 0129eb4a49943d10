"""Civil court journeys: county court claims in CaseMan and PCOL (2012 -
Jan 2022), simulated for people of the population and held as flat numpy
tables. The source-system modules (:mod:`~datafirst.generator.systems.caseman`,
``pcol``) lay them out the way each system records them.

Civil defendants are drawn with a heavy-tailed propensity, so that some
tenants and debtors are sued again and again; a share of them are criminal or
family-court people too. What happens on each claim after issue is simulated
in :mod:`~datafirst.generator.civil_flows`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.civil_flows import (
    CIVIL_CODES,
    CIVIL_EXTRACT,
    COVID_STAY,
    Flow,
    caseman_flow,
    pcol_money_flow,
    possession_flow,
)
from datafirst.generator.config import COVERAGE
from datafirst.generator.context import Context
from datafirst.generator.court_helpers import (
    Rows,
    draw_shares,
    local_authority_names,
    pick_in_window,
    years,
)
from datafirst.generator.criminal import Table, court_for, group_offsets
from datafirst.generator.dates import add_days, age_years, d64, uniform_dates

#: Civil claims are those started in the coverage window.
CIVIL_FROM, CIVIL_TO = (d64(x) for x in COVERAGE["caseman"])

#: Claim kinds -> the system's case type codes and their shares.
CIVIL_CASE_TYPES: dict[str, dict[str, dict[str, float]]] = {
    "caseman": {
        "lender": {"SPC": 0.55, "CCA": 0.45},
        "utility": {"SPC": 1.0},
        "trader": {"SPC": 0.8, "USP": 0.2},
        "individual": {"SPC": 0.55, "USP": 0.2, "RTA": 0.15, "PIN": 0.1},
        "insurer": {"RTA": 0.7, "PIN": 0.1, "USP": 0.2},
        "goods": {"RGD": 1.0},
        "disrepair": {"HDR": 1.0},
        "injunction": {"INJ": 0.8, "P8": 0.2},
        "social_landlord": {"LPO": 0.9, "TRS": 0.1},
        "private_landlord": {"LPO": 0.55, "APO": 0.45},
        "mortgage": {"MPO": 1.0},
    },
    "pcol": {
        "social_landlord": {"RS": 0.92, "OB": 0.08},
        "private_landlord": {"RP": 0.55, "AC": 0.4, "OB": 0.05},
        "mortgage": {"MG": 1.0},
        "arrears_only": {"MJ": 1.0},
    },
}

#: Share of claims of each kind, and the broad category of the kind.
_KIND_SHARES = {
    "caseman": {
        "lender": 0.30, "utility": 0.10, "trader": 0.20, "individual": 0.10, "insurer": 0.08,
        "goods": 0.03, "disrepair": 0.02, "injunction": 0.03, "social_landlord": 0.06,
        "private_landlord": 0.05, "mortgage": 0.03,
    },
    "pcol": {
        "social_landlord": 0.54, "private_landlord": 0.26, "mortgage": 0.17,
        "arrears_only": 0.03,
    },
}  # fmt: skip
_KIND_CATEGORY = {
    "lender": "money", "utility": "money", "trader": "money", "individual": "money",
    "insurer": "money", "goods": "other", "disrepair": "other", "injunction": "other",
    "social_landlord": "possession", "private_landlord": "possession", "mortgage": "possession",
    "arrears_only": "money",
}  # fmt: skip
#: Company group that brings each kind of claim (None: a private person).
_CLAIMANT_GROUP = {
    "lender": "lender", "utility": "utility", "trader": "trader", "individual": None,
    "insurer": "insurer", "goods": "lender", "disrepair": None, "injunction": "council",
    "social_landlord": "social_landlord", "private_landlord": "private_landlord",
    "mortgage": "lender", "arrears_only": "social_landlord",
}  # fmt: skip

_COMPANY_GROUPS = {
    "lender": ("Bank PLC", "Finance Ltd"),
    "utility": ("Energy Ltd",),
    "social_landlord": ("Housing Association", "Homes Ltd"),
    "private_landlord": ("Lettings", "Property Management Ltd"),
}


@dataclass
class CivilCases:
    """One civil system's claims and what happened on them. Every table
    refers to its claim by ``claim`` (row index of ``claims``)."""

    claims: Table
    parties: Table
    events: Table
    hearings: Table
    judgments: Table
    warrants: Table


def simulate(ctx: Context, system: str, partner: np.ndarray) -> CivilCases:
    """The claims of one civil ``system`` (caseman or pcol), what happened
    on them and their parties; ``partner`` gives the joint defendants."""
    _check_codes(ctx, system)
    rng = ctx.rng(f"civil:{system}")
    issue = _issue_dates(rng, system, ctx.pop.n)
    k = len(issue)
    kind = draw_shares(rng, _KIND_SHARES[system], k)
    category = np.array([_KIND_CATEGORY[x] for x in kind], dtype=object)
    case_type = np.full(k, "", dtype=object)
    for kd, types in CIVIL_CASE_TYPES[system].items():
        mask = kind == kd
        case_type[mask] = draw_shares(rng, types, mask.sum())

    # The person on the other side from the company: the defendant, or the
    # tenant who sues a landlord for disrepair.
    person = _sued_people(ctx, rng, issue)
    company_defendant = (category == "money") & (kind != "arrears_only") & (rng.random(k) < 0.08)
    ok = (person >= 0) | company_defendant
    issue, kind, category, case_type = issue[ok], kind[ok], category[ok], case_type[ok]
    company_defendant = company_defendant[ok]
    person = np.where(company_defendant, -1, person[ok])
    k = len(issue)

    amount = _amounts(rng, kind, category, case_type)
    court, region, la = _county_courts(ctx, rng, person, issue)
    claims = Table(
        {
            "claim": np.arange(k),
            "issue_date": issue,
            "category": category,
            "kind": kind,
            "case_type_code": case_type,
            "amount": amount,
            "court": court,
            "region": region,
            "local_authority": la,
        }
    )
    codes = CIVIL_CODES[system]
    flow = Flow(rng, codes, k)
    if system == "caseman":
        caseman_flow(flow, claims)
    else:
        pcol_money_flow(flow, claims)
    possession_flow(flow, claims, system)
    events, hearings, judgments, warrants = flow.tables()
    claims["defended"] = np.isin(
        np.arange(k), events["claim"][events["event_code"] == codes["defence"]]
    )
    parties = _civil_parties(ctx, rng, system, claims, person, company_defendant, partner)
    return CivilCases(claims, parties, events, hearings, judgments, warrants)


def _issue_dates(rng, system: str, people: int) -> np.ndarray:
    """Issue dates of the claims, in order: spread over the coverage window,
    with few issued during the pandemic stay (possession claims fewest)."""
    k = int(round((0.07 if system == "caseman" else 0.05) * people))
    issue = uniform_dates(rng, CIVIL_FROM, CIVIL_TO, 2 * k + 10)
    in_stay = (issue >= COVID_STAY[0]) & (issue <= COVID_STAY[1])
    issue = issue[~in_stay | (rng.random(len(issue)) < (0.15 if system == "pcol" else 0.6))]
    return np.sort(issue[:k])


def _amounts(rng, kind: np.ndarray, category: np.ndarray, case_type: np.ndarray) -> np.ndarray:
    """Money claimed, or rent/mortgage arrears on possession claims; NaN for
    claims without an amount (injunctions, some disrepair claims,
    accelerated possession, trespass)."""
    k = len(kind)
    amount = np.full(k, np.nan)
    median = np.select(
        [kind == "lender", kind == "utility", kind == "insurer", kind == "mortgage",
         category == "possession", kind == "arrears_only", kind == "individual"],
        [2400, 650, 3800, 7500, 1900, 1600, 900],
        default=1300,
    )  # fmt: skip
    sigma = np.where(category == "possession", 0.75, 1.1)
    amount[:] = rng.lognormal(np.log(median), sigma)
    amount = np.round(np.clip(amount, 25, 750_000), 2)
    no_amount = (
        (kind == "injunction")
        | ((kind == "disrepair") & (rng.random(k) < 0.5))
        | ((case_type == "APO") | (case_type == "AC") | (case_type == "TRS"))
    )
    amount[no_amount] = np.nan
    return amount


def _county_courts(ctx: Context, rng, person: np.ndarray, issue: np.ndarray):
    """Court, region and local authority of each claim: the county court for
    the person's area (the property, for possession claims); anywhere for a
    claim between companies."""
    pop = ctx.pop
    addr = pop.addresses.at(np.maximum(person, 0), issue)
    region = pop.addresses.region[addr].copy()
    la = pop.addresses.local_authority[addr].copy()
    nobody = person < 0
    other = rng.integers(len(pop.addresses.region), size=nobody.sum())
    region[nobody], la[nobody] = pop.addresses.region[other], pop.addresses.local_authority[other]
    court = court_for(ctx, rng, region, "county")
    return court, region, la


def _check_codes(ctx: Context, system: str) -> None:
    """Fail loudly if the seeds no longer hold a code the simulation uses."""
    known = set()
    for seed, col in (
        ("civil_event_types", "event_code"),
        ("hearing_types", "hearing_type_code"),
        ("civil_judgment_types", "judgment_type_code"),
        ("civil_warrant_types", "warrant_type_code"),
        ("civil_case_types", "case_type_code"),
    ):
        known |= set(ctx.vocab.column(seed, col, source_system=system))
    wanted = set(CIVIL_CODES[system].values())
    for shares in CIVIL_CASE_TYPES[system].values():
        wanted |= set(shares)
    if system == "caseman":
        wanted |= set(INSOLVENCY_RATES)
    missing = wanted - known
    if missing:
        raise ValueError(f"{system}: codes missing from the seeds: {sorted(missing)}")


def _company_pools(ctx: Context, rng) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Company names by kind, each with Zipf weights: a few bulk claimants
    issue most claims."""
    names = ctx.vocab.companies
    pools = {}
    taken = np.zeros(len(names), dtype=bool)
    for group, suffixes in _COMPANY_GROUPS.items():
        mask = np.array([any(x.endswith(s) for s in suffixes) for x in names], dtype=bool)
        pools[group] = _zipf(rng, names[mask])
        taken |= mask
    rest = names[~taken]
    insurer = np.array([x.endswith(("PLC", "Limited")) for x in rest], dtype=bool)
    pools["insurer"] = _zipf(rng, rest[insurer])
    pools["trader"] = _zipf(rng, rest[~insurer])
    pools["any"] = _zipf(rng, names)
    return pools


def _zipf(rng, names: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    names = names[rng.permutation(len(names))]
    w = 1.0 / np.arange(1, len(names) + 1) ** 1.05
    return names, (w / w.sum()) if len(names) else w


def _companies(rng, pools, group: str, size: int) -> np.ndarray:
    names, probs = pools.get(group, pools["any"])
    if len(names) == 0:
        names, probs = pools["any"]
    return names[rng.choice(len(names), size=size, p=probs)]


def _civil_propensity(ctx: Context) -> np.ndarray:
    """How likely each person is to be sued (shared by both systems, so that
    the same tenants and debtors turn up in CaseMan and PCOL)."""
    rng = ctx.rng("civil:propensity")
    pop = ctx.pop
    w = rng.gamma(0.45, 2.2, size=pop.n)
    return np.where(pop.is_child, 0.0, w)


def _sued_people(ctx, rng, issue: np.ndarray) -> np.ndarray:
    """People adult at ``issue`` who are sued (or, for disrepair, who sue):
    mostly people with civil debts, a share from the criminal and family
    populations; -1 where nobody fits."""
    pop = ctx.pop
    weights = _civil_propensity(ctx)
    k = len(issue)
    source = rng.choice(3, size=k, p=[0.65, 0.25, 0.10])
    out = np.full(k, -1, dtype=np.int64)
    for i, mask in enumerate((pop.is_civil, pop.is_criminal, pop.is_family_adult)):
        pool = np.flatnonzero(mask & ~pop.is_child)
        sel = source == i
        out[sel] = pick_in_window(
            rng, pool, pop.dob[pool], add_days(issue[sel], -years(85)),
            add_days(issue[sel], -years(18)), weights=weights[pool],
        )  # fmt: skip
    return out


def _civil_parties(ctx, rng, system, claims: Table, person, company_defendant, partner) -> Table:
    """Claimants and defendants of each claim (a person or a company), with
    joint defendants (partners, joint tenants) for some."""
    pop = ctx.pop
    k = len(claims)
    issue, kind = claims["issue_date"], claims["kind"]
    pools = _company_pools(ctx, rng)
    la_name = local_authority_names(ctx)
    rows = Rows(
        claim=np.int64, role=object, role_no=np.int64, person=np.int64, company_name=object,
        represented=bool,
    )  # fmt: skip
    disrepair = kind == "disrepair"
    # Claimant: a company (bulk claimants), a council, or a private person
    # (a small landlord, a consumer, a tenant suing for disrepair).
    claimant = np.full(k, -1, dtype=np.int64)
    private = np.array([_CLAIMANT_GROUP[x] is None for x in kind], dtype=bool)
    private |= (kind == "private_landlord") & (rng.random(k) < 0.45)
    landlord_pool = np.flatnonzero(~pop.is_child & (~pop.is_criminal | (rng.random(pop.n) < 0.1)))
    pl = np.flatnonzero(private & ~disrepair)
    claimant[pl] = pick_in_window(
        rng,
        landlord_pool,
        pop.dob[landlord_pool],
        add_days(issue[pl], -years(85)),
        add_days(issue[pl], -years(23)),
    )
    claimant[disrepair] = person[disrepair]
    company = np.full(k, None, dtype=object)
    for group in ("lender", "utility", "trader", "insurer", "social_landlord", "private_landlord"):
        mask = (claimant < 0) & np.array([_CLAIMANT_GROUP[x] == group for x in kind], bool)
        company[mask] = _companies(rng, pools, group, mask.sum())
    councils = (claimant < 0) & (
        (kind == "injunction")
        | (np.isin(kind, ["social_landlord", "arrears_only"]) & (rng.random(k) < 0.3))
    )
    company[councils] = np.array(
        [la_name.get(x) for x in claims["local_authority"][councils]], dtype=object
    )
    left = (claimant < 0) & np.equal(company, None)
    company[left] = _companies(rng, pools, "trader", left.sum())
    is_person = claimant >= 0
    rows.add(
        claim=np.arange(k), role="claimant", role_no=1, person=claimant,
        company_name=np.where(is_person, None, company),
        represented=rng.random(k) < np.where(is_person, 0.3, 0.9),
    )  # fmt: skip
    # First defendant: a person, a business, or the landlord sued for disrepair.
    defendant = np.where(disrepair, -1, person)
    d_company = np.full(k, None, dtype=object)
    d_company[company_defendant] = _companies(rng, pools, "trader", company_defendant.sum())
    d_company[disrepair] = _companies(rng, pools, "social_landlord", disrepair.sum())
    defended = claims["defended"]
    rows.add(
        claim=np.arange(k), role="defendant", role_no=1, person=defendant,
        company_name=d_company,
        represented=rng.random(k) < np.where(defended | (defendant < 0), 0.45, 0.04),
    )  # fmt: skip
    # Joint defendants: the partner where known (joint tenants, borrowers).
    joint_p = np.where(claims["category"] == "possession", 0.4, 0.06)
    jd = np.flatnonzero((defendant >= 0) & (rng.random(k) < joint_p))
    second = partner[defendant[jd]]
    adult_then = second >= 0
    adult_then[adult_then] = age_years(pop.dob[second[adult_then]], issue[jd][adult_then]) >= 18
    second = np.where(adult_then, second, -1)
    need = second < 0
    pool = np.flatnonzero(~pop.is_child & (pop.is_civil | pop.is_family_adult))
    first_dob = pop.dob[defendant[jd[need]]]
    second[need] = pick_in_window(
        rng, pool, pop.dob[pool], add_days(first_dob, -years(8)),
        np.minimum(add_days(first_dob, years(8)), add_days(issue[jd[need]], -years(18))),
    )  # fmt: skip
    ok = (second >= 0) & (second != defendant[jd])
    jd, second = jd[ok], second[ok]
    rows.add(
        claim=jd, role="defendant", role_no=2, person=second, company_name=None,
        represented=rng.random(len(jd)) < np.where(defended[jd], 0.45, 0.04),
    )  # fmt: skip
    t = rows.table()
    role_rank = np.where(t["role"] == "claimant", 0, 1)
    t = t.take(np.lexsort((t["role_no"], role_rank, t["claim"])))
    t["seq"] = group_offsets(t["claim"]) + 1
    t["party_type"] = np.where(t["person"] >= 0, "individual", "company").astype(object)
    return t


#: Case type a possession claim received from PCOL gets in CaseMan.
PCOL_TO_CASEMAN_TYPE = {"RS": "LPO", "RP": "LPO", "OB": "LPO", "AC": "APO", "MG": "MPO"}
#: How CaseMan's clerk records the PCOL claim number on a received claim.
TRANSFER_REFERENCE_SHARES = {"exact": 0.72, "mistyped": 0.05, "missing": 0.23}


def transfers(ctx: Context, pcol: CivilCases) -> Table:
    """PCOL possession claims transferred to the county court hearing centre
    (defended, or needing a hearing the centre runs) and received there as a
    CaseMan case: one row per PCOL claim with a transfer event whose CaseMan
    case was opened by the extract date. ``claim`` is the PCOL claim's row;
    ``received`` the date CaseMan opened the case, days after the transfer
    (so after the PCOL issue date); ``reference`` how the PCOL claim number
    was carried over: exact, mistyped or missing. From a stream of its own."""
    rng = ctx.rng("civil:pcol_transfers")
    ev = pcol.events
    moved = ev["event_code"] == CIVIL_CODES["pcol"]["transferred"]
    claim, when = ev["claim"][moved], ev["event_date"][moved]
    first = np.r_[True, claim[1:] != claim[:-1]] if len(claim) else np.zeros(0, bool)
    claim, when = claim[first], when[first]
    received = add_days(when, rng.integers(2, 22, size=len(claim)))
    reference = draw_shares(rng, TRANSFER_REFERENCE_SHARES, len(claim))
    keep = (received <= CIVIL_EXTRACT) & (pcol.claims["category"][claim] == "possession")
    return Table(
        {
            "claim": claim[keep],
            "received": received[keep],
            "reference": np.asarray(reference, dtype=object)[keep],
        }
    )


#: Bankruptcy work of the county court hearing centres (CaseMan case types,
#: seed civil_case_types, claim_category insolvency): cases per person of
#: the population over the coverage window. Debtors' own petitions moved
#: online to the Adjudicator on 6 April 2016, so CaseMan has them before
#: that date only.
INSOLVENCY_RATES = {"CBP": 0.0012, "DBP": 0.0024, "SSD": 0.0005}
DEBTOR_PETITIONS_ONLINE = d64("2016-04-06")
#: Issue fee in pounds of each insolvency case type.
INSOLVENCY_FEES = {"CBP": 280.0, "DBP": 180.0, "SSD": 155.0}


def insolvency(ctx: Context) -> Table:
    """Creditors' bankruptcy petitions, debtors' petitions (until April
    2016) and applications to set aside a statutory demand, at the county
    court for the debtor's area: one row per case with its type, the
    debtor (a person of the population, who is never recorded as a party of
    this extract), the court, the issue date and the debt. From a stream of
    its own."""
    rng = ctx.rng("civil:caseman_insolvency")
    parts = []
    for code, rate in INSOLVENCY_RATES.items():
        end = DEBTOR_PETITIONS_ONLINE - 1 if code == "DBP" else CIVIL_TO
        share = (end - CIVIL_FROM).astype(int) / (CIVIL_TO - CIVIL_FROM).astype(int)
        k = int(rng.poisson(rate * ctx.pop.n * share))
        issue = uniform_dates(rng, CIVIL_FROM, end, k)
        parts.append((np.full(k, code, dtype=object), issue))
    case_type = np.concatenate([p[0] for p in parts])
    issue = np.concatenate([p[1] for p in parts])
    order = np.argsort(issue, kind="stable")
    case_type, issue = case_type[order], issue[order]
    debtor = _sued_people(ctx, rng, issue)
    ok = debtor >= 0
    case_type, issue, debtor = case_type[ok], issue[ok], debtor[ok]
    court, region, _ = _county_courts(ctx, rng, debtor, issue)
    k = len(issue)
    median = np.select([case_type == "CBP", case_type == "DBP"], [14_000, 26_000], 9_000)
    debt = np.round(rng.lognormal(np.log(median), 0.8), 2)
    # A creditor's petition needs a debt of at least £750 (£5,000 from
    # October 2015), as does a statutory demand.
    floor = np.where(issue >= d64("2015-10-01"), 5_000.0, 750.0)
    debt = np.where(case_type == "DBP", np.maximum(debt, 500.0), np.maximum(debt, floor))
    return Table(
        {
            "case": np.arange(k),
            "case_type_code": case_type,
            "issue_date": issue,
            "debtor": debtor,
            "court": court,
            "region": region,
            "amount": debt,
            "court_fee": np.array([INSOLVENCY_FEES[x] for x in case_type]),
        }
    )


def insolvency_flow(rng, cases: Table):
    """What happens on each insolvency case, in CaseMan's codes: the
    petition presented (or the application filed), hearings, and the
    bankruptcy order, dismissal or withdrawal (the statutory demand set
    aside or not). Events, and hearings, cut at the extract date (hearings
    listed in the months after it kept, without an outcome)."""
    codes = CIVIL_CODES["caseman"]
    ev, hr = (
        Rows(case=np.int64, date="datetime64[D]", code=object),
        Rows(case=np.int64, date="datetime64[D]", code=object, outcome=object, minutes=np.int64),
    )
    k = len(cases)
    ctype, issue = cases["case_type_code"], cases["issue_date"]
    idx = np.arange(k)
    petition = ctype != "SSD"
    ev.add(case=idx[petition], date=issue[petition], code=codes["petition_presented"])
    ev.add(case=idx[~petition], date=issue[~petition], code=codes["set_aside_sd_filed"])
    # Debtors' petitions: mostly an order on paper within days; the rest
    # and every creditor's petition and set-aside go to a hearing.
    u = rng.random(k)
    paper = (ctype == "DBP") & (u < 0.7)
    paper_date = add_days(issue, rng.integers(0, 8, k))
    heard = ~paper
    first = add_days(issue, np.where(ctype == "SSD", rng.integers(21, 70, k),
                                     np.where(ctype == "DBP", rng.integers(3, 21, k),
                                              rng.integers(56, 112, k))))  # fmt: skip
    ev.add(case=idx[heard], date=issue[heard], code=codes["listed"])
    o = rng.random(k)
    adjourned = heard & (ctype == "CBP") & (o < 0.2)
    second = add_days(first, rng.integers(28, 84, k))
    final = np.where(adjourned, second, np.where(paper, paper_date, first))
    v = rng.random(k)
    outcome = np.select(
        [ctype == "DBP", ctype == "SSD"],
        [np.where(v < 0.95, "order", "dismissed"), np.where(v < 0.3, "set_aside", "refused")],
        np.select([v < 0.5, v < 0.8], ["order", "dismissed"], "withdrawn"),
    ).astype(object)
    hearing_type = np.where(ctype == "SSD", codes["h_set_aside_sd"], codes["h_bankruptcy"])
    labels = {
        "order": "Bankruptcy order made", "dismissed": "Petition dismissed",
        "withdrawn": "Petition withdrawn", "set_aside": "Statutory demand set aside",
        "refused": "Application dismissed",
    }  # fmt: skip
    label = np.array([labels[x] for x in outcome], dtype=object)
    minutes = rng.integers(5, 30, k)
    hr.add(case=idx[adjourned], date=first[adjourned], code=hearing_type[adjourned],
           outcome="Adjourned", minutes=minutes[adjourned])  # fmt: skip
    ev.add(case=idx[adjourned], date=first[adjourned], code=codes["adjourned"])
    hr.add(case=idx[heard], date=final[heard], code=hearing_type[heard], outcome=label[heard],
           minutes=minutes[heard])  # fmt: skip
    event_code = {
        "order": "bankruptcy_order", "dismissed": "petition_dismissed",
        "withdrawn": "petition_withdrawn", "set_aside": "sd_set_aside",
        "refused": "sd_set_aside_refused",
    }  # fmt: skip
    for kind, name in event_code.items():
        sel = outcome == kind
        ev.add(case=idx[sel], date=final[sel], code=codes[name])
    events, hearings = ev.table(), hr.table()
    events = events.take(np.flatnonzero(events["date"] <= CIVIL_EXTRACT))
    hearings = hearings.take(np.flatnonzero(hearings["date"] <= add_days(CIVIL_EXTRACT, 120)))
    future = hearings["date"] > CIVIL_EXTRACT
    hearings["outcome"][future] = ""
    hearings["minutes"][future] = 0
    order_e = np.lexsort((np.arange(len(events)), events["date"].astype(np.int64), events["case"]))
    order_h = np.lexsort((np.arange(len(hearings)), hearings["date"].astype(np.int64),
                          hearings["case"]))  # fmt: skip
    return events.take(order_e), hearings.take(order_h)
