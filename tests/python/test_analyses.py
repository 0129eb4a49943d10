"""The research analyses (analyses/) on the demo-scale warehouse: every
analysis runs, writes a CSV (and the chart it asks for), and every published
count obeys the disclosure-control rule; plus the shared macro
disclosure_control on hand-built cells, and the runner's own check."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
import yaml

from datafirst.project import PROJECT_ROOT, Dbt, dbt_vars
from datafirst.research.run import (
    COUNT_SUFFIX,
    Output,
    check_disclosure,
    run,
)

ANALYSES_DIR = PROJECT_ROOT / "analyses"
ANALYSES = sorted(path.stem for path in ANALYSES_DIR.glob("*.sql"))
SETTINGS = dbt_vars()
MIN_COUNT = SETTINGS["sdc_min_count"]
ROUNDING = SETTINGS["sdc_rounding"]


def analyses_properties() -> dict[str, dict]:
    properties = yaml.safe_load((ANALYSES_DIR / "_analyses.yml").read_text())
    return {entry["name"]: entry for entry in properties["analyses"]}


def count_columns(output: Output) -> list[int]:
    return [i for i, column in enumerate(output.columns) if column.endswith(COUNT_SUFFIX)]


def dimension_columns(output: Output) -> list[int]:
    """The columns holding labels (text): the dimensions of the cells."""
    counts = set(count_columns(output))
    return [
        i
        for i in range(len(output.columns))
        if i not in counts and all(row[i] is None or isinstance(row[i], str) for row in output.rows)
    ]


def lines_with_one_suppressed(
    rows: list[tuple], dimensions: list[int], count: int
) -> list[tuple[int, tuple]]:
    """Every line of the table (the cells that differ along one dimension
    only) of more than one cell holding exactly one suppressed cell: such a
    cell could be recovered from the line's total."""
    breaches = []
    for dimension in dimensions:
        others = [d for d in dimensions if d != dimension]
        lines: dict[tuple, list[bool]] = {}
        for row in rows:
            key = tuple(row[d] for d in others)
            lines.setdefault(key, []).append(row[count] is None)
        breaches += [
            (dimension, key)
            for key, suppressed in lines.items()
            if len(suppressed) > 1 and sum(suppressed) == 1
        ]
    return breaches


# --- the analyses on the demo-scale warehouse ------------------------------


@pytest.fixture(scope="module")
def results(warehouse, tmp_path_factory) -> tuple[Path, dict[str, Output]]:
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-4000:]
    folder = tmp_path_factory.mktemp("analyses-results")
    return folder, run(folder, warehouse.cli)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_every_analysis_writes_a_csv_with_rows(results):
    folder, outputs = results
    assert len(ANALYSES) >= 10
    assert sorted(outputs) == ANALYSES
    for name in ANALYSES:
        columns, rows = read_csv(folder / f"{name}.csv")
        assert columns == outputs[name].columns, name
        assert len(rows) == len(outputs[name].rows) > 0, name
        assert any(column.endswith(COUNT_SUFFIX) for column in columns), name


def test_every_published_count_is_suppressed_or_rounded(results):
    folder, _ = results
    for name in ANALYSES:
        columns, rows = read_csv(folder / f"{name}.csv")
        for column in (c for c in columns if c.endswith(COUNT_SUFFIX)):
            for row in rows:
                value = row[column]
                if value == "":
                    continue
                assert int(value) >= MIN_COUNT, (name, column, value)
                assert int(value) % ROUNDING == 0, (name, column, value)


def test_the_rule_is_exercised_without_hiding_everything(results):
    _, outputs = results
    suppressed = published = 0
    for name, output in outputs.items():
        cells = [row[i] for row in output.rows for i in count_columns(output)]
        assert any(value is not None for value in cells), f"{name}: every count suppressed"
        suppressed += sum(value is None for value in cells)
        published += sum(value is not None for value in cells)
    assert suppressed > 0
    # Coarse dimensions: most cells survive at the demo scale.
    assert published > 3 * suppressed


def test_no_line_of_an_output_has_a_single_suppressed_cell(results):
    _, outputs = results
    for name, output in outputs.items():
        dimensions = dimension_columns(output)
        assert dimensions, name
        for count in count_columns(output):
            breaches = lines_with_one_suppressed(output.rows, dimensions, count)
            assert breaches == [], (name, output.columns[count], breaches[:3])


def test_rates_are_computed_from_the_safe_counts(results):
    _, outputs = results
    output = outputs["magistrates_custody_by_age_ethnicity"]
    col = {c: i for i, c in enumerate(output.columns)}
    checked = 0
    for row in output.rows:
        sentenced, custody = row[col["sentenced_count"]], row[col["custody_count"]]
        rate = row[col["custody_rate"]]
        if sentenced is None or custody is None:
            assert rate is None
        else:
            assert rate == pytest.approx(round(custody / sentenced, 3))
            checked += 1
    assert checked > 0


def test_medians_are_published_only_with_their_safe_cell_count(results):
    _, outputs = results
    output = outputs["crown_court_median_wait"]
    col = {c: i for i, c in enumerate(output.columns)}
    medians = 0
    for row in output.rows:
        median = row[col["median_days_receipt_to_disposal"]]
        if row[col["cases_count"]] is None:
            assert median is None
        elif median is not None:
            assert median > 0
            medians += 1
    assert medians > 0
    # Trials wait longer than committals for sentence.
    by_value = {row[col["driver_value"]]: row for row in output.rows}
    trial = by_value["trial"][col["median_days_receipt_to_disposal"]]
    committal = by_value["committal_for_sentence"][col["median_days_receipt_to_disposal"]]
    assert trial > committal


def test_linkage_sensitivity_has_the_three_thresholds(results):
    _, outputs = results
    output = outputs["linkage_sensitivity_cross_justice"]
    col = {c: i for i, c in enumerate(output.columns)}
    totals = {
        row[col["threshold_level"]]: row
        for row in output.rows
        if row[col["first_case_result"]] == "all"
    }
    assert set(totals) == {"low", "default", "high"}
    assert totals["default"][col["custody_2y_rate_shift"]] == 0
    # A lower threshold merges more records into one person: fewer people.
    people = {level: row[col["defendants_count"]] for level, row in totals.items()}
    assert people["low"] <= people["default"] <= people["high"]


def test_charts_exist_where_the_properties_ask_for_them(results):
    folder, outputs = results
    properties = analyses_properties()
    charts = 0
    for name in ANALYSES:
        meta = properties[name].get("config", {}).get("meta", {})
        chart = meta.get("chart")
        png = folder / f"{name}.png"
        if chart is None:
            assert not png.exists(), name
            continue
        charts += 1
        columns = outputs[name].columns
        for key in ("x", "y", "series"):
            assert chart.get(key) is None or chart[key] in columns, (name, key)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    assert charts >= 5


def test_every_analysis_and_column_is_documented(results):
    _, outputs = results
    properties = analyses_properties()
    assert sorted(properties) == ANALYSES
    for name in ANALYSES:
        entry = properties[name]
        assert "{{ doc('disclosure_control_rule') }}" in entry["description"], name
        described = {column["name"]: column.get("description") for column in entry["columns"]}
        assert list(described) == outputs[name].columns, name
        assert all(described.values()), name


# --- the macro on hand-built cells -------------------------------------------


@pytest.fixture(scope="module")
def dbt_env(tmp_path_factory) -> Dbt:
    """dbt on a scratch folder (no warehouse needed: the macro tests compile
    against the in-memory lint target)."""
    return Dbt.in_folder(tmp_path_factory.mktemp("macro"), database="unused.duckdb")


def compile_inline(dbt_env: Dbt, sql: str) -> str:
    """dbt's compiled SQL for an inline query."""
    result = dbt_env.run(
        "compile", "--quiet", "--target", "lint", "--output", "json", "--inline", sql
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return json.loads(result.stdout[result.stdout.index("{") :])["compiled"]


def protect(dbt_env, cells: list[tuple], dimensions: list[str], counts: list[str]):
    """Run the macro over hand-built cells; return {dimension values: row}."""
    sql = compile_inline(
        dbt_env,
        "with cells as (select * from hand_built_cells), "
        f"safe as ({{{{ disclosure_control('cells', {dimensions}, {counts}) }}}}) "
        "select * from safe",
    )
    con = duckdb.connect()
    columns = [*dimensions, *counts]
    types = ", ".join(f"{c} {'varchar' if c in dimensions else 'integer'}" for c in columns)
    con.execute(f"create table hand_built_cells ({types})")
    con.executemany(f"insert into hand_built_cells values ({', '.join('?' * len(columns))})", cells)
    relation = con.sql(sql)
    names = relation.columns
    rows = [dict(zip(names, row, strict=True)) for row in relation.fetchall()]
    con.close()
    assert sorted(names) == sorted(columns)
    return {tuple(row[d] for d in dimensions): row for row in rows}


GRID = {
    # row: counts for columns c1, c2, c3, c4
    "r1": [4, 50, 61, 80],
    "r2": [30, 43, 70, 12],
    "r3": [27, 36, 13, 10],
    "r4": [9, 52, 44, 38],
}


@pytest.fixture(scope="module")
def protected_grid(dbt_env):
    cells = [
        (row, f"c{j + 1}", value, value * 3)
        for row, values in GRID.items()
        for j, value in enumerate(values)
    ]
    return protect(dbt_env, cells, ["row_dim", "col_dim"], ["x_count", "y_count"])


def test_macro_suppresses_counts_below_the_minimum(protected_grid):
    assert protected_grid[("r1", "c1")]["x_count"] is None  # 4
    assert protected_grid[("r4", "c1")]["x_count"] is None  # 9
    # 10 is the smallest count published.
    assert protected_grid[("r3", "c4")]["x_count"] == 10


def test_macro_rounds_kept_counts_to_the_nearest_five(protected_grid):
    kept = 0
    for (row, column), cell in protected_grid.items():
        raw = GRID[row][int(column[1:]) - 1]
        if cell["x_count"] is not None:
            assert cell["x_count"] == 5 * round(raw / 5)
            kept += 1
    assert kept == 12
    assert protected_grid[("r2", "c4")]["x_count"] == 10  # 12
    assert protected_grid[("r3", "c3")]["x_count"] == 15  # 13
    assert protected_grid[("r2", "c2")]["x_count"] == 45  # 43
    assert protected_grid[("r1", "c3")]["x_count"] == 60  # 61


def test_macro_adds_secondary_suppression_on_every_line(protected_grid):
    rows = [(row, column, cell["x_count"]) for (row, column), cell in protected_grid.items()]
    # Rows r1 and r4 each hold one small cell (column c1): without
    # secondary suppression it could be recovered from the row's total.
    assert lines_with_one_suppressed(rows, [0, 1], 2) == []
    suppressed = {(row, column) for row, column, value in rows if value is None}
    assert {("r1", "c1"), ("r4", "c1")} < suppressed
    # The two rows share their second suppressed column: a rectangle of four
    # cells protects both rows and both columns.
    assert len(suppressed) == 4
    assert {column for row, column in suppressed if row == "r1"} == {
        column for row, column in suppressed if row == "r4"
    }


def test_macro_protects_each_count_column_on_its_own(protected_grid):
    # y_count is three times x_count: no cell of it is below 10.
    assert all(cell["y_count"] is not None for cell in protected_grid.values())
    assert protected_grid[("r1", "c1")]["y_count"] == 10  # 12
    assert protected_grid[("r4", "c1")]["y_count"] == 25  # 27


def test_macro_on_one_dimension(dbt_env):
    cells = [("a", 5), ("b", 100), ("c", 212), ("d", 37)]
    safe = protect(dbt_env, cells, ["category"], ["x_count"])
    assert safe[("a",)]["x_count"] is None
    # The smallest other cell is suppressed too, so that "a" cannot be
    # recovered from the total.
    assert safe[("d",)]["x_count"] is None
    assert safe[("b",)]["x_count"] == 100
    assert safe[("c",)]["x_count"] == 210


def test_macro_secondary_suppression_converges_on_a_sparse_table(dbt_env):
    grid = {"a0": [4, 24, 12, 32], "a1": [None, 28, 40, None]}
    cells = [
        (row, f"b{j}", value)
        for row, values in grid.items()
        for j, value in enumerate(values)
        if value is not None
    ]
    safe = protect(dbt_env, cells, ["dim_a", "dim_b"], ["x_count"])
    rows = [(a, b, cell["x_count"]) for (a, b), cell in safe.items()]
    assert lines_with_one_suppressed(rows, [0, 1], 2) == []


# --- the runner's check ------------------------------------------------------


def test_runner_check_finds_every_breach():
    unsafe = Output(
        columns=["group", "people_count", "share", "cases_count"],
        rows=[
            ("a", 7, 0.5, 20),
            ("b", 12, 7, None),
            ("c", 15, None, 0),
            ("d", None, None, 1000),
        ],
    )
    breaches = check_disclosure(unsafe, MIN_COUNT, ROUNDING)
    # A non-count column (share) is not checked; nulls are suppressed cells.
    assert sorted(breaches) == ["cases_count=0", "people_count=12", "people_count=7"]


def test_runner_check_accepts_a_safe_output():
    safe = Output(
        columns=["group", "people_count", "people_rate"],
        rows=[("a", 10, 0.1), ("b", None, None), ("c", 1005, 3)],
    )
    assert check_disclosure(safe, MIN_COUNT, ROUNDING) == []
