"""Run every analysis in ``analyses/`` on a built warehouse and write its
outputs (CSV, plus a PNG chart where the analysis asks for one) to a results
folder.

``python -m datafirst.research.run [--results results] [--select name ...]``

The analyses are dbt analyses: dbt compiles them (refs resolve to the marts,
the disclosure-control macro expands), and this command runs the compiled
SQL read-only against the warehouse (``DATAFIRST_DUCKDB_PATH``). Before
writing anything it checks every output against the disclosure rule: each
``*_count`` column holds only suppressed cells (null) or multiples of
``sdc_rounding`` of at least ``sdc_min_count``; an output that breaks the
rule is not written and the command fails.

An analysis asks for a chart in its properties (``analyses/_analyses.yml``)::

    config:
      meta:
        chart: {kind: bar, x: age_band, y: custody_rate, series: ethnic_group}
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from datafirst.project import PROJECT_ROOT, Dbt, dbt_vars

COUNT_SUFFIX = "_count"


@dataclass
class Analysis:
    name: str
    description: str
    sql: str
    chart: dict | None


@dataclass
class Output:
    columns: list[str]
    rows: list[tuple]


class DisclosureError(ValueError):
    """An output cell breaks the disclosure-control rule."""


def compile_analyses(dbt: Dbt, target: Path) -> list[Analysis]:
    """Compile the analyses with dbt and read them from the manifest."""
    dbt.check("compile", "-s", "resource_type:analysis", "--target-path", str(target))
    manifest = json.loads((target / "manifest.json").read_text())
    analyses = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "analysis":
            continue
        compiled = target / "compiled" / "datafirst" / node["original_file_path"]
        meta = node.get("config", {}).get("meta", {}) or node.get("meta", {})
        analyses.append(
            Analysis(
                name=node["name"],
                description=node.get("description", ""),
                sql=compiled.read_text(),
                chart=meta.get("chart"),
            )
        )
    return sorted(analyses, key=lambda a: a.name)


def check_disclosure(output: Output, min_count: int, rounding: int) -> list[str]:
    """Every breach of the rule in an output (empty when it is safe)."""
    breaches = []
    for index, column in enumerate(output.columns):
        if not column.endswith(COUNT_SUFFIX):
            continue
        for row in output.rows:
            value = row[index]
            if value is None:
                continue
            if value < min_count or value % rounding:
                breaches.append(f"{column}={value}")
    return breaches


def run_analysis(con, analysis: Analysis) -> Output:
    relation = con.sql(analysis.sql)
    return Output(columns=list(relation.columns), rows=relation.fetchall())


def write_csv(path: Path, output: Output) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(output.columns)
        writer.writerows(output.rows)


def write_chart(path: Path, output: Output, chart: dict, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x_col, y_col, series_col = chart["x"], chart["y"], chart.get("series")
    col = {c: i for i, c in enumerate(output.columns)}
    series: dict[str, list[tuple]] = {}
    for row in output.rows:
        key = str(row[col[series_col]]) if series_col else y_col
        series.setdefault(key, []).append((row[col[x_col]], row[col[y_col]]))
    xs = sorted({str(r[col[x_col]]) for r in output.rows})
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / max(len(series), 1)
    for i, (name, points) in enumerate(sorted(series.items())):
        values = dict((str(x), y) for x, y in points)
        ys = [values.get(x) for x in xs]
        if chart.get("kind", "bar") == "line":
            ax.plot(xs, [float("nan") if y is None else y for y in ys], marker="o", label=name)
        else:
            positions = [j + i * width for j in range(len(xs))]
            ax.bar(positions, [0 if y is None else y for y in ys], width=width, label=name)
    if chart.get("kind", "bar") != "line":
        ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(xs))], xs)
    ax.set_xlabel(x_col)
    ax.set_ylabel(y_col)
    ax.set_title(title, fontsize=10)
    if series_col:
        ax.legend(title=series_col, fontsize=8)
    ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(results: Path, dbt: Dbt, select: list[str] | None = None) -> dict[str, Output]:
    """Compile, run, check and write every analysis; return the outputs."""
    settings = dbt_vars()
    results.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as target:
        analyses = compile_analyses(dbt, Path(target))
    if select:
        analyses = [a for a in analyses if a.name in select]
    con = duckdb.connect(str(dbt.duckdb_path), read_only=True)
    outputs = {}
    try:
        for analysis in analyses:
            output = run_analysis(con, analysis)
            breaches = check_disclosure(output, settings["sdc_min_count"], settings["sdc_rounding"])
            if breaches:
                raise DisclosureError(f"{analysis.name}: {', '.join(breaches[:10])}")
            write_csv(results / f"{analysis.name}.csv", output)
            if analysis.chart:
                write_chart(
                    results / f"{analysis.name}.png",
                    output,
                    analysis.chart,
                    analysis.description.split(".")[0],
                )
            outputs[analysis.name] = output
    finally:
        con.close()
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=PROJECT_ROOT / "results")
    parser.add_argument("--select", nargs="*", help="analysis names (default: all)")
    args = parser.parse_args(argv)
    outputs = run(args.results, Dbt(), args.select)
    for name, output in outputs.items():
        print(f"{name}: {len(output.rows)} rows -> {args.results / (name + '.csv')}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
