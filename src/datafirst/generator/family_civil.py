"""Family and civil court journeys, run together because civil claims name
the partners of the family households as joint tenants and co-defendants.
Each domain has its own module: :mod:`~datafirst.generator.family`
(FamilyMan) and :mod:`~datafirst.generator.civil` (CaseMan and PCOL).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator import civil, family
from datafirst.generator.civil import CivilCases
from datafirst.generator.context import Context
from datafirst.generator.criminal import Table


@dataclass
class FamilyCivil:
    """What the FamilyMan, CaseMan and PCOL modules lay out: the family cases
    and parties (columns in :class:`~datafirst.generator.family.FamilyCases`)
    and each civil system's claims."""

    family_cases: Table
    family_parties: Table
    caseman: CivilCases
    pcol: CivilCases
    #: Household partner of each person (-1 when none), used for joint
    #: tenants and co-defendants.
    partner: np.ndarray


def simulate(ctx: Context) -> FamilyCivil:
    """Family cases first: their households give the civil claims' joint
    defendants."""
    fam = family.simulate(ctx)
    caseman = civil.simulate(ctx, "caseman", fam.partner)
    pcol = civil.simulate(ctx, "pcol", fam.partner)
    return FamilyCivil(fam.cases, fam.parties, caseman, pcol, fam.partner)
