"""One module per source system: its raw tables (:data:`TABLES`) and the code
that lays the simulated events out the way that system records them."""

from datafirst.generator.systems import (
    caseman,
    delius,
    familyman,
    libra,
    nomis,
    oasys,
    pcol,
    xhibit,
)

#: Source systems in the order they are written.
SYSTEMS = (libra, xhibit, nomis, delius, oasys, familyman, caseman, pcol)


def all_tables():
    """Every raw table spec, in system order."""
    return [spec for module in SYSTEMS for spec in module.TABLES]
