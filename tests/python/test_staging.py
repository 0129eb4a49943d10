"""Staging: every raw row is trusted or quarantined with a reason, every row
the generator corrupted is caught, missing extracts stop the build, and the
standardisation macros handle the tricky cases."""

from __future__ import annotations

import json
import re
import shutil

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from datafirst import registry
from datafirst.extracts import read_manifest, write_manifest
from datafirst.generator.systems import all_tables
from datafirst.project import PROJECT_ROOT
from datafirst.registry.dbt import render_read

TABLES = all_tables()


def _id(spec):
    return f"{spec.system}.{spec.table}"


@pytest.mark.parametrize("spec", TABLES, ids=_id)
def test_every_raw_row_is_trusted_or_quarantined(con, warehouse, spec):
    raw = pq.read_metadata(warehouse.raw_dir / spec.system / f"{spec.table}.parquet").num_rows
    trusted, quarantined = con.execute(
        f"""
        select count(*),
               (select count(*) from intermediate.int_source_rows_quarantined
                where source_system = '{spec.system}' and source_table = '{spec.table}')
        from intermediate.int_{spec.system}_{spec.table}_trusted
        """
    ).fetchone()
    assert trusted + quarantined == raw
    assert trusted > 0


@pytest.mark.parametrize("spec", TABLES, ids=_id)
def test_every_injected_malformation_is_caught(con, spec):
    """Checked against the generator's own log of what it corrupted."""
    rows = con.execute(
        f"""
        select m.row_number, m.malformation, m.column_name,
               s.quarantine_reason, s.dq_flags
        from truth_malformed_rows as m
        left join staging.stg_{spec.system}__{spec.table} as s
            on s.source_row_number = m.row_number
        where m.source_system = '{spec.system}' and m.source_table = '{spec.table}'
        """
    ).fetchall()
    missed = [r for r in rows if r[3] is None and r[4] is None]
    assert not missed, missed[:5]
    for _, kind, column, reason, _flags in rows:
        # Structural problems are named exactly.
        if kind in {"null_key", "duplicate_key"} and reason is not None:
            assert reason.startswith(("null_key", "duplicate_key")), (kind, reason)
        if kind == "negative_length" and reason is not None:
            assert reason.startswith("negative_length:"), (kind, column, reason)


def test_quarantined_share_is_close_to_the_injected_share(con):
    """Trusted rows are not thrown away: overall, what staging quarantines is
    about the size of what the generator corrupted (orphans, the children of
    those rows, come on top: tests/python/test_integrity.py)."""
    quarantined = con.execute(
        "select count(*) from intermediate.int_source_rows_quarantined "
        "where quarantine_kind not like 'orphan_of_%'"
    ).fetchone()[0]
    injected = con.execute("select count(*) from truth_malformed_rows").fetchone()[0]
    assert injected * 0.6 <= quarantined <= injected * 1.5


def test_reconciliation_is_tested_on_every_source(warehouse):
    manifest = json.loads((warehouse.target / "manifest.json").read_text())
    covered = {
        dependency
        for node in manifest["nodes"].values()
        if node.get("test_metadata", {}).get("name") == "reconciles_with_staging"
        for dependency in node["depends_on"]["nodes"]
    }
    assert {f"source.datafirst.{s.system}.{s.table}" for s in TABLES} <= covered


def test_quarantine_volume_warns_then_fails_past_its_thresholds(warehouse):
    warn = warehouse.dbt(
        "test", "-s", "int_source_rows_reconciled", "--vars", "{quarantine_warn_share: 0.0}"
    )
    assert warn.returncode == 0, warn.stdout[-2000:]
    assert "WARN" in warn.stdout and "quarantine_share_below_warning_level" in warn.stdout
    fail = warehouse.dbt(
        "test", "-s", "int_source_rows_reconciled", "--vars", "{quarantine_error_share: 0.0}"
    )
    assert fail.returncode != 0
    assert "quarantine_share_below_error_level" in fail.stdout


def test_build_reports_quarantine_volumes(warehouse):
    assert "Quarantine: rows of each raw table" in warehouse.build.stdout
    assert "libra.defendant_case:" in warehouse.build.stdout


@pytest.mark.parametrize("problem", ["missing", "empty"])
def test_missing_or_empty_extract_stops_the_build_naming_it(warehouse, tmp_path, problem):
    raw = tmp_path / "raw"
    shutil.copytree(warehouse.raw_dir, raw)
    victim = raw / "nomis" / "incidents.parquet"
    if problem == "missing":
        victim.unlink()
    else:
        schema = pq.read_schema(victim)
        pq.write_table(schema.empty_table(), victim)
    write_manifest(raw, read_manifest(raw))  # still a synthetic extract
    result = warehouse.dbt(
        "build",
        "-s",
        "stg_libra__hearing",
        DATAFIRST_RAW_DIR=str(raw),
        DATAFIRST_DUCKDB_PATH=str(tmp_path / "other.duckdb"),
    )
    assert result.returncode != 0
    assert f"nomis.incidents: {problem} extract" in result.stdout


def test_a_drifted_extract_stops_the_build_naming_table_column_and_types(warehouse, tmp_path):
    """Issue 13: an integer id written as a double emptied the marts silently.
    Every drift is named, nothing is built, and no raw value is quoted."""
    raw = tmp_path / "raw"
    shutil.copytree(warehouse.raw_dir, raw)
    raw_values = []

    def rewrite(system, table, change):
        path = raw / system / f"{table}.parquet"
        pq.write_table(change(pq.read_table(path)), path)

    def id_as_double(table):
        ids = table.column("defendant_case_id").cast(pa.float64())
        raw_values.extend(f"{value:.1f}" for value in ids.to_pylist()[:20])
        return table.set_column(
            table.schema.get_field_index("defendant_case_id"), "defendant_case_id", ids
        )

    def date_as_text(table):
        dates = pc.strftime(table.column("birth_date"), format="%d/%m/%Y")
        raw_values.extend(value for value in dates.to_pylist()[:20] if value)
        return table.set_column(table.schema.get_field_index("birth_date"), "birth_date", dates)

    def extra_column(table):
        notes = [f"note-{i}-about-someone" for i in range(table.num_rows)]
        raw_values.extend(notes[:20])
        return table.append_column("notes", pa.array(notes))

    rewrite("libra", "offence", id_as_double)
    rewrite("nomis", "offenders", date_as_text)
    rewrite("nomis", "incidents", extra_column)
    rewrite("familyman", "cases", lambda table: table.drop(["case_status"]))
    write_manifest(raw, read_manifest(raw))
    database = tmp_path / "drifted.duckdb"
    result = warehouse.dbt(
        "build",
        "-s",
        "stg_libra__hearing",
        DATAFIRST_RAW_DIR=str(raw),
        DATAFIRST_DUCKDB_PATH=str(database),
    )
    assert result.returncode != 0
    for message in (
        "libra.offence.defendant_case_id: type changed (expected bigint, found double)",
        "nomis.offenders.birth_date: type changed (expected date, found varchar)",
        "nomis.incidents.notes: extra column (expected none, found varchar)",
        "familyman.cases.case_status: missing column (expected varchar)",
    ):
        assert message in result.stdout, result.stdout[-3000:]
    assert "stg_libra__hearing" not in _built(result.stdout)
    output = result.stdout + result.stderr
    assert not [value for value in raw_values if value in output]


def _built(stdout: str) -> str:
    return "\n".join(line for line in stdout.splitlines() if " OK created " in line)


# --- one bad value quarantines one row -----------------------------------------------


def _write_with_invalid_utf8(path, ids, names):
    binary = pa.array(names, type=pa.binary())
    text = pa.Array.from_buffers(pa.string(), len(binary), binary.buffers())
    pq.write_table(pa.table({"party_id": pa.array(ids, pa.int64()), "surname": text}), path)


def test_the_shared_read_names_undecodable_and_oversized_text_instead_of_failing(tmp_path):
    """DuckDB refuses a whole Parquet file over one invalid UTF-8 value, and
    its error quotes the value; the read every staging model goes through
    (the sources' external_location) nulls such a value and names it."""
    spec = registry.TableSpec(
        "sys",
        "parties",
        "a table",
        "party",
        (
            registry.Column("party_id", "int64", "the key", "key"),
            registry.Column("surname", "string", "a name", "name"),
        ),
    )
    path = tmp_path / "sys" / "parties.parquet"
    path.parent.mkdir()
    names = [b"Smith", b"Zebedee\xff\xfeQuixote", b"Lee", b"O" * 256, None, "Zo\u00eb".encode()]
    _write_with_invalid_utf8(path, list(range(len(names))), names)
    con = duckdb.connect()
    with pytest.raises(duckdb.InvalidInputException, match="not valid UTF8"):
        con.execute(f"select * from read_parquet('{path}')").fetchall()
    read = render_read(spec).replace(
        "{{ env_var('DATAFIRST_RAW_DIR', 'data/raw') }}", str(tmp_path)
    )
    rows = con.execute(
        f"select party_id, surname, raw_text_problem from {read} order by party_id"
    ).fetchall()
    assert rows == [
        (0, "Smith", None),
        (1, None, "invalid_encoding:surname"),
        (2, "Lee", None),
        (3, None, "oversized_text:surname"),
        (4, None, None),
        (5, "Zo\u00eb", None),
    ]


SAFE_CASTS = {("timestamp", "date")}


@pytest.mark.parametrize("spec", TABLES, ids=_id)
def test_staging_never_casts_a_raw_value_in_a_way_that_can_fail(spec):
    """A cast that can fail on data (bigint to integer, double to decimal)
    raises an error quoting the value: staging narrows with try_cast and
    names the column in raw_value_problem, which quarantines the row."""
    path = (
        PROJECT_ROOT / "models" / "staging" / spec.system / f"stg_{spec.system}__{spec.table}.sql"
    )
    sql = path.read_text()
    declared = {c.name: registry.TYPES[c.type].replace(" ", "") for c in spec.columns}
    casts = re.findall(r"(?<![\w])(try_cast|cast)\((\w+) as ([a-z]+(?:\(\d+, ?\d+\))?)\)", sql)
    checked = re.search(r"raw_value_problem\((\{.*?\})?\)", sql, re.S)
    assert checked, "no raw_value_problem in the renamed CTE"
    narrowed = dict(re.findall(r"'(\w+)': '([^']+)'", checked.group(1) or ""))
    for function, column, target in casts:
        if column not in declared or target in ("varchar", "string"):
            continue
        source, target = declared[column], target.replace(" ", "")
        if function == "try_cast":
            assert narrowed.get(column, "").replace(" ", "") == target, column
        else:
            assert source == target or (source, target) in SAFE_CASTS, (column, source, target)


# --- standardisation macros ---------------------------------------------------------

NAME_CASES = [
    ("O'Brien", "OBRIEN"),
    ("O BRIEN", "OBRIEN"),
    ("o’brien", "OBRIEN"),
    ("McDonald", "MCDONALD"),
    ("Mc Donald", "MCDONALD"),
    ("MAC DONALD", "MACDONALD"),
    ("Smith-Jones", "SMITH JONES"),
    ("  smith   jones ", "SMITH JONES"),
    ("D'Arcy", "DARCY"),
    ("Mr John", "JOHN"),
    ("MRS. Jane", "JANE"),
    ("Dr Who", "WHO"),
    ("J.", "J"),
    ("J", "J"),
    ("Zoë", "ZOE"),
    ("François", "FRANCOIS"),
    ("UNKNOWN", None),
    ("Not Known", None),
    ("N/A", None),
    ("", None),
    ("   ", None),
    (None, None),
    ("Mary-Jane", "MARY JANE"),
    ("Marco", "MARCO"),
    ("Doherty", "DOHERTY"),
]

POSTCODE_CASES = [
    ("LS9 7AB", "LS9 7AB"),
    ("ls97ab", "LS9 7AB"),
    (" ls9  7ab ", "LS9 7AB"),
    ("sw1a1aa", "SW1A 1AA"),
    ("M1 1AE", "M1 1AE"),
    ("CR2 6XH", "CR2 6XH"),
    ("B5", None),
    ("NOT KNOWN", None),
    ("12345", None),
    ("", None),
    (None, None),
]

PNC_CASES = [
    ("2009/0123456K", "2009/0123456K"),
    ("09/123456K", "2009/0123456K"),
    ("95/12K", "1995/0000012K"),
    (" 2001 / 0000001a ", "2001/0000001A"),
    ("ABC", None),
    (None, None),
]


def _literal(value):
    return "null" if value is None else "'" + value.replace("'", "''") + "'"


def _run_macro(warehouse, macro, cases):
    values = " union all ".join(
        f"select {i} as case_id, cast({_literal(v)} as varchar) as input_value"
        for i, (v, _) in enumerate(cases)
    )
    sql = (
        f"with cases as ({values}) select case_id, {{{{ {macro}('input_value') }}}} as output "
        "from cases order by case_id"
    )
    result = warehouse.dbt(
        "show", "--inline", sql, "--limit", "1000", "--output", "json", "--log-format", "json"
    )
    assert result.returncode == 0, result.stdout[-3000:]
    for line in result.stdout.splitlines():
        event = json.loads(line)
        preview = event.get("data", {}).get("preview")
        if preview:
            rows = json.loads(preview) if isinstance(preview, str) else preview
            return [r["output"] for r in rows]
    raise AssertionError("no preview in dbt show output")


@pytest.mark.parametrize(
    "macro,cases",
    [
        ("standardise_name", NAME_CASES),
        ("standardise_postcode", POSTCODE_CASES),
        ("standardise_pnc", PNC_CASES),
    ],
)
def test_standardisation_macros(warehouse, macro, cases):
    got = _run_macro(warehouse, macro, cases)
    expected = [e for _, e in cases]
    mismatches = [(v, e, g) for (v, e), g in zip(cases, got, strict=True) if e != g]
    assert not mismatches
    assert got == expected
