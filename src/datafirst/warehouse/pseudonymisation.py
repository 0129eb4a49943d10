"""dbt-duckdb plugin that hands the pseudonymisation key to DuckDB.

The marts replace every source id by a keyed pseudonym (macro
``pseudonymise``). The key must never appear in compiled SQL, dbt's logs or
the warehouse file, so it is not a dbt var: this plugin reads it from the
environment variable ``DATAFIRST_PSEUDONYMISATION_KEY`` and sets it as a
DuckDB session variable on every cursor dbt opens. The SQL reads it with
``getvariable('datafirst_pseudonymisation_key')``.

Profile config (``profiles.yml``)::

    plugins:
      - module: datafirst.warehouse.pseudonymisation
        config:
          allow_demo_key: true   # only on the synthetic-demo targets

Without the environment variable, a target that allows the demo key falls back
to the public demo key ``DEMO_KEY`` and says so loudly; any other target
refuses to start.
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from dbt.adapters.events.logging import AdapterLogger

KEY_ENV = "DATAFIRST_PSEUDONYMISATION_KEY"
SQL_VARIABLE = "datafirst_pseudonymisation_key"
# Public on purpose: pseudonyms made with it protect nothing. Synthetic demo only.
DEMO_KEY = "datafirst-synthetic-demo-key-NOT-SECRET"
MIN_KEY_LENGTH = 16

logger = AdapterLogger("DataFirst")


class PseudonymisationKeyError(RuntimeError):
    """The key is missing or too short on a target that needs a real one."""


def resolve_key(environ: dict[str, str], allow_demo_key: bool) -> tuple[str, bool]:
    """The key to use and whether it is the public demo key."""
    key = environ.get(KEY_ENV, "")
    if key:
        if len(key) < MIN_KEY_LENGTH:
            raise PseudonymisationKeyError(
                f"{KEY_ENV} is shorter than {MIN_KEY_LENGTH} characters: use a long random secret."
            )
        return key, False
    if not allow_demo_key:
        raise PseudonymisationKeyError(
            f"{KEY_ENV} is not set. This target builds de-identified marts and "
            "refuses to run without a secret pseudonymisation key (only the "
            "synthetic demo targets may fall back to the public demo key)."
        )
    return DEMO_KEY, True


def warn_demo_key() -> None:
    """Say loudly that pseudonyms use the public demo key."""
    logger.warning(
        "\n"
        + "!" * 72
        + f"\n  {KEY_ENV} is not set: pseudonyms use the PUBLIC DEMO KEY."
        + "\n  They protect nothing. Fine for the synthetic demo only;"
        + "\n  set a secret key for any real extract.\n"
        + "!" * 72
    )


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        allow = plugin_config.get("allow_demo_key", False)
        if isinstance(allow, str):
            allow = allow.strip().lower() in {"true", "1", "yes"}
        self.key, self.is_demo_key = resolve_key(dict(os.environ), bool(allow))
        if self.is_demo_key:
            warn_demo_key()

    def _set_key(self, connection) -> None:
        connection.execute(f"set variable {SQL_VARIABLE} = ?", [self.key])

    def configure_connection(self, conn) -> None:
        self._set_key(conn)

    def configure_cursor(self, cursor) -> None:
        self._set_key(cursor)
