"""Family and civil court journeys: FamilyMan cases (2011-2023) and county
court claims in CaseMan and PCOL (2012 - Jan 2022), simulated for people of
the population and held as flat numpy tables. The source-system modules
(:mod:`~datafirst.generator.systems.familyman`, ``caseman``, ``pcol``) lay
them out the way each system records them.

Family cases come from simulated households: a mother, usually a father and
their children. The same household returns to court (repeat care
proceedings, child arrangements then divorce, a non-molestation order), so
the same people appear in several cases. Parents in care proceedings and
respondents to Family Law Act applications are drawn more often from people
with criminal records. Civil defendants are drawn with a heavy-tailed
propensity, so that some tenants and debtors are sued again and again; a
share of them are criminal or family-court people too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.context import Context
from datafirst.generator.criminal import Table, court_for, group_offsets, lognormal_days
from datafirst.generator.dates import NAT, add_days, age_years, d64, format_dates, uniform_dates

YEAR = 365.25

#: Family cases active from Jan 2011 include some issued before it.
FAMILY_ISSUE_FROM = d64("2009-01-01")
FAMILY_FROM, FAMILY_TO = (d64(x) for x in COVERAGE["familyman"])
#: Civil claims are those started in the coverage window; the extract was
#: taken at its end, so later events are not in it.
CIVIL_FROM, CIVIL_TO = (d64(x) for x in COVERAGE["caseman"])
CIVIL_EXTRACT = CIVIL_TO
#: Legal aid for most private family law ended with LASPO.
LASPO = d64("2013-04-01")
#: The 26-week limit for care proceedings (Children and Families Act 2014).
CARE_26_WEEKS = d64("2014-04-22")
#: Possession proceedings were stayed in the pandemic.
COVID_STAY = (d64("2020-03-27"), d64("2020-09-20"))

FAMILY_CATEGORIES = ("applicant", "respondent", "child", "other")
LAW_TYPES = ("public_law", "private_law", "divorce", "family_law_act", "adoption")


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


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


@dataclass
class FamilyCivil:
    """Family and civil court journeys of the population."""

    #: One row per family case: case, law_type, case_type_code, issue_date,
    #: closed_date (NaT while open), order_type_code ("" when none), court,
    #: region, local_authority, household (-1 outside the households).
    family_cases: Table
    #: One row per party per family case, in case order: case, seq, person
    #: (-1 for an organisation), role (familyman role code), category
    #: (applicant/respondent/child/other), party_type (person/organisation),
    #: org_name (the council, for organisations), represented.
    family_parties: Table
    caseman: CivilCases
    pcol: CivilCases
    #: Household partner of each person (-1 when none), used for joint
    #: tenants and co-defendants.
    partner: np.ndarray


def simulate(ctx: Context) -> FamilyCivil:
    cases, parties, partner = _family(ctx)
    caseman = _civil(ctx, "caseman", partner)
    pcol = _civil(ctx, "pcol", partner)
    return FamilyCivil(cases, parties, caseman, pcol, partner)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def years(n: float) -> int:
    return int(round(n * YEAR))


def pick_in_window(
    rng: np.random.Generator,
    pool: np.ndarray,
    pool_dob: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """For each window [lo, hi] of birth dates, one member of ``pool`` born
    inside it (weighted when ``weights`` is given), or -1 where none is."""
    k = len(lo)
    out = np.full(k, -1, dtype=np.int64)
    if len(pool) == 0 or k == 0:
        return out
    order = np.argsort(pool_dob.astype(np.int64), kind="stable")
    members = pool[order]
    born = pool_dob[order].astype(np.int64)
    w = np.ones(len(pool)) if weights is None else np.asarray(weights, dtype=float)[order]
    cum = np.r_[0.0, np.cumsum(w)]
    a = np.searchsorted(born, np.asarray(lo, dtype="datetime64[D]").astype(np.int64), "left")
    b = np.searchsorted(born, np.asarray(hi, dtype="datetime64[D]").astype(np.int64), "right")
    mass = cum[b] - cum[a]
    ok = (b > a) & (mass > 0)
    target = cum[a[ok]] + rng.random(ok.sum()) * mass[ok]
    idx = np.searchsorted(cum, target, "right") - 1
    idx = np.clip(idx, a[ok], b[ok] - 1)
    out[ok] = members[idx]
    return out


def draw_unique(rng: np.random.Generator, candidates: np.ndarray, k: int, used: np.ndarray):
    """Up to ``k`` distinct members of ``candidates`` not yet ``used``
    (marking them used)."""
    free = candidates[~used[candidates]]
    chosen = free[rng.permutation(len(free))[:k]]
    used[chosen] = True
    return chosen


def expand(owner_of_item: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items grouped by a sorted ``owner_of_item``, every (row of
    ``owners``, item position) pair whose owner matches."""
    start = np.searchsorted(owner_of_item, owners, "left")
    count = np.searchsorted(owner_of_item, owners, "right") - start
    row = np.repeat(np.arange(len(owners)), count)
    pos = np.repeat(start, count) + group_offsets(row)
    return row, pos


def _dates_outside_stay(rng, dates: np.ndarray, resume_spread: int = 120) -> np.ndarray:
    """Move dates inside the pandemic stay to the months after it."""
    inside = (dates >= COVID_STAY[0]) & (dates <= COVID_STAY[1])
    out = dates.copy()
    out[inside] = add_days(
        np.full(inside.sum(), COVID_STAY[1]), rng.integers(1, resume_spread, inside.sum())
    )
    return out


class _Rows:
    """Accumulates rows of one table from vectorised chunks."""

    def __init__(self, **dtypes):
        self.dtypes = dtypes
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, **cols) -> None:
        lengths = {len(v) for v in cols.values() if isinstance(v, np.ndarray)}
        if len(lengths) > 1:  # pragma: no cover - programming error
            raise ValueError(f"columns of different lengths: {lengths}")
        k = lengths.pop() if lengths else 0
        if k == 0:
            return
        part = {}
        for name, dtype in self.dtypes.items():
            value = cols.get(name)
            if isinstance(value, np.ndarray):
                part[name] = value.astype(dtype)
            else:
                part[name] = np.full(k, value, dtype=dtype)
        self.parts.append(part)

    def table(self) -> Table:
        if not self.parts:
            return Table({n: np.zeros(0, dtype=d) for n, d in self.dtypes.items()})
        return Table({n: np.concatenate([p[n] for p in self.parts]) for n in self.dtypes})


# ---------------------------------------------------------------------------
# family
# ---------------------------------------------------------------------------

#: Case types (seed family_case_types) by law type, with their shares.
FAMILY_CASE_TYPES: dict[str, dict[str, float]] = {
    "public_law": {"PLCO": 0.78, "PLSO": 0.10, "PLEPO": 0.07, "PLSAO": 0.02, "PLDIS": 0.03},
    "private_law": {"PRCAO": 0.72, "PRPSO": 0.08, "PRSIO": 0.05, "PRPR": 0.05, "PRSGO": 0.05,
                    "PRENF": 0.05},
    "divorce": {"DIVP": 0.96, "DIVJS": 0.02, "DIVNL": 0.02},
    "family_law_act": {"FLANM": 0.72, "FLAOC": 0.25, "FLAFM": 0.03},
}  # fmt: skip
#: Final orders (seed family_order_types) by case type; "" = no order
#: (withdrawn, refused).
FAMILY_ORDERS: dict[str, dict[str, float]] = {
    "PLCO": {"CO": 0.58, "SGO": 0.12, "SO": 0.12, "CAOL": 0.06, "NOPL": 0.08, "": 0.04},
    "PLSO": {"SO": 0.75, "CO": 0.08, "NOPL": 0.12, "": 0.05},
    "PLEPO": {"EPO": 0.80, "NOPL": 0.15, "": 0.05},
    "PLSAO": {"SAO": 0.90, "NOPL": 0.10},
    "PLDIS": {"DCO": 0.75, "NOPL": 0.25},
    "PRCAO": {"CAOL": 0.40, "CAOS": 0.34, "PSO": 0.04, "FAO": 0.03, "NOPR": 0.10, "": 0.09},
    "PRPSO": {"PSO": 0.65, "NOPR": 0.20, "": 0.15},
    "PRSIO": {"SIO": 0.65, "NOPR": 0.20, "": 0.15},
    "PRPR": {"PRO": 0.75, "NOPR": 0.15, "": 0.10},
    "PRSGO": {"SGO": 0.80, "NOPR": 0.10, "": 0.10},
    "PRENF": {"ENF": 0.35, "NOPR": 0.45, "": 0.20},
    "FLANM": {"NMO": 0.72, "UND": 0.14, "": 0.14},
    "FLAOC": {"OCC": 0.55, "NMO": 0.15, "UND": 0.12, "": 0.18},
    "FLAFM": {"FMPO": 0.90, "": 0.10},
    "DIVP": {"DAB": 1.0},
    "DIVJS": {"JSD": 1.0},
    "DIVNL": {"DAB": 1.0},
    "ADPO": {"PO": 0.88, "": 0.12},
    "ADAO": {"AO": 0.93, "": 0.07},
    "ADSP": {"AO": 0.85, "": 0.15},
}
#: Divorce orders were renamed when no-fault divorce began.
NO_FAULT_DIVORCE = d64("2022-04-06")
#: Role codes (seed party_roles) the simulation uses.
FAMILY_ROLES = ("APP", "RES", "CHI", "LA", "GAL", "INT", "PET", "CORES", "ADP", "BPT")


class _Parties:
    """Accumulates party rows for family cases."""

    def __init__(self):
        self.rows = _Rows(case=np.int64, person=np.int64, role=object, represented=bool)

    def add(self, case, person, role: str, represented) -> None:
        case = np.asarray(case, dtype=np.int64)
        self.rows.add(
            case=case,
            person=np.broadcast_to(person, case.shape).astype(np.int64),
            role=role,
            represented=np.broadcast_to(represented, case.shape),
        )

    def table(self) -> Table:
        return self.rows.table()


def _check_family_codes(ctx: Context) -> None:
    known = set(ctx.vocab.column("family_case_types", "case_type_code"))
    known |= set(ctx.vocab.column("family_order_types", "order_type_code"))
    known |= set(ctx.vocab.column("party_roles", "role_code", source_system="familyman"))
    wanted = {c for shares in FAMILY_CASE_TYPES.values() for c in shares}
    wanted |= set(FAMILY_ORDERS) | {c for o in FAMILY_ORDERS.values() for c in o if c}
    wanted |= set(FAMILY_ROLES) | {"FNO"}
    missing = wanted - known
    if missing:
        raise ValueError(f"familyman: codes missing from the seeds: {sorted(missing)}")


def _households(ctx: Context, rng: np.random.Generator):
    """Mothers, fathers (-1 when unknown) and children of simulated
    households. ``risk`` households are the ones that meet children's
    services; their parents are more often known to the criminal courts."""
    pop = ctx.pop
    n_units = int(round(0.03 * pop.n))
    adult = ~pop.is_child
    fam, crim = pop.is_family_adult, pop.is_criminal
    can_mother = (adult & (pop.sex == "F") & (pop.dob >= d64("1962-01-01"))
                  & (pop.dob <= d64("2002-06-30")))  # fmt: skip
    used = np.zeros(pop.n, dtype=bool)
    n_risk = int(round(0.32 * n_units))
    crim_mothers = draw_unique(rng, np.flatnonzero(can_mother & crim), n_risk // 2, used)
    fam_risk = draw_unique(rng, np.flatnonzero(can_mother & fam), n_risk - len(crim_mothers), used)
    ordinary = draw_unique(rng, np.flatnonzero(can_mother & fam), n_units - n_risk, used)
    mother = np.concatenate([crim_mothers, fam_risk, ordinary])
    risk = np.r_[np.ones(len(crim_mothers) + len(fam_risk), bool), np.zeros(len(ordinary), bool)]
    u = len(mother)
    m_dob = pop.dob[mother]

    # Fathers: usually a little older than the mother.
    male = adult & (pop.sex == "M")
    lo, hi = add_days(m_dob, -years(12)), add_days(m_dob, years(3))
    crim_pool = np.flatnonzero(male & crim)
    fam_pool = np.flatnonzero(male & fam)
    from_crim = rng.random(u) < np.where(risk, 0.65, 0.12)
    father = np.where(
        from_crim,
        pick_in_window(rng, crim_pool, pop.dob[crim_pool], lo, hi),
        pick_in_window(rng, fam_pool, pop.dob[fam_pool], lo, hi),
    )
    father[rng.random(u) < np.where(risk, 0.15, 0.03)] = -1

    # Children born when the mother was 16 to 44.
    n_kids = np.where(
        risk,
        1 + np.minimum(rng.poisson(1.0, u), 3),
        np.where(rng.random(u) < 0.25, 0, 1 + np.minimum(rng.poisson(0.5, u), 2)),
    )
    kid_unit = np.repeat(np.arange(u), n_kids)
    kids = np.flatnonzero(pop.is_child)
    kid = pick_in_window(
        rng, kids, pop.dob[kids], add_days(m_dob[kid_unit], years(16)),
        add_days(m_dob[kid_unit], years(44)),
    )  # fmt: skip
    keep = kid >= 0
    kid_unit, kid = kid_unit[keep], kid[keep]
    _, first = np.unique(kid, return_index=True)  # a child has one household
    first = np.sort(first)
    kid_unit, kid = kid_unit[first], kid[first]
    order = np.lexsort((pop.dob[kid].astype(np.int64), kid_unit))
    return mother, father, risk, kid_unit[order], kid[order]


class _Cases:
    """Family cases under construction (one chunk per kind of case)."""

    def __init__(self):
        self.rows = _Rows(
            law=object,
            case_type=object,
            unit=np.int64,
            issue="datetime64[D]",
            applicant=np.int64,
            respondent=np.int64,
            child=np.int64,
        )

    def add(self, law, case_type, unit, issue, applicant=-1, respondent=-1, child=-1):
        unit = np.asarray(unit, dtype=np.int64)
        self.rows.add(
            law=law,
            case_type=case_type,
            unit=unit,
            issue=issue,
            applicant=np.broadcast_to(applicant, unit.shape),
            respondent=np.broadcast_to(respondent, unit.shape),
            child=np.broadcast_to(child, unit.shape),
        )


def _sample_types(rng, law: str, size: int) -> np.ndarray:
    shares = FAMILY_CASE_TYPES[law]
    codes = np.array(list(shares), dtype=object)
    p = np.array(list(shares.values()))
    return codes[rng.choice(len(codes), size=size, p=p / p.sum())]


def _family(ctx: Context):
    _check_family_codes(ctx)
    rng = ctx.rng("family")
    pop = ctx.pop
    dob = pop.dob
    mother, father, risk, kid_unit, kid = _households(ctx, rng)
    u = len(mother)
    n_kids = np.bincount(kid_unit, minlength=u)
    has_kids = n_kids > 0
    first_kid_dob = np.full(u, NAT)
    last_kid_dob = np.full(u, NAT)
    starts = np.searchsorted(kid_unit, np.arange(u), "left")
    ends = np.searchsorted(kid_unit, np.arange(u), "right")
    first_kid_dob[has_kids] = dob[kid[starts[has_kids]]]
    last_kid_dob[has_kids] = dob[kid[ends[has_kids] - 1]]
    has_father = father >= 0
    safe_father = np.maximum(father, 0)
    couple_from = np.maximum(dob[mother], np.where(has_father, dob[safe_father], dob[mother]))
    couple_from = np.maximum(add_days(couple_from, years(19)), FAMILY_ISSUE_FROM)

    partner = np.full(pop.n, -1, dtype=np.int64)
    partner[father[has_father]] = mother[has_father]
    partner[mother[has_father]] = father[has_father]

    cases = _Cases()

    def dated(units, lo, hi):
        ok = lo <= hi
        return units[ok], uniform_dates(rng, lo[ok], hi[ok], ok.sum())

    def children_window(units, newborn_days):
        lo = np.maximum(add_days(first_kid_dob[units], newborn_days), FAMILY_ISSUE_FROM)
        hi = np.minimum(add_days(last_kid_dob[units], years(17)), FAMILY_TO)
        return dated(units, lo, hi)

    # Care and supervision proceedings, repeated for some mothers.
    pl = np.flatnonzero(has_kids & (risk | (rng.random(u) < 0.03)))
    pl = np.repeat(pl, 1 + (rng.random(len(pl)) < 0.28) + (rng.random(len(pl)) < 0.07))
    pl, when = children_window(pl, 7)
    cases.add("public_law", _sample_types(rng, "public_law", len(pl)), pl, when)
    # Private law between separated parents.
    pr = np.flatnonzero(has_kids & has_father & (rng.random(u) < np.where(risk, 0.25, 0.55)))
    pr = np.repeat(pr, 1 + (rng.random(len(pr)) < 0.2))
    pr, when = children_window(pr, 90)
    cases.add("private_law", _sample_types(rng, "private_law", len(pr)), pr, when)
    # Divorce of married couples; domestic abuse within households.
    dv = np.flatnonzero(
        has_father & (rng.random(u) < np.where(risk, 0.15, np.where(has_kids, 0.45, 0.9)))
    )
    dv, when = dated(dv, couple_from[dv], np.full(len(dv), FAMILY_TO))
    cases.add("divorce", _sample_types(rng, "divorce", len(dv)), dv, when)
    fl = np.flatnonzero(has_father & (rng.random(u) < np.where(risk, 0.35, 0.06)))
    fl, when = dated(fl, couple_from[fl], np.full(len(fl), FAMILY_TO))
    cases.add("family_law_act", _sample_types(rng, "family_law_act", len(fl)), fl, when)

    # Family Law Act applications outside the simulated households: the
    # respondent is an ex-partner, most often known to the criminal courts.
    women = np.flatnonzero(pop.is_family_adult & (pop.sex == "F"))
    applicant = women[rng.integers(len(women), size=int(round(0.006 * pop.n)))] if len(
        women) else np.zeros(0, np.int64)  # fmt: skip
    men = np.flatnonzero(~pop.is_child & (pop.sex == "M"))
    men_w = np.where(pop.is_criminal[men], 1.0 + np.minimum(pop.propensity[men], 6), 0.25)
    respondent = pick_in_window(
        rng, men, dob[men], add_days(dob[applicant], -years(10)),
        add_days(dob[applicant], years(5)), weights=men_w,
    )  # fmt: skip
    lo = np.maximum(
        add_days(np.maximum(dob[applicant], dob[np.maximum(respondent, 0)]), years(18)),
        FAMILY_ISSUE_FROM,
    )
    ok = (respondent >= 0) & (lo <= FAMILY_TO)
    applicant, respondent, lo = applicant[ok], respondent[ok], lo[ok]
    when = uniform_dates(rng, lo, np.full(len(lo), FAMILY_TO), len(lo))
    cases.add(
        "family_law_act",
        _sample_types(rng, "family_law_act", len(when)),
        np.full(len(when), -1),
        when,
        applicant=applicant,
        respondent=respondent,
    )

    # Step-parent adoptions: the mother's new partner adopts her child.
    sp_kid = np.flatnonzero(np.isin(kid_unit, np.flatnonzero(rng.random(u) < 0.04)))
    sp_unit, sp_child = kid_unit[sp_kid], kid[sp_kid]
    lo = np.maximum(add_days(dob[sp_child], years(2)), FAMILY_ISSUE_FROM)
    hi = np.minimum(add_days(dob[sp_child], years(16)), FAMILY_TO)
    ok = lo <= hi
    sp_unit, sp_child, lo, hi = sp_unit[ok], sp_child[ok], lo[ok], hi[ok]
    when = uniform_dates(rng, lo, hi, len(lo))
    m_dob = dob[mother[sp_unit]]
    step = pick_in_window(
        rng,
        men,
        dob[men],
        add_days(m_dob, -years(10)),
        np.minimum(add_days(m_dob, years(6)), add_days(when, -years(21))),
    )
    ok = step >= 0
    cases.add("adoption", "ADSP", sp_unit[ok], when[ok], applicant=step[ok], child=sp_child[ok])

    c = cases.rows.table()
    closed = _family_close(rng, c["case_type"], c["issue"])

    # Placement and adoption after care proceedings for some young children.
    pl = np.flatnonzero(c["law"] == "public_law")
    youngest = np.full(len(pl), -1, dtype=np.int64)
    row, pos = expand(kid_unit, c["unit"][pl])
    born = dob[kid[pos]] <= c["issue"][pl][row]
    youngest[row[born]] = kid[pos[born]]  # kids sorted by birth: the last wins
    young = (youngest >= 0) & ~np.isnat(closed[pl]) & (c["case_type"][pl] == "PLCO")
    young[young] = age_years(dob[youngest[young]], c["issue"][pl][young]) < 5
    place = young & (rng.random(len(pl)) < 0.35)
    src, child = pl[place], youngest[place]
    p_issue = np.minimum(
        add_days(c["issue"][src], _uniform_days(rng, 60, 200, len(src))), closed[src]
    )
    p_closed = add_days(closed[src], _uniform_days(rng, 0, 30, len(src)))
    adopt = rng.random(len(src)) < 0.85
    a_issue = add_days(p_closed, lognormal_days(rng, 220, 0.5, len(src), 60, 900))
    a_closed = add_days(a_issue, lognormal_days(rng, 150, 0.5, len(src), 40, 800))
    extra = _Cases()
    extra.add("adoption", "ADPO", c["unit"][src], p_issue, child=child)
    extra.add("adoption", "ADAO", c["unit"][src][adopt], a_issue[adopt], child=child[adopt])
    e = extra.rows.table()
    c = Table({name: np.concatenate([c[name], e[name]]) for name in c.cols})
    closed = np.concatenate([closed, p_closed, a_closed[adopt]])

    # Keep cases active in the coverage window (still open ones included).
    issue = c["issue"]
    active = (issue <= FAMILY_TO) & (np.isnat(closed) | (closed >= FAMILY_FROM))
    active &= (c["child"] < 0) | (age_years(dob[np.maximum(c["child"], 0)], issue) < 18)
    closed = np.where(closed > FAMILY_TO, NAT, closed)
    keep = np.flatnonzero(active)
    keep = keep[np.lexsort((keep, issue[keep].astype(np.int64)))]
    c, closed = c.take(keep), closed[keep]
    nc = len(c)
    law, unit, issue, ctype = c["law"], c["unit"], c["issue"], c["case_type"]
    in_unit = unit >= 0
    u_mother = np.where(in_unit, mother[np.maximum(unit, 0)], -1)
    u_father = np.where(in_unit, father[np.maximum(unit, 0)], -1)
    post_laspo = issue >= LASPO
    parties = _Parties()

    # Children of care and private law cases: those born and under 18 at
    # issue (youngest first), at most four in care and three in private law.
    child_cases = np.flatnonzero(np.isin(law, ["public_law", "private_law"]))
    row, pos = expand(kid_unit, unit[child_cases])
    c_case, c_kid = child_cases[row], kid[pos]
    ok = (dob[c_kid] <= issue[c_case]) & (age_years(dob[c_kid], issue[c_case]) < 18)
    c_case, c_kid = c_case[ok], c_kid[ok]
    order = np.lexsort((-dob[c_kid].astype(np.int64), c_case))
    c_case, c_kid = c_case[order], c_kid[order]
    rank = group_offsets(c_case)
    within = rank < np.where(law[c_case] == "public_law", 4, 3)
    c_case, c_kid = c_case[within], c_kid[within]
    parties.add(c_case, c_kid, "CHI", law[c_case] == "public_law")
    single = np.flatnonzero(c["child"] >= 0)
    parties.add(single, c["child"][single], "CHI", True)
    has_children = np.zeros(nc, dtype=bool)
    has_children[c_case] = True
    has_children[single] = True
    chance = rng.random

    guardians = _guardian_pool(ctx, rng)

    def guardian(cases_, p):
        g = cases_[chance(len(cases_)) < p]
        if len(guardians):
            parties.add(g, guardians[rng.integers(len(guardians), size=len(g))], "GAL", False)

    def grandparent(cases_):
        m_dob = dob[u_mother[cases_]]
        adults = np.flatnonzero(~pop.is_child)
        gp = pick_in_window(
            rng, adults, dob[adults], add_days(m_dob, -years(40)), add_days(m_dob, -years(17))
        )
        return gp

    # --- public law: the local authority against the parents ---
    pl = np.flatnonzero(law == "public_law")
    parties.add(pl, -1, "LA", True)
    parties.add(pl, u_mother[pl], "RES", chance(len(pl)) < 0.93)
    f_in = pl[(u_father[pl] >= 0) & (chance(len(pl)) < 0.85)]
    parties.add(f_in, u_father[f_in], "RES", chance(len(f_in)) < 0.85)
    guardian(pl, 0.7)
    rel = pl[chance(len(pl)) < 0.12]
    gp = grandparent(rel)
    parties.add(rel[gp >= 0], gp[gp >= 0], "INT", chance((gp >= 0).sum()) < 0.6)

    # --- private law: one parent against the other (or a grandparent
    # seeking special guardianship) ---
    pr = np.flatnonzero(law == "private_law")
    sgo = pr[ctype[pr] == "PRSGO"]
    gp = grandparent(sgo)
    sgo_ok = sgo[gp >= 0]
    parties.add(sgo_ok, gp[gp >= 0], "APP", chance(len(sgo_ok)) < 0.5)
    parties.add(sgo_ok, u_mother[sgo_ok], "RES", chance(len(sgo_ok)) < 0.4)
    parties.add(sgo_ok, u_father[sgo_ok], "RES", chance(len(sgo_ok)) < 0.3)
    par = pr[ctype[pr] != "PRSGO"]
    father_applies = (chance(len(par)) < 0.6) | (ctype[par] == "PRPR")
    parties.add(
        par,
        np.where(father_applies, u_father[par], u_mother[par]),
        "APP",
        chance(len(par)) < np.where(post_laspo[par], 0.45, 0.8),
    )
    parties.add(
        par,
        np.where(father_applies, u_mother[par], u_father[par]),
        "RES",
        chance(len(par)) < np.where(post_laspo[par], 0.3, 0.65),
    )
    guardian(pr, 0.04)
    dropped_sgo = np.setdiff1d(sgo, sgo_ok)

    # --- divorce: petitioner and respondent spouses ---
    dv = np.flatnonzero(law == "divorce")
    wife = chance(len(dv)) < 0.62
    parties.add(dv, np.where(wife, u_mother[dv], u_father[dv]), "PET", chance(len(dv)) < 0.6)
    parties.add(dv, np.where(wife, u_father[dv], u_mother[dv]), "RES", chance(len(dv)) < 0.3)
    # Adultery petitions (before 2016, mostly) could name a co-respondent.
    co = dv[(issue[dv] < d64("2016-01-01")) & (chance(len(dv)) < 0.04)]
    adults = np.flatnonzero(~pop.is_child)
    cr = pick_in_window(
        rng,
        adults,
        dob[adults],
        add_days(dob[u_mother[co]], -years(10)),
        add_days(dob[u_mother[co]], years(10)),
    )
    parties.add(co[cr >= 0], cr[cr >= 0], "CORES", False)

    # --- Family Law Act: applicant (mostly women) against the respondent ---
    fl = np.flatnonzero(law == "family_law_act")
    own = c["applicant"][fl] >= 0
    woman = own | (chance(len(fl)) < 0.9)
    app = np.where(own, c["applicant"][fl], np.where(woman, u_mother[fl], u_father[fl]))
    resp = np.where(own, c["respondent"][fl], np.where(woman, u_father[fl], u_mother[fl]))
    parties.add(fl, app, "APP", chance(len(fl)) < 0.85)
    parties.add(fl, resp, "RES", chance(len(fl)) < 0.35)

    # --- adoption ---
    ad = np.flatnonzero(law == "adoption")
    placement = ad[ctype[ad] == "ADPO"]
    parties.add(placement, -1, "LA", True)
    guardian(placement, 0.8)
    order_ = ad[ctype[ad] == "ADAO"]
    adults_nc = np.flatnonzero(~pop.is_child & ~pop.is_criminal)
    first = pick_in_window(
        rng,
        adults_nc,
        dob[adults_nc],
        add_days(issue[order_], -years(55)),
        add_days(issue[order_], -years(27)),
    )
    ok = first >= 0
    parties.add(order_[ok], first[ok], "ADP", chance(ok.sum()) < 0.8)
    two = np.flatnonzero(ok & (chance(len(order_)) < 0.75))
    second = pick_in_window(
        rng,
        adults_nc,
        dob[adults_nc],
        add_days(dob[first[two]], -years(6)),
        add_days(dob[first[two]], years(6)),
    )
    s_ok = (second >= 0) & (second != first[two])
    parties.add(order_[two][s_ok], second[s_ok], "ADP", chance(s_ok.sum()) < 0.8)
    guardian(order_, 0.3)
    birth = ad[ctype[ad] != "ADSP"]
    parties.add(birth, u_mother[birth], "BPT", chance(len(birth)) < 0.5)
    bf = birth[u_father[birth] >= 0]
    parties.add(bf, u_father[bf], "BPT", chance(len(bf)) < 0.35)
    step = ad[ctype[ad] == "ADSP"]
    parties.add(step, c["applicant"][step], "ADP", chance(len(step)) < 0.5)
    sbf = step[u_father[step] >= 0]
    parties.add(sbf, u_father[sbf], "BPT", chance(len(sbf)) < 0.2)

    # Drop cases that lost their principal parties; renumber.
    p = parties.table()
    keep = np.ones(nc, dtype=bool)
    keep[dropped_sgo] = False
    keep &= ~np.isin(law, ["public_law", "private_law", "adoption"]) | has_children
    p = p.take(np.flatnonzero(keep[p["case"]] & ((p["person"] >= 0) | (p["role"] == "LA"))))
    new_index = np.cumsum(keep) - 1
    c, closed = c.take(np.flatnonzero(keep)), closed[keep]
    u_mother = u_mother[keep]
    p["case"] = new_index[p["case"]]
    category_of = {
        r["role_code"]: r["party_category"]
        for r in ctx.vocab.seed("party_roles") if r["source_system"] == "familyman"
    }  # fmt: skip
    p["category"] = np.array([category_of[x] for x in p["role"]], dtype=object)
    cat_rank = {x: i for i, x in enumerate(FAMILY_CATEGORIES)}
    rank = np.array([cat_rank[x] for x in p["category"]], dtype=np.int64)
    p = p.take(np.lexsort((np.arange(len(p)), rank, p["case"])))
    p["seq"] = group_offsets(p["case"]) + 1
    p["party_type"] = np.where(p["person"] >= 0, "person", "organisation").astype(object)

    # Where the case is heard: the family court for the family's area.
    anchor = np.where(u_mother >= 0, u_mother, c["applicant"])
    anchor = np.where(anchor >= 0, anchor, 0)
    addr = pop.addresses.at(anchor, c["issue"])
    region = pop.addresses.region[addr]
    la = pop.addresses.local_authority[addr]
    court = court_for(ctx, rng, region, "family")
    la_name = _local_authority_names(ctx)
    org = p["person"] < 0
    p["org_name"] = np.full(len(p), None, dtype=object)
    p["org_name"][org] = np.array([la_name[x] for x in la[p["case"][org]]], dtype=object)

    order_type = _family_orders(rng, c["case_type"], closed)
    cases_out = Table(
        {
            "case": np.arange(len(c)),
            "law_type": c["law"],
            "case_type_code": c["case_type"],
            "issue_date": c["issue"],
            "closed_date": closed,
            "order_type_code": order_type,
            "court": court,
            "region": region,
            "local_authority": la,
            "household": c["unit"],
        }
    )
    return cases_out, p, partner


def _family_close(rng, case_type: np.ndarray, issue: np.ndarray) -> np.ndarray:
    """Closing date: final order, decree absolute, dismissal or withdrawal."""
    k = len(case_type)
    law = np.array([x[:2] for x in case_type], dtype=object)
    median = np.select(
        [case_type == "PLEPO", case_type == "PLSAO", law == "PL", law == "PR", law == "DI",
         law == "FL", law == "AD"],
        [8, 20, np.where(issue >= CARE_26_WEEKS, 200, 330), 170, 230, 20, 150],
        default=150,
    )  # fmt: skip
    sigma = np.where(law == "FL", 1.1, 0.55)
    days = np.clip(np.round(rng.lognormal(np.log(median), sigma, k)), 1, 2500).astype(np.int64)
    closed = add_days(issue, days)
    # Some divorces are never made absolute and stay open.
    closed[(law == "DI") & (rng.random(k) < 0.08)] = NAT
    return closed


def _family_orders(rng, case_type: np.ndarray, closed: np.ndarray) -> np.ndarray:
    out = np.full(len(case_type), "", dtype=object)
    for ct, shares in FAMILY_ORDERS.items():
        mask = case_type == ct
        codes = np.array(list(shares), dtype=object)
        p = np.array(list(shares.values()))
        out[mask] = codes[rng.choice(len(codes), size=mask.sum(), p=p / p.sum())]
    out[(out == "DAB") & (closed >= NO_FAULT_DIVORCE)] = "FNO"
    out[np.isnat(closed)] = ""
    return out


def _guardian_pool(ctx: Context, rng) -> np.ndarray:
    """Children's guardians are a small pool of professionals who appear in
    many cases (adults with no criminal record)."""
    pop = ctx.pop
    cands = np.flatnonzero(
        ~pop.is_child & ~pop.is_criminal & (pop.dob >= d64("1955-01-01"))
        & (pop.dob <= d64("1988-12-31"))
    )  # fmt: skip
    k = max(3, pop.n // 2500)
    return cands[rng.permutation(len(cands))[:k]]


_CITIES = {
    "Birmingham", "Bradford", "Coventry", "Derby", "Leeds", "Leicester", "Liverpool",
    "Manchester", "Newcastle upon Tyne", "Nottingham", "Peterborough", "Plymouth",
    "Portsmouth", "Salford", "Sheffield", "Southampton", "Stoke-on-Trent", "Sunderland",
    "Wakefield", "Wolverhampton", "York", "Westminster",
}  # fmt: skip
_ROYAL = {"Kensington and Chelsea", "Kingston upon Thames", "Greenwich"}


def _local_authority_names(ctx: Context) -> dict[str, str]:
    """Local authority code -> the council's name as it appears as a party
    ('Leeds City Council', 'London Borough of Hackney')."""
    out: dict[str, str] = {}
    for r in ctx.vocab.seed("postcode_districts"):
        code, name = r["local_authority_code"], r["local_authority_name"]
        if code in out:
            continue
        if ", City of" in name:
            name = name.replace(", City of", "").replace("Kingston upon Hull", "Hull")
            out[code] = f"{name} City Council"
        elif name in _CITIES:
            out[code] = f"{name} City Council"
        elif name == "City of London":
            out[code] = "City of London Corporation"
        elif code.startswith("E09"):
            prefix = "Royal Borough of" if name in _ROYAL else "London Borough of"
            out[code] = f"{prefix} {name}"
        elif code.startswith("E08"):
            out[code] = f"{name} Metropolitan Borough Council"
        elif code.startswith("E07"):
            out[code] = f"{name} Borough Council"
        elif code.startswith("W"):
            out[code] = f"{name} County Borough Council"
        else:
            out[code] = f"{name} Council"
    return out


def _uniform_days(rng, lo: int, hi: int, size: int) -> np.ndarray:
    return rng.integers(lo, hi + 1, size=size)


# ---------------------------------------------------------------------------
# civil
# ---------------------------------------------------------------------------

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
        "stayed": "160", "transferred": "170",
        # hearings
        "h_small": "SCH", "h_fast": "FTT", "h_multi": "MTT", "h_cmc": "CMC",
        "h_disposal": "DSP", "h_application": "APP", "h_set_aside": "SAJ",
        "h_information": "OTI", "h_possession": "POS",
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


def _civil(ctx: Context, system: str, partner: np.ndarray) -> CivilCases:
    _check_codes(ctx, system)
    rng = ctx.rng(f"civil:{system}")
    pop = ctx.pop
    k = int(round((0.07 if system == "caseman" else 0.05) * pop.n))
    issue = uniform_dates(rng, CIVIL_FROM, CIVIL_TO, 2 * k + 10)
    in_stay = (issue >= COVID_STAY[0]) & (issue <= COVID_STAY[1])
    # Few claims were issued during the stay (possession claims fewest).
    issue = issue[~in_stay | (rng.random(len(issue)) < (0.15 if system == "pcol" else 0.6))]
    issue = np.sort(issue[:k])
    k = len(issue)
    kinds = np.array(list(_KIND_SHARES[system]), dtype=object)
    shares = np.array(list(_KIND_SHARES[system].values()))
    kind = kinds[rng.choice(len(kinds), size=k, p=shares / shares.sum())]
    category = np.array([_KIND_CATEGORY[x] for x in kind], dtype=object)
    case_type = np.full(k, "", dtype=object)
    for kd, types in CIVIL_CASE_TYPES[system].items():
        mask = kind == kd
        codes = np.array(list(types), dtype=object)
        probs = np.array(list(types.values()))
        case_type[mask] = codes[rng.choice(len(codes), size=mask.sum(), p=probs / probs.sum())]

    # The person on the other side from the company: the defendant, or the
    # tenant who sues a landlord for disrepair.
    person = _sued_people(ctx, rng, issue)
    company_defendant = (category == "money") & (kind != "arrears_only") & (rng.random(k) < 0.08)
    ok = (person >= 0) | company_defendant
    issue, kind, category, case_type = issue[ok], kind[ok], category[ok], case_type[ok]
    company_defendant = company_defendant[ok]
    person = np.where(company_defendant, -1, person[ok])
    k = len(issue)

    # Amounts: money claimed, or rent/mortgage arrears on possession claims.
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

    # Where: the county court for the person's area (the property, for
    # possession claims).
    addr = pop.addresses.at(np.maximum(person, 0), issue)
    region = pop.addresses.region[addr].copy()
    la = pop.addresses.local_authority[addr].copy()
    nobody = person < 0
    other = rng.integers(len(pop.addresses.region), size=nobody.sum())
    region[nobody], la[nobody] = pop.addresses.region[other], pop.addresses.local_authority[other]
    court = court_for(ctx, rng, region, "county")

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
    flow = _Flow(rng, codes, k)
    if system == "caseman":
        _caseman_flow(flow, claims)
    else:
        _pcol_money_flow(flow, claims)
    _possession_flow(flow, claims, system)
    events, hearings, judgments, warrants = flow.tables()
    claims["defended"] = np.isin(
        np.arange(k), events["claim"][events["event_code"] == codes["defence"]]
    )
    parties = _civil_parties(ctx, rng, system, claims, person, company_defendant, partner)
    return CivilCases(claims, parties, events, hearings, judgments, warrants)


class _Flow:
    """Collects what happens on civil claims, then cuts it at the extract."""

    def __init__(self, rng, codes: dict[str, str], k: int):
        self.rng = rng
        self.codes = codes
        self.k = k
        self.events = _Rows(claim=np.int64, event_date="datetime64[D]", event_code=object)
        self.hearings = _Rows(
            claim=np.int64,
            hearing_date="datetime64[D]",
            hearing_type_code=object,
            outcome=object,
            minutes=np.int64,
        )
        self.judgments = _Rows(
            claim=np.int64,
            judgment_date="datetime64[D]",
            judgment_type_code=object,
            amount=np.float64,
            costs=np.float64,
            instalments=bool,
            possession_date="datetime64[D]",
        )
        self.warrants = _Rows(
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


def _caseman_flow(f: _Flow, claims: Table) -> None:
    """Money and other claims in the county court (CaseMan)."""
    rng = f.rng
    m = np.flatnonzero(claims["category"] != "possession")
    k = len(m)
    issue = claims["issue_date"][m]
    ctype = claims["case_type_code"][m]
    claimed = np.nan_to_num(claims["amount"][m], nan=0.0)
    has_amount = claimed > 0
    costs = _fixed_costs(claimed)
    f.event(m, issue, "issued")
    served = add_days(issue, np.where(f.chance(0.9, k), 5, f.days(6, 40, k)))
    f.event(m, served, "served")
    unspecified = np.isin(ctype, ["USP", "PIN", "RTA", "HDR"])

    resp = rng.choice(4, size=k, p=[0.58, 0.14, 0.16, 0.12])
    judged = np.zeros(k, dtype=bool)
    j_date = np.full(k, NAT)
    j_amount = np.zeros(k)

    # No response: judgment in default (damages assessed at a disposal
    # hearing when the amount was not specified), else stayed.
    nr = resp == 0
    dj = nr & f.chance(0.85, k) & (has_amount | (ctype == "RGD"))
    req = add_days(served, f.days(15, 75, k))
    f.event(m[dj], req[dj], "default_requested")
    entered = add_days(req, f.days(0, 10, k))
    f.event(m[dj], entered[dj], "default_entered")
    disposal = dj & unspecified
    d_date = add_days(entered, f.days(60, 160, k))
    f.event(m[disposal], entered[disposal], "listed")
    f.hearing(
        m[disposal],
        d_date[disposal],
        "h_disposal",
        "Damages assessed",
        f.days(15, 60, disposal.sum()),
    )
    assessed = np.round(claimed * np.where(unspecified, rng.uniform(0.4, 1.0, k), 1.0), 2)
    when = np.where(disposal, d_date, entered)
    f.judgment(
        m[dj], when[dj], "j_default", assessed[dj], costs[dj], instalments=f.chance(0.3, dj.sum())
    )
    judged |= dj
    j_date = np.where(dj, when, j_date)
    j_amount = np.where(dj, assessed, j_amount)
    stayed = nr & ~dj & f.chance(0.6, k)
    f.event(m[stayed], add_days(issue[stayed], 183), "stayed")

    # Admission: judgment on admission, or by determination of the rate.
    ad = resp == 1
    part = ad & f.chance(0.15, k)
    a_date = add_days(served, f.days(3, 14, k))
    f.event(m[ad & ~part], a_date[ad & ~part], "admission")
    f.event(m[part], a_date[part], "part_admission")
    ja = ad & f.chance(0.8, k) & has_amount
    ja_date = add_days(a_date, f.days(5, 40, k))
    det = ja & f.chance(0.3, k)
    admitted = np.round(np.where(part, claimed * rng.uniform(0.3, 0.9, k), claimed), 2)
    f.event(m[ja], ja_date[ja], "admission_entered")
    f.judgment(
        m[ja],
        ja_date[ja],
        np.where(det[ja], f.codes["j_determination"], f.codes["j_admission"]).astype(object),
        admitted[ja],
        costs[ja],
        instalments=f.chance(0.75, ja.sum()),
    )
    judged |= ja
    j_date = np.where(ja, ja_date, j_date)
    j_amount = np.where(ja, admitted, j_amount)

    # Defended: questionnaire, allocation to a track, hearings.
    de = resp == 2
    aos = de & f.chance(0.6, k)
    f.event(m[aos], add_days(served[aos], f.days(3, 13, aos.sum())), "acknowledged")
    d_date = add_days(served, f.days(14, 28, k))
    f.event(m[de], d_date[de], "defence")
    cc = de & f.chance(0.05, k)
    f.event(m[cc], d_date[cc], "counterclaim")
    moved = de & f.chance(0.4, k)
    f.event(m[moved], add_days(d_date[moved], f.days(3, 20, moved.sum())), "transferred")
    dq = add_days(d_date, f.days(20, 50, k))
    f.event(m[de], dq[de], "questionnaire")
    alloc = add_days(dq, f.days(10, 40, k))
    track = np.where(claimed > 25_000, "multi", np.where(claimed > 10_000, "fast", "small"))
    for t in ("small", "fast", "multi"):
        sel = de & (track == t)
        f.event(m[sel], alloc[sel], f"allocated_{t}")
    # Summary judgment on an application, for a few.
    summary = de & f.chance(0.04, k) & has_amount
    s_date = add_days(alloc, f.days(30, 90, k))
    f.hearing(
        m[summary],
        s_date[summary],
        "h_application",
        "Summary judgment granted",
        f.days(20, 60, summary.sum()),
    )
    f.judgment(m[summary], s_date[summary], "j_summary", claimed[summary], costs[summary])
    judged |= summary
    j_date = np.where(summary, s_date, j_date)
    j_amount = np.where(summary, claimed, j_amount)
    going = de & ~summary
    f.event(m[going], alloc[going], "listed")
    cmc = going & (track == "multi")
    cmc_date = add_days(alloc, f.days(40, 90, k))
    f.hearing(m[cmc], cmc_date[cmc], "h_cmc", "Directions given", f.days(20, 60, cmc.sum()))
    wait = np.select([track == "small", track == "fast"], [110, 190], default=300)
    trial = add_days(alloc, np.round(wait * rng.lognormal(0, 0.35, k)).astype(np.int64))
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
    settles = going & f.chance(0.35, k)
    consent = settles & f.chance(0.3, k) & has_amount
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
    judged |= consent
    j_date = np.where(consent, s_date, j_date)
    j_amount = np.where(consent, agreed, j_amount)
    tried = going & ~settles
    won = tried & f.chance(0.7, k) & has_amount
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
    judged |= won
    j_date = np.where(won, trial, j_date)
    j_amount = np.where(won, awarded, j_amount)

    # Settled or paid before any response.
    se = resp == 3
    f.event(m[se], add_days(served[se], f.days(2, 90, se.sum())), "discontinued")
    struck = nr & ~dj & ~stayed & f.chance(0.3, k)
    f.event(m[struck], add_days(issue[struck], f.days(120, 400, struck.sum())), "struck_out")

    # Applications to set aside a default judgment.
    sa = dj & f.chance(0.05, k)
    sa_date = add_days(j_date, f.days(10, 60, k))
    f.event(m[sa], sa_date[sa], "set_aside_applied")
    set_aside = sa & f.chance(0.5, k)
    f.hearing(
        m[sa],
        add_days(sa_date[sa], f.days(21, 70, sa.sum())),
        "h_set_aside",
        np.where(set_aside[sa], "Judgment set aside", "Application dismissed"),
        f.days(10, 45, sa.sum()),
    )

    # Enforcement of unpaid judgments.
    unpaid = judged & ~set_aside & (j_amount > 0)
    kind_u = rng.random(k)
    e_date = add_days(j_date, lognormal_days(rng, 100, 0.8, k, 14, 1500))
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
        np.round(j_amount[execution] + costs[execution], 2),
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
    # Return of goods: a warrant of delivery; injunctions: committal.
    goods = judged & (ctype == "RGD") & f.chance(0.25, k)
    f.warrant(
        m[goods],
        e_date[goods],
        "w_delivery",
        np.where(j_amount[goods] > 0, j_amount[goods], np.nan),
        status[goods],
        np.where(status[goods] == "paid", paid_on[goods], NAT),
    )
    inj = np.isin(ctype, ["INJ"])
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


def _pcol_money_flow(f: _Flow, claims: Table) -> None:
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


def _possession_flow(f: _Flow, claims: Table, system: str) -> None:
    """Possession claims: a hearing within weeks of issue, an order, and a
    warrant of possession for some; accelerated claims are decided on paper."""
    rng = f.rng
    c = f.codes
    pcol = system == "pcol"
    p = np.flatnonzero(claims["category"] == "possession")
    k = len(p)
    issue = claims["issue_date"][p]
    ctype = claims["case_type_code"][p]
    arrears = np.nan_to_num(claims["amount"][p], nan=0.0)
    f.event(p, issue, "issued")
    served = add_days(issue, np.where(f.chance(0.95, k), 5, f.days(6, 20, k)))
    f.event(p, served, "served")
    if pcol:
        moved = f.chance(0.04, k)
        f.event(p[moved], add_days(issue[moved], f.days(10, 30, moved.sum())), "transferred")
    defended = f.chance(0.1, k)
    d_date = add_days(served, f.days(5, 14, k))
    f.event(p[defended], d_date[defended], "defence")
    cc = defended & f.chance(0.2, k)
    f.event(p[cc], d_date[cc], "counterclaim")

    accelerated = np.isin(ctype, ["AC", "APO"])
    on_paper = accelerated & ~defended & f.chance(0.85, k)
    paper_date = _dates_outside_stay(rng, add_days(served, f.days(30, 80, k)))
    listed = ~on_paper
    first = _dates_outside_stay(rng, add_days(issue, f.days(28, 56, k)))
    f.event(p[listed], issue[listed], "listed")
    if pcol:
        nodef = listed & ~defended & f.chance(0.5, k)
        f.event(p[nodef], first[nodef], "no_defence")

    kinds = np.array(["outright", "suspended", "adjourned", "dismissed", "withdrawn"], dtype=object)
    out1 = kinds[rng.choice(5, size=k, p=[0.33, 0.27, 0.25, 0.07, 0.08])]
    relisted = listed & (out1 == "adjourned") & f.chance(0.45, k)
    generally = listed & (out1 == "adjourned") & ~relisted
    second = _dates_outside_stay(rng, add_days(first, f.days(28, 120, k)))
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
    if pcol:
        f.event(p[relisted], first[relisted], "adjourned")
        f.event(p[generally], first[generally], "adjourned_generally")
        trial = relisted & defended
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

    final = np.where(relisted, out2, np.where(generally, "", out1))
    final_date = np.where(relisted, second, first)
    final[on_paper] = "outright"
    final_date = np.where(on_paper, paper_date, final_date)
    order = np.isin(final, ["outright", "suspended"])
    outright = final == "outright"
    costs = np.round(rng.uniform(250, 450, k), 2)
    possession_date = add_days(final_date, np.where(f.chance(0.7, k), 14, 28))
    possession_date = np.where(outright, possession_date, NAT)
    if pcol:
        j_code = np.where(
            on_paper,
            c["j_summary"],
            np.where(
                outright,
                np.where(f.chance(0.2, k), c["j_consent"], c["j_outright"]),
                c["j_suspended"],
            ),
        ).astype(object)
        f.event(p[on_paper], final_date[on_paper], "accelerated_order")
        f.event(p[outright & ~on_paper], final_date[outright & ~on_paper], "outright_order")
        f.event(p[final == "suspended"], final_date[final == "suspended"], "suspended_order")
        mj = order & (arrears > 0) & f.chance(0.7, k)
        f.event(p[mj], final_date[mj], "money_judgment")
    else:
        j_code = np.where(f.chance(0.2, k), c["j_consent"], c["j_trial"]).astype(object)
        f.event(p[order], final_date[order], "judgment_after_hearing")
    f.judgment(
        p[order],
        final_date[order],
        j_code[order],
        arrears[order],
        costs[order],
        instalments=final[order] == "suspended",
        possession_date=possession_date[order],
    )
    dismissed = final == "dismissed"
    withdrawn = final == "withdrawn"
    w_date = add_days(final_date, -f.days(1, 14, k))
    if pcol:
        struck = dismissed & f.chance(0.3, k)
        f.event(p[dismissed & ~struck], final_date[dismissed & ~struck], "dismissed")
        f.event(p[struck], final_date[struck], "struck_out")
        f.event(p[withdrawn], w_date[withdrawn], "withdrawn")
        closed = dismissed | withdrawn
        f.event(p[closed], np.where(withdrawn, w_date, final_date)[closed], "closed")
    else:
        f.event(p[dismissed], final_date[dismissed], "struck_out")
        f.event(p[withdrawn], w_date[withdrawn], "discontinued")
    # Applications to set aside the order.
    sa = order & f.chance(0.02, k)
    sa_date = add_days(final_date, f.days(7, 40, k))
    f.event(p[sa], sa_date[sa], "set_aside_applied")
    if pcol:
        f.hearing(
            p[sa],
            add_days(sa_date[sa], f.days(14, 40, sa.sum())),
            "h_set_aside",
            np.where(f.chance(0.3, sa.sum()), "Order set aside", "Application dismissed"),
            f.days(10, 40, sa.sum()),
        )

    # Warrants of possession: after outright orders not complied with, and
    # after breach of a suspended order.
    wp = order & f.chance(np.where(outright, np.where(on_paper, 0.4, 0.45), 0.15), k)
    delay = np.where(
        outright,
        lognormal_days(rng, 45, 0.5, k, 1, 900),
        lognormal_days(rng, 220, 0.7, k, 60, 1500),
    )
    start = np.where(outright, possession_date, final_date)
    req = _dates_outside_stay(rng, add_days(start, delay))
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


def _civil_parties(ctx, rng, system, claims: Table, person, company_defendant, partner) -> Table:
    """Claimants and defendants of each claim (a person or a company), with
    joint defendants (partners, joint tenants) for some."""
    pop = ctx.pop
    k = len(claims)
    issue, kind = claims["issue_date"], claims["kind"]
    pools = _company_pools(ctx, rng)
    la_name = _local_authority_names(ctx)
    rows = _Rows(
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


# ---------------------------------------------------------------------------
# layout helpers shared by the FamilyMan, CaseMan and PCOL modules
# ---------------------------------------------------------------------------


def text_dates(values: np.ndarray, fmt: str) -> np.ndarray:
    """:func:`~datafirst.generator.dates.format_dates` that also takes an
    empty array (tiny populations)."""
    if len(values) == 0:
        return np.zeros(0, dtype=object)
    return format_dates(np.asarray(values, dtype="datetime64[D]"), fmt)


def titles(rng, sex: np.ndarray, child: np.ndarray | None = None) -> np.ndarray:
    """Courtesy titles as clerks and claimants enter them (often left out)."""
    k = len(sex)
    u = rng.random(k)
    female = np.select([u < 0.40, u < 0.65, u < 0.87], ["Mrs", "Ms", "Miss"], default="")
    male = np.where(u < 0.9, "Mr", "")
    out = np.where(sex == "M", male, np.where(sex == "F", female, "")).astype(object)
    if child is not None:
        out[child] = np.where(
            rng.random(child.sum()) < 0.03, np.where(sex[child] == "M", "Master", "Miss"), ""
        )
    out[out == ""] = None
    return out


def serials(rng, group: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Running serial numbers within each group, in ``order``, starting a
    little above 1 as a court's sequence does at the start of an extract."""
    k = len(group)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.lexsort((np.arange(k), order, group))
    g = group[idx]
    rank = group_offsets(g)
    starts = np.r_[True, g[1:] != g[:-1]]
    offset = np.repeat(
        rng.integers(0, 40, size=starts.sum()), np.diff(np.r_[np.flatnonzero(starts), k])
    )
    out = np.empty(k, dtype=np.int64)
    out[idx] = 1 + rank + offset
    return out


def post_towns(ctx: Context, postcodes: np.ndarray) -> np.ndarray:
    """Post town of each postcode (by its outward code); None if unknown."""
    towns = {r["outward_code"]: r["post_town"] for r in ctx.vocab.seed("postcode_districts")}
    out = np.empty(len(postcodes), dtype=object)
    for i, pc in enumerate(postcodes):
        out[i] = towns.get(pc.split(" ")[0].upper()) if isinstance(pc, str) else None
    return out


def company_addresses(ctx: Context, names: np.ndarray):
    """The address (line, postcode, town) of each company or council named,
    the same in every system."""
    rng = ctx.rng("company-addresses")
    unique = np.array(
        sorted(set(ctx.vocab.companies) | set(_local_authority_names(ctx).values())), dtype=object
    )
    rows = ctx.vocab.seed("postcode_districts")
    outward = np.array([r["outward_code"] for r in rows], dtype=object)
    town = np.array([r["post_town"] for r in rows], dtype=object)
    d = rng.integers(len(outward), size=len(unique))
    letters = ctx.vocab.unit_letters
    inward = (rng.integers(1, 10, size=len(unique)).astype(str).astype(object)
              + letters[rng.integers(len(letters), size=len(unique))]
              + letters[rng.integers(len(letters), size=len(unique))])  # fmt: skip
    unit = np.where(rng.random(len(unique)) < 0.4,
                    "Unit " + rng.integers(1, 30, len(unique)).astype(str).astype(object) + ", ",
                    "").astype(object)  # fmt: skip
    house = rng.integers(1, 400, size=len(unique)).astype(str).astype(object)
    street = ctx.vocab.streets[rng.integers(len(ctx.vocab.streets), size=len(unique))]
    line = unit + house + " " + street
    postcode = outward[d] + " " + inward
    pos = {name: i for i, name in enumerate(unique)}
    idx = np.array([pos.get(x, -1) for x in names], dtype=np.int64)
    has = idx >= 0
    out_line = np.full(len(names), None, dtype=object)
    out_pc = np.full(len(names), None, dtype=object)
    out_town = np.full(len(names), None, dtype=object)
    out_line[has], out_pc[has], out_town[has] = (
        line[idx[has]],
        postcode[idx[has]],
        town[d][idx[has]],
    )
    return out_line, out_pc, out_town
