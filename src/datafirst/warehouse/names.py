"""dbt-duckdb plugin that registers the name encodings the linkage compares
as DuckDB functions, so that the warehouse builds every linkage feature in
SQL, in one place (``int_person_records_unioned``):

- ``datafirst_metaphone(name)``: the Metaphone code of a name;
- ``datafirst_forename_variants(forename)``: its known nicknames and formal
  names (the ``nicknames`` package's list of English given names).

Profile config (``profiles.yml``)::

    plugins:
      - module: datafirst.warehouse.names
"""

from __future__ import annotations

import functools

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin


def metaphone(name: str | None) -> str | None:
    """The Metaphone code of ``name``; null for a null or empty name."""
    import jellyfish

    return (jellyfish.metaphone(name) or None) if name else None


@functools.cache
def _namer():
    from nicknames import NickNamer

    return NickNamer()


def forename_variants(name: str | None) -> list[str] | None:
    """The nicknames and formal names of ``name``, upper case and sorted,
    without the name itself; null when it has none."""
    if not name:
        return None
    lower = name.lower()
    namer = _namer()
    found = {v.upper() for v in namer.nicknames_of(lower) | namer.canonicals_of(lower)}
    return sorted(found - {name}) or None


FUNCTIONS = {
    "datafirst_metaphone": (metaphone, duckdb.sqltype("varchar")),
    "datafirst_forename_variants": (forename_variants, duckdb.list_type(duckdb.sqltype("varchar"))),
}


def register(connection: duckdb.DuckDBPyConnection) -> None:
    """Register the name functions with a DuckDB connection."""
    for name, (function, returns) in FUNCTIONS.items():
        connection.create_function(
            name,
            function,
            [duckdb.sqltype("varchar")],
            returns,
            null_handling="special",
            side_effects=False,
        )


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        register(conn)
