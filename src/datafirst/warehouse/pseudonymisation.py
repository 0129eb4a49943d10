"""dbt-duckdb plugin that hands the pseudonymisation key to DuckDB, and the
rules a key must meet.

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
          # dev: the extract it builds; refused unless synthetic or the key
          # is a secret
          synthetic_extract_dir: "{{ env_var('DATAFIRST_RAW_DIR', 'data/raw') }}"

What each target accepts:

- ``secure`` (``allow_demo_key: false``): only a **secret key**
  (:func:`key_problems` lists what is wrong with any other, without quoting
  it): at least 32 characters; no white space at either end; neither the
  public demo key nor a key containing it (case ignored); at least 80 bits
  of estimated entropy (its length times the Shannon entropy of its
  character frequencies, which a random key of 32 hexadecimal digits
  always clears and 32 repeated letters never do); not a shorter block
  repeated ('abcabc...'); no run of more than 7 characters that repeat or
  count up or down by one ('aaaaaaaa', '12345678'). Rules like these catch
  the demo key, trivial and keyboard keys; they cannot tell a memorable
  phrase from a random one, so generate the key
  (``python -c 'import secrets; print(secrets.token_urlsafe(32))'``).
- ``dev`` (``allow_demo_key: true``): any key of 16 characters or more, or,
  without one, the public demo key ``DEMO_KEY``, said loudly. But an extract
  the generator did not mark as synthetic (:func:`datafirst.extracts.is_synthetic`)
  is refused unless the key is a secret key as above.

Every release should record which key made it, never the key: the **key
fingerprint** (:func:`key_fingerprint`, an HMAC-SHA256 of a fixed string
under the key, 16 hex digits) is logged, set as the DuckDB session variable
``datafirst_key_fingerprint`` (macro ``key_fingerprint()``) and available
to Python as :func:`current_key_fingerprint`. Two builds with the same key
have the same fingerprint; the fingerprint does not reveal the key, though
like the pseudonyms themselves it lets someone check a guess of it, which
is why the key must be random.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
from collections import Counter
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from dbt.adapters.events.logging import AdapterLogger

from datafirst.extracts import is_synthetic

KEY_ENV = "DATAFIRST_PSEUDONYMISATION_KEY"
SQL_VARIABLE = "datafirst_pseudonymisation_key"
FINGERPRINT_VARIABLE = "datafirst_key_fingerprint"
DEMO_KEY_VARIABLE = "datafirst_key_is_demo"
# Public on purpose: pseudonyms made with it protect nothing. Synthetic demo only.
DEMO_KEY = "datafirst-synthetic-demo-key-NOT-SECRET"
#: Any key the demo targets accept is at least this long.
MIN_KEY_LENGTH = 16
#: A secret key (the secure target; dev on a real extract) meets these.
SECRET_KEY_MIN_LENGTH = 32
SECRET_KEY_MIN_ENTROPY_BITS = 80
SECRET_KEY_MAX_RUN = 7
#: Keys published with the project: never a secret.
PUBLISHED_KEYS = (DEMO_KEY,)
#: What the fingerprint signs: fixed, so that one key has one fingerprint.
FINGERPRINT_MESSAGE = b"datafirst pseudonymisation key fingerprint v1"

GENERATE_ADVICE = "generate one with python -c 'import secrets; print(secrets.token_urlsafe(32))'"

logger = AdapterLogger("DataFirst")


class PseudonymisationKeyError(RuntimeError):
    """The key is missing or weak on a target that needs a real one, or the
    extract is not synthetic and the key is not a secret."""


def entropy_bits(key: str) -> float:
    """The key's length times the Shannon entropy of its character
    frequencies: an estimate (from above) of its unpredictability."""
    if not key:
        return 0.0
    counts = Counter(key)
    return sum(n * math.log2(len(key) / n) for n in counts.values())


def longest_run(key: str) -> int:
    """The longest stretch of characters that repeat or count up or down by
    one ('aaaa', 'abcd', '4321')."""
    best = run = min(len(key), 1)
    step = None
    for previous, current in zip(key, key[1:], strict=False):
        delta = ord(current) - ord(previous)
        if delta in (-1, 0, 1) and (run == 1 or delta == step):
            run += 1
        else:
            run = 2 if delta in (-1, 0, 1) else 1
        step = delta
        best = max(best, run)
    return best


def is_periodic(key: str) -> bool:
    """True when the key is a shorter block repeated ('abab', 'PassPassPa')."""
    return any(
        all(key[i] == key[i + period] for i in range(len(key) - period))
        for period in range(1, len(key) // 2 + 1)
    )


def key_problems(key: str) -> list[str]:
    """Why a key is not a secret key (empty when it is). The reasons never
    quote the key."""
    problems = []
    if len(key) < SECRET_KEY_MIN_LENGTH:
        problems.append(f"it is shorter than {SECRET_KEY_MIN_LENGTH} characters")
    if key != key.strip():
        problems.append("it starts or ends with white space")
    folded = key.casefold()
    if any(published.casefold() in folded for published in PUBLISHED_KEYS):
        problems.append("it is or contains the public demo key")
    bits = entropy_bits(key)
    if bits < SECRET_KEY_MIN_ENTROPY_BITS:
        problems.append(
            f"it is too predictable (about {bits:.0f} bits of entropy by its character "
            f"frequencies; at least {SECRET_KEY_MIN_ENTROPY_BITS} needed)"
        )
    if len(key) > 1 and is_periodic(key):
        problems.append("it is a shorter block repeated")
    if longest_run(key) > SECRET_KEY_MAX_RUN:
        problems.append(
            f"it has a run of more than {SECRET_KEY_MAX_RUN} characters that repeat or "
            "count up or down by one"
        )
    return problems


def is_secret_key(key: str) -> bool:
    return not key_problems(key)


def key_fingerprint(key: str) -> str:
    """Which key made a release, without the key: HMAC-SHA256 of a fixed
    string under the key, the first 16 hex digits."""
    return hmac.new(key.encode(), FINGERPRINT_MESSAGE, hashlib.sha256).hexdigest()[:16]


def current_key_fingerprint(environ: dict[str, str] | None = None) -> str:
    """The fingerprint of the key a build in this environment uses (the
    demo key's when none is set)."""
    environ = os.environ if environ is None else environ
    return key_fingerprint(environ.get(KEY_ENV) or DEMO_KEY)


def resolve_key(
    environ: dict[str, str],
    allow_demo_key: bool,
    synthetic_extract_dir: str | Path | None = None,
) -> tuple[str, bool]:
    """The key to use and whether it is the public demo key; raises
    :class:`PseudonymisationKeyError` when the target may not run with it."""
    key = environ.get(KEY_ENV, "")
    if not allow_demo_key:
        if not key:
            raise PseudonymisationKeyError(
                f"{KEY_ENV} is not set. This target builds de-identified marts and "
                "refuses to run without a secret pseudonymisation key (only the "
                "synthetic demo targets may fall back to the public demo key); "
                f"{GENERATE_ADVICE}."
            )
        problems = key_problems(key)
        if problems:
            raise PseudonymisationKeyError(
                f"{KEY_ENV} is not a secret key: {'; '.join(problems)}. This target "
                f"refuses it; {GENERATE_ADVICE}."
            )
        return key, False
    if key and len(key) < MIN_KEY_LENGTH:
        raise PseudonymisationKeyError(
            f"{KEY_ENV} is shorter than {MIN_KEY_LENGTH} characters: use a long random secret."
        )
    key = key or DEMO_KEY
    if synthetic_extract_dir is not None:
        _refuse_a_real_extract_without_a_secret(Path(synthetic_extract_dir), key)
    return key, key == DEMO_KEY


def _refuse_a_real_extract_without_a_secret(raw_dir: Path, key: str) -> None:
    """An extract the generator did not mark synthetic is built only with a
    secret key. A folder with no extract in it has nothing to protect (the
    build's extract check reports it missing)."""
    if not any(raw_dir.glob("*/*.parquet")) or is_synthetic(raw_dir):
        return
    problems = key_problems(key)
    if problems:
        raise PseudonymisationKeyError(
            f"The extract in {raw_dir} was not marked synthetic by the generator (no "
            '_manifest.json with "synthetic": true listing its files unchanged), and '
            f"{KEY_ENV} is not a secret key ({'; '.join(problems)}). A real extract is "
            f"built only with a secret key: {GENERATE_ADVICE}, or use the secure target."
        )


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
        self.key, self.is_demo_key = resolve_key(
            dict(os.environ), bool(allow), plugin_config.get("synthetic_extract_dir")
        )
        self.fingerprint = key_fingerprint(self.key)
        if self.is_demo_key:
            warn_demo_key()
        logger.info(f"Pseudonymisation key fingerprint: {self.fingerprint}")

    def _set_key(self, connection) -> None:
        connection.execute(f"set variable {SQL_VARIABLE} = ?", [self.key])
        connection.execute(f"set variable {FINGERPRINT_VARIABLE} = ?", [self.fingerprint])
        connection.execute(f"set variable {DEMO_KEY_VARIABLE} = ?", [self.is_demo_key])

    def configure_connection(self, conn) -> None:
        self._set_key(conn)

    def configure_cursor(self, cursor) -> None:
        self._set_key(cursor)
