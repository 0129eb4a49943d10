"""Family court journeys: FamilyMan cases (2011-2023), simulated for people
of the population and held as flat numpy tables. The source-system module
:mod:`~datafirst.generator.systems.familyman` lays them out the way FamilyMan
records them.

Family cases come from simulated households: a mother, usually a father and
their children. The same household returns to court (repeat care
proceedings, child arrangements then divorce, a non-molestation order), so
the same people appear in several cases. Parents in care proceedings and
respondents to Family Law Act applications are drawn more often from people
with criminal records.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.context import Context
from datafirst.generator.court_helpers import (
    Rows,
    draw_shares,
    draw_unique,
    expand,
    local_authority_names,
    pick_in_window,
    years,
)
from datafirst.generator.criminal import Table, court_for, group_offsets, lognormal_days
from datafirst.generator.dates import NAT, add_days, age_years, d64, uniform_dates

#: Family cases active from Jan 2011 include some issued before it.
FAMILY_ISSUE_FROM = d64("2009-01-01")
FAMILY_FROM, FAMILY_TO = (d64(x) for x in COVERAGE["familyman"])
#: Legal aid for most private family law ended with LASPO.
LASPO = d64("2013-04-01")
#: The 26-week limit for care proceedings (Children and Families Act 2014).
CARE_26_WEEKS = d64("2014-04-22")

FAMILY_CATEGORIES = ("applicant", "respondent", "child", "other")
LAW_TYPES = ("public_law", "private_law", "divorce", "family_law_act", "adoption")

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


@dataclass
class FamilyCases:
    """Family court journeys of the population."""

    #: One row per family case: case, law_type, case_type_code, issue_date,
    #: closed_date (NaT while open), order_type_code ("" when none), court,
    #: region, local_authority, household (-1 outside the households).
    cases: Table
    #: One row per party per family case, in case order: case, seq, person
    #: (-1 for an organisation), role (familyman role code), category
    #: (applicant/respondent/child/other), party_type (person/organisation),
    #: org_name (the council, for organisations), represented.
    parties: Table
    #: Household partner of each person (-1 when none), used for joint
    #: tenants and co-defendants.
    partner: np.ndarray


def simulate(ctx: Context) -> FamilyCases:
    """Family cases of the simulated households and of others, with their
    parties."""
    _check_family_codes(ctx)
    rng = ctx.rng("family")
    pop = ctx.pop
    h = _households(ctx, rng)
    cases = _Cases()
    _household_cases(rng, h, cases)
    _family_law_act_outside_households(rng, pop, cases)
    _step_parent_adoptions(rng, pop, h, cases)
    c = cases.rows.table()
    closed = _family_close(rng, c["case_type"], c["issue"])
    c, closed = _placements_and_adoptions(rng, pop.dob, h, c, closed)
    c, closed = _active_in_window(pop.dob, c, closed)

    parties = _FamilyParties(ctx, rng, h, c)
    parties.public_law()
    parties.private_law()
    parties.divorce()
    parties.family_law_act()
    parties.adoption()
    c, closed, mother, p = _drop_cases_without_parties(c, closed, parties)
    p = _in_party_order(ctx, p)

    # Where the case is heard: the family court for the family's area.
    court, region, la = _where_heard(ctx, rng, c, mother)
    la_name = local_authority_names(ctx)
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
    return FamilyCases(cases_out, p, h.partners(pop.n))


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


@dataclass
class _Households:
    """Simulated households: mother, father (-1 when unknown), whether the
    household meets children's services (``risk``) and the children
    (``kid``, grouped by household ``kid_unit`` and by birth within it)."""

    mother: np.ndarray
    father: np.ndarray
    risk: np.ndarray
    kid_unit: np.ndarray
    kid: np.ndarray
    #: Derived from the above and the dates of birth (no draws).
    has_kids: np.ndarray
    has_father: np.ndarray
    first_kid_dob: np.ndarray
    last_kid_dob: np.ndarray
    #: When the parents could first have married (both 19, and not before
    #: the earliest issue date).
    couple_from: np.ndarray

    @classmethod
    def of(cls, dob, mother, father, risk, kid_unit, kid) -> _Households:
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
        return cls(
            mother, father, risk, kid_unit, kid,
            has_kids, has_father, first_kid_dob, last_kid_dob, couple_from,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.mother)

    def partners(self, n: int) -> np.ndarray:
        """Household partner of each of ``n`` people (-1 when none)."""
        has_father = self.has_father
        partner = np.full(n, -1, dtype=np.int64)
        partner[self.father[has_father]] = self.mother[has_father]
        partner[self.mother[has_father]] = self.father[has_father]
        return partner


def _households(ctx: Context, rng: np.random.Generator) -> _Households:
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
    crim_mothers = draw_unique(rng, np.flatnonzero(can_mother & crim), n_risk // 4, used)
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
    from_crim = rng.random(u) < np.where(risk, 0.45, 0.05)
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
    return _Households.of(pop.dob, mother, father, risk, kid_unit[order], kid[order])


class _Cases:
    """Family cases under construction (one chunk per kind of case)."""

    def __init__(self):
        self.rows = Rows(
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
    return draw_shares(rng, FAMILY_CASE_TYPES[law], size)


def _household_cases(rng, h: _Households, cases: _Cases) -> None:
    """Cases of the households: care and private law about their children,
    divorce and Family Law Act applications between the parents."""
    u = len(h)
    has_kids, has_father, risk = h.has_kids, h.has_father, h.risk

    def dated(units, lo, hi):
        ok = lo <= hi
        return units[ok], uniform_dates(rng, lo[ok], hi[ok], ok.sum())

    def children_window(units, newborn_days):
        lo = np.maximum(add_days(h.first_kid_dob[units], newborn_days), FAMILY_ISSUE_FROM)
        hi = np.minimum(add_days(h.last_kid_dob[units], years(17)), FAMILY_TO)
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
    dv, when = dated(dv, h.couple_from[dv], np.full(len(dv), FAMILY_TO))
    cases.add("divorce", _sample_types(rng, "divorce", len(dv)), dv, when)
    fl = np.flatnonzero(has_father & (rng.random(u) < np.where(risk, 0.35, 0.06)))
    fl, when = dated(fl, h.couple_from[fl], np.full(len(fl), FAMILY_TO))
    cases.add("family_law_act", _sample_types(rng, "family_law_act", len(fl)), fl, when)


def _family_law_act_outside_households(rng, pop, cases: _Cases) -> None:
    """Family Law Act applications outside the simulated households: the
    respondent is an ex-partner, most often known to the criminal courts."""
    dob = pop.dob
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


def _step_parent_adoptions(rng, pop, h: _Households, cases: _Cases) -> None:
    """Step-parent adoptions: the mother's new partner adopts her child."""
    dob = pop.dob
    men = np.flatnonzero(~pop.is_child & (pop.sex == "M"))
    sp_kid = np.flatnonzero(np.isin(h.kid_unit, np.flatnonzero(rng.random(len(h)) < 0.04)))
    sp_unit, sp_child = h.kid_unit[sp_kid], h.kid[sp_kid]
    lo = np.maximum(add_days(dob[sp_child], years(2)), FAMILY_ISSUE_FROM)
    hi = np.minimum(add_days(dob[sp_child], years(16)), FAMILY_TO)
    ok = lo <= hi
    sp_unit, sp_child, lo, hi = sp_unit[ok], sp_child[ok], lo[ok], hi[ok]
    when = uniform_dates(rng, lo, hi, len(lo))
    m_dob = dob[h.mother[sp_unit]]
    step = pick_in_window(
        rng,
        men,
        dob[men],
        add_days(m_dob, -years(10)),
        np.minimum(add_days(m_dob, years(6)), add_days(when, -years(21))),
    )
    ok = step >= 0
    cases.add("adoption", "ADSP", sp_unit[ok], when[ok], applicant=step[ok], child=sp_child[ok])


def _placements_and_adoptions(rng, dob, h: _Households, c: Table, closed: np.ndarray):
    """Placement and adoption after care proceedings for some young
    children: the cases ``c`` (closing on ``closed``) with these added."""
    pl = np.flatnonzero(c["law"] == "public_law")
    youngest = np.full(len(pl), -1, dtype=np.int64)
    row, pos = expand(h.kid_unit, c["unit"][pl])
    born = dob[h.kid[pos]] <= c["issue"][pl][row]
    youngest[row[born]] = h.kid[pos[born]]  # kids sorted by birth: the last wins
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
    return c, closed


def _active_in_window(dob, c: Table, closed: np.ndarray):
    """The cases active in the coverage window (still open ones included),
    in issue order; closing dates after the window become open."""
    issue = c["issue"]
    active = (issue <= FAMILY_TO) & (np.isnat(closed) | (closed >= FAMILY_FROM))
    active &= (c["child"] < 0) | (age_years(dob[np.maximum(c["child"], 0)], issue) < 18)
    closed = np.where(closed > FAMILY_TO, NAT, closed)
    keep = np.flatnonzero(active)
    keep = keep[np.lexsort((keep, issue[keep].astype(np.int64)))]
    return c.take(keep), closed[keep]


class _Parties:
    """Accumulates party rows for family cases."""

    def __init__(self):
        self.rows = Rows(case=np.int64, person=np.int64, role=object, represented=bool)

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


class _FamilyParties:
    """The parties of the family cases ``c``, drawn one kind of case at a
    time: first the household's children (in :meth:`__init__`), then the
    adults each kind of case brings."""

    def __init__(self, ctx: Context, rng, h: _Households, c: Table):
        self.rng = rng
        self.chance = rng.random
        self.pop = ctx.pop
        self.dob = ctx.pop.dob
        self.c = c
        self.law, self.issue, self.ctype = c["law"], c["issue"], c["case_type"]
        unit = c["unit"]
        in_unit = unit >= 0
        #: The household's mother and father for each case (-1 outside one).
        self.mother = np.where(in_unit, h.mother[np.maximum(unit, 0)], -1)
        self.father = np.where(in_unit, h.father[np.maximum(unit, 0)], -1)
        self.rows = _Parties()
        self.has_children = self._children(h)
        self.guardians = _guardian_pool(ctx, rng)
        #: Cases that lost their principal parties.
        self.dropped = np.zeros(0, dtype=np.int64)

    def _children(self, h: _Households) -> np.ndarray:
        """Children of care and private law cases: those born and under 18 at
        issue (youngest first), at most four in care and three in private
        law; and the child named on the case. Whether each case has one."""
        law, issue, dob = self.law, self.issue, self.dob
        child_cases = np.flatnonzero(np.isin(law, ["public_law", "private_law"]))
        row, pos = expand(h.kid_unit, self.c["unit"][child_cases])
        c_case, c_kid = child_cases[row], h.kid[pos]
        ok = (dob[c_kid] <= issue[c_case]) & (age_years(dob[c_kid], issue[c_case]) < 18)
        c_case, c_kid = c_case[ok], c_kid[ok]
        order = np.lexsort((-dob[c_kid].astype(np.int64), c_case))
        c_case, c_kid = c_case[order], c_kid[order]
        rank = group_offsets(c_case)
        within = rank < np.where(law[c_case] == "public_law", 4, 3)
        c_case, c_kid = c_case[within], c_kid[within]
        self.rows.add(c_case, c_kid, "CHI", law[c_case] == "public_law")
        single = np.flatnonzero(self.c["child"] >= 0)
        self.rows.add(single, self.c["child"][single], "CHI", True)
        has_children = np.zeros(len(self.c), dtype=bool)
        has_children[c_case] = True
        has_children[single] = True
        return has_children

    def guardian(self, cases, p) -> None:
        """A children's guardian on a share ``p`` of ``cases``."""
        g = cases[self.chance(len(cases)) < p]
        if len(self.guardians):
            who = self.guardians[self.rng.integers(len(self.guardians), size=len(g))]
            self.rows.add(g, who, "GAL", False)

    def grandparent(self, cases) -> np.ndarray:
        """A mother's parent for each of ``cases`` (-1 where none is found)."""
        dob = self.dob
        m_dob = dob[self.mother[cases]]
        adults = np.flatnonzero(~self.pop.is_child)
        return pick_in_window(
            self.rng, adults, dob[adults], add_days(m_dob, -years(40)), add_days(m_dob, -years(17))
        )

    def public_law(self) -> None:
        """The local authority against the parents."""
        add, chance, mother, father = self.rows.add, self.chance, self.mother, self.father
        pl = np.flatnonzero(self.law == "public_law")
        add(pl, -1, "LA", True)
        add(pl, mother[pl], "RES", chance(len(pl)) < 0.93)
        f_in = pl[(father[pl] >= 0) & (chance(len(pl)) < 0.85)]
        add(f_in, father[f_in], "RES", chance(len(f_in)) < 0.85)
        self.guardian(pl, 0.7)
        rel = pl[chance(len(pl)) < 0.12]
        gp = self.grandparent(rel)
        add(rel[gp >= 0], gp[gp >= 0], "INT", chance((gp >= 0).sum()) < 0.6)

    def private_law(self) -> None:
        """One parent against the other (or a grandparent seeking special
        guardianship; the case is dropped when there is none)."""
        add, chance, mother, father = self.rows.add, self.chance, self.mother, self.father
        ctype = self.ctype
        post_laspo = self.issue >= LASPO
        pr = np.flatnonzero(self.law == "private_law")
        sgo = pr[ctype[pr] == "PRSGO"]
        gp = self.grandparent(sgo)
        sgo_ok = sgo[gp >= 0]
        add(sgo_ok, gp[gp >= 0], "APP", chance(len(sgo_ok)) < 0.5)
        add(sgo_ok, mother[sgo_ok], "RES", chance(len(sgo_ok)) < 0.4)
        add(sgo_ok, father[sgo_ok], "RES", chance(len(sgo_ok)) < 0.3)
        par = pr[ctype[pr] != "PRSGO"]
        father_applies = (chance(len(par)) < 0.6) | (ctype[par] == "PRPR")
        add(
            par,
            np.where(father_applies, father[par], mother[par]),
            "APP",
            chance(len(par)) < np.where(post_laspo[par], 0.45, 0.8),
        )
        add(
            par,
            np.where(father_applies, mother[par], father[par]),
            "RES",
            chance(len(par)) < np.where(post_laspo[par], 0.3, 0.65),
        )
        self.guardian(pr, 0.04)
        self.dropped = np.setdiff1d(sgo, sgo_ok)

    def divorce(self) -> None:
        """Petitioner and respondent spouses; a co-respondent on a few."""
        add, chance, mother, father = self.rows.add, self.chance, self.mother, self.father
        dob = self.dob
        dv = np.flatnonzero(self.law == "divorce")
        wife = chance(len(dv)) < 0.62
        add(dv, np.where(wife, mother[dv], father[dv]), "PET", chance(len(dv)) < 0.6)
        add(dv, np.where(wife, father[dv], mother[dv]), "RES", chance(len(dv)) < 0.3)
        # Adultery petitions (before 2016, mostly) could name a co-respondent.
        co = dv[(self.issue[dv] < d64("2016-01-01")) & (chance(len(dv)) < 0.04)]
        adults = np.flatnonzero(~self.pop.is_child)
        cr = pick_in_window(
            self.rng,
            adults,
            dob[adults],
            add_days(dob[mother[co]], -years(10)),
            add_days(dob[mother[co]], years(10)),
        )
        add(co[cr >= 0], cr[cr >= 0], "CORES", False)

    def family_law_act(self) -> None:
        """The applicant (mostly women) against the respondent."""
        add, chance, mother, father = self.rows.add, self.chance, self.mother, self.father
        c = self.c
        fl = np.flatnonzero(self.law == "family_law_act")
        own = c["applicant"][fl] >= 0
        woman = own | (chance(len(fl)) < 0.9)
        app = np.where(own, c["applicant"][fl], np.where(woman, mother[fl], father[fl]))
        resp = np.where(own, c["respondent"][fl], np.where(woman, father[fl], mother[fl]))
        add(fl, app, "APP", chance(len(fl)) < 0.85)
        add(fl, resp, "RES", chance(len(fl)) < 0.35)

    def adoption(self) -> None:
        """Placement (the local authority), adoption by one or two adopters,
        and step-parent adoption; the birth parents."""
        add, chance, mother, father = self.rows.add, self.chance, self.mother, self.father
        rng, dob, ctype, issue = self.rng, self.dob, self.ctype, self.issue
        ad = np.flatnonzero(self.law == "adoption")
        placement = ad[ctype[ad] == "ADPO"]
        add(placement, -1, "LA", True)
        self.guardian(placement, 0.8)
        order_ = ad[ctype[ad] == "ADAO"]
        adults_nc = np.flatnonzero(~self.pop.is_child & ~self.pop.is_criminal)
        first = pick_in_window(
            rng,
            adults_nc,
            dob[adults_nc],
            add_days(issue[order_], -years(55)),
            add_days(issue[order_], -years(27)),
        )
        ok = first >= 0
        add(order_[ok], first[ok], "ADP", chance(ok.sum()) < 0.8)
        two = np.flatnonzero(ok & (chance(len(order_)) < 0.75))
        second = pick_in_window(
            rng,
            adults_nc,
            dob[adults_nc],
            add_days(dob[first[two]], -years(6)),
            add_days(dob[first[two]], years(6)),
        )
        s_ok = (second >= 0) & (second != first[two])
        add(order_[two][s_ok], second[s_ok], "ADP", chance(s_ok.sum()) < 0.8)
        self.guardian(order_, 0.3)
        birth = ad[ctype[ad] != "ADSP"]
        add(birth, mother[birth], "BPT", chance(len(birth)) < 0.5)
        bf = birth[father[birth] >= 0]
        add(bf, father[bf], "BPT", chance(len(bf)) < 0.35)
        step = ad[ctype[ad] == "ADSP"]
        add(step, self.c["applicant"][step], "ADP", chance(len(step)) < 0.5)
        sbf = step[father[step] >= 0]
        add(sbf, father[sbf], "BPT", chance(len(sbf)) < 0.2)


def _drop_cases_without_parties(c: Table, closed: np.ndarray, parties: _FamilyParties):
    """Drop cases that lost their principal parties, and renumber: the cases,
    their closing dates, their household mothers and the party rows."""
    law = c["law"]
    p = parties.rows.table()
    keep = np.ones(len(c), dtype=bool)
    keep[parties.dropped] = False
    keep &= ~np.isin(law, ["public_law", "private_law", "adoption"]) | parties.has_children
    p = p.take(np.flatnonzero(keep[p["case"]] & ((p["person"] >= 0) | (p["role"] == "LA"))))
    new_index = np.cumsum(keep) - 1
    c, closed = c.take(np.flatnonzero(keep)), closed[keep]
    mother = parties.mother[keep]
    p["case"] = new_index[p["case"]]
    return c, closed, mother, p


def _in_party_order(ctx: Context, p: Table) -> Table:
    """Party rows with their category, in case order and, within a case,
    applicants, respondents, children then others; numbered from 1."""
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
    return p


def _where_heard(ctx: Context, rng, c: Table, mother: np.ndarray):
    """Court, region and local authority of each case: the family court for
    the area where the mother (or the applicant) lived at issue."""
    pop = ctx.pop
    anchor = np.where(mother >= 0, mother, c["applicant"])
    anchor = np.where(anchor >= 0, anchor, 0)
    addr = pop.addresses.at(anchor, c["issue"])
    region = pop.addresses.region[addr]
    la = pop.addresses.local_authority[addr]
    court = court_for(ctx, rng, region, "family")
    return court, region, la


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
        out[mask] = draw_shares(rng, shares, mask.sum())
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


def _uniform_days(rng, lo: int, hi: int, size: int) -> np.ndarray:
    return rng.integers(lo, hi + 1, size=size)
