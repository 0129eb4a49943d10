"""One bad value quarantines one row, and no raw value reaches the console,
``logs/`` or ``target/`` (issue 13).

A tiny extract from the project's own generator, with a few values rewritten
with pyarrow the way a broken or hostile extract would hold them: text
dates in the wrong layout, bytes that are not UTF-8, codes no lookup lists,
a 10,000-character name, numbers too big for their column. The whole
warehouse is built on it once; the build must finish, each crafted row be
quarantined with its own reason, reconciliation hold, and none of the
crafted values appear in any file dbt wrote or in its output.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from datafirst.extracts import read_manifest, write_manifest
from datafirst.generator import GeneratorConfig, generate
from datafirst.project import Dbt

pytestmark = pytest.mark.slow

PEOPLE = 3000
SEED = 13


class Crafted:
    """A value written into one row of a raw table, and the quarantine
    reason the row must get."""

    def __init__(self, system, table, column, value, reason, shows_as=()):
        self.system, self.table, self.column = system, table, column
        self.value, self.reason = value, reason
        #: The raw value as it could appear in text (searched for in every
        #: file and output, case-insensitively).
        self.shows_as = shows_as or (value,)
        self.row: int | None = None


HOSTILE_NAME = "Hostilename O'Drop-Table; " * 385  # 10,010 characters

CRAFTED = [
    Crafted("familyman", "parties", "date_of_birth", "17/03/1911",
            "unparseable_date:date_of_birth"),
    Crafted("libra", "defendant_case", "date_of_birth", "1911-03-17",
            "unparseable_date:date_of_birth"),
    Crafted("familyman", "parties", "role_code", "QQ_UNKNOWN_ROLE_7",
            "unknown_code:role_code"),
    Crafted("caseman", "parties", "party_role_code", "QQ_UNKNOWN_ROLE_8",
            "unknown_code:party_role_code"),
    Crafted("familyman", "parties", "surname", b"Zebedee\xff\xfeQuixote",
            "invalid_encoding:surname", ("Zebedee", "Quixote")),
    Crafted("nomis", "offenders", "sex_code", b"Xylophonic\xc3",
            "invalid_encoding:sex_code", ("Xylophonic",)),
    Crafted("libra", "defendant_case", "defendant_name", HOSTILE_NAME,
            "oversized_text:defendant_name", ("Hostilename",)),
    Crafted("libra", "offence", "custody_days", 9_876_543_210,
            "out_of_range:custody_days", ("9876543210",)),
    Crafted("xhibit", "disposals", "fine_amount", 7.25e300,
            "out_of_range:fine_amount", ("7.25e+300", "7.25e300")),
]  # fmt: skip


def _invalid_encoding(values: list) -> pa.Array:
    """A string array holding the bytes as they are (pyarrow would refuse to
    build one from invalid UTF-8 otherwise)."""
    binary = pa.array(values, type=pa.binary())
    return pa.Array.from_buffers(pa.string(), len(binary), binary.buffers())


def _craft(raw: Path, malformed: set[tuple[str, str, int]]) -> None:
    """Write each crafted value into a row the generator left clean (so its
    reason is the crafted one), a different row for each value."""
    by_table: dict[tuple[str, str], list[Crafted]] = {}
    for crafted in CRAFTED:
        by_table.setdefault((crafted.system, crafted.table), []).append(crafted)
    for (system, table), values in by_table.items():
        path = raw / system / f"{table}.parquet"
        data = pq.read_table(path)
        clean = (row for row in range(10, data.num_rows) if (system, table, row) not in malformed)
        for crafted in values:
            crafted.row = next(clean)
            column = data.column(crafted.column).to_pylist()
            if isinstance(crafted.value, bytes):
                column = [v.encode() if isinstance(v, str) else v for v in column]
                column[crafted.row] = crafted.value
                array = _invalid_encoding(column)
            else:
                column[crafted.row] = crafted.value
                array = pa.array(column, type=data.schema.field(crafted.column).type)
            index = data.schema.get_field_index(crafted.column)
            data = data.set_column(index, data.schema.field(index), array)
        pq.write_table(data, path)


@pytest.fixture(scope="module")
def crafted_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("crafted")
    cfg = GeneratorConfig(
        people=PEOPLE, seed=SEED, raw_dir=root / "raw", truth_dir=root / "truth", progress=False
    )
    generate(cfg)
    malformed = {
        (row["source_system"], row["source_table"], row["row_number"])
        for row in pq.read_table(cfg.truth_dir / "malformed_rows.parquet").to_pylist()
    }
    _craft(cfg.raw_dir, malformed)
    # Crafted from the generator's output: still a synthetic extract.
    write_manifest(cfg.raw_dir, read_manifest(cfg.raw_dir))
    dbt = Dbt.in_folder(root, DATAFIRST_PSEUDONYMISATION_KEY="crafted-rows-test-key-0123456789")
    # A 3,000-person extract is far below the scale the linkage quality bars
    # are set for; this module tests quarantine, not linkage quality.
    result = dbt.run("build", "--vars", "{linkage_quality_bar_severity: warn}")
    return root, dbt, result


def test_the_build_finishes(crafted_build):
    _, _, result = crafted_build
    assert result.returncode == 0, result.stdout[-4000:]
    assert "ERROR=0" in result.stdout and "SKIP=0" in result.stdout


def test_each_crafted_row_is_quarantined_with_its_reason(crafted_build):
    _, dbt, _ = crafted_build
    con = duckdb.connect(str(dbt.duckdb_path), read_only=True)
    try:
        for crafted in CRAFTED:
            reasons = con.execute(
                """
                select quarantine_reason from intermediate.int_source_rows_quarantined
                where source_system = ? and source_table = ? and source_row_number = ?
                """,
                [crafted.system, crafted.table, crafted.row],
            ).fetchall()
            assert reasons == [(crafted.reason,)], (crafted.system, crafted.table, crafted.column)
    finally:
        con.close()


def test_reconciliation_holds(crafted_build):
    root, dbt, _ = crafted_build
    con = duckdb.connect(str(dbt.duckdb_path), read_only=True)
    try:
        rows = con.execute(
            """
            select source_system, source_table, raw_rows, staged_rows, quarantined_rows
            from intermediate.int_source_rows_reconciled
            """
        ).fetchall()
    finally:
        con.close()
    assert len(rows) == len(list((root / "raw").glob("*/*.parquet")))
    for system, table, raw_rows, staged, quarantined in rows:
        assert raw_rows == pq.read_metadata(root / "raw" / system / f"{table}.parquet").num_rows
        assert staged + quarantined == raw_rows, (system, table)
    results = (dbt.target_path / "run_results.json").read_text()
    reconciliations = [
        r for r in json.loads(results)["results"] if "reconciles_with_staging" in r["unique_id"]
    ]
    assert reconciliations and all(r["status"] == "pass" for r in reconciliations)


def test_no_crafted_value_reaches_the_console_logs_or_target(crafted_build):
    root, dbt, result = crafted_build
    needles = [n.lower().encode() for c in CRAFTED for n in c.shows_as]
    written = [
        path
        for folder in (dbt.target_path, root / "logs")
        for path in folder.rglob("*")
        if path.is_file()
    ]
    assert any(path.name == "dbt.log" for path in written)
    assert any(path.name == "run_results.json" for path in written)
    sources = [("console", (result.stdout + result.stderr).encode())]
    sources += [(str(path), path.read_bytes()) for path in written]
    leaks = [
        (name, needle.decode())
        for name, content in sources
        for needle in needles
        if needle in content.lower()
    ]
    assert not leaks, leaks[:10]
