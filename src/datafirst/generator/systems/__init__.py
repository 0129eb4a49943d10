"""One module per source system: its raw tables (:data:`TABLES`) and the code
that lays the simulated events out the way that system records them."""

from datafirst.generator.systems import (
    caseman,
    delius,
    familyman,
    libra,
    nomis,
    npd,
    oasys,
    pcol,
    pnc,
    xhibit,
)

#: The justice source systems, in the order they are written.
JUSTICE_SYSTEMS = (libra, xhibit, nomis, delius, oasys, familyman, caseman, pcol)
#: The MoJ-DfE share's extracts, written after the justice systems with
#: random streams of their own (their malformations included), so that the
#: justice extracts are byte-identical with or without them.
SHARE_SYSTEMS = (pnc, npd)
#: Source systems in the order they are written.
SYSTEMS = JUSTICE_SYSTEMS + SHARE_SYSTEMS


def all_tables():
    """Every raw table spec, in system order."""
    return [spec for module in SYSTEMS for spec in module.TABLES]
