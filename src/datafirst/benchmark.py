"""The whole pipeline at several scales: generate, build, catalogue.

``python -m datafirst.benchmark --people 10000 100000 1000000 [--readme] [--spark]``

For each scale, in a scratch folder: the generator writes the extracts, ``dbt
build`` builds and tests the warehouse, ``dbt docs generate`` writes the
catalogue. Each stage runs as its own process; the report gives its wall time,
its peak memory (the process's maximum resident set), and rows in and out.
The build is also broken down by layer from dbt's run results (time spent in
the layer's nodes). The linkage quality bars are warnings in the benchmark's
builds (``BUILD_VARS``): at a scale where a bar is missed, the build still
builds everything downstream, and the missed bars are reported by name. In
the same run, bare Splink predicts and clusters the same person records with
the same committed models, and the linkage stage's time is divided by it.

With ``--spark`` the same extract is also built on local Spark (the
``spark`` target, ``make spark-setup`` first), timed beside DuckDB's build
and broken down by layer the same way.

Results go to ``benchmark/pipeline.json``, a chart of time against size to
``benchmark/pipeline.png``, and, with ``--readme``, the table between the
README's benchmark markers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from datafirst.linkage.benchmark import LINKAGE_MODELS, bare_splink
from datafirst.project import PROJECT_ROOT, Dbt, executable

# Quality bars warn rather than fail, so that a missed bar at some scale does
# not skip the models downstream of it (the accuracy table reports them).
BUILD_VARS = "{linkage_quality_bar_severity: warn}"

README_START = "<!-- benchmark:start -->"
README_END = "<!-- benchmark:end -->"
LAYERS = ("seeds", "staging", "intermediate", "linkage", "evaluation", "marts", "tests")


def layer_seconds(target: Path) -> dict[str, float]:
    manifest = json.loads((target / "manifest.json").read_text())
    results = json.loads((target / "run_results.json").read_text())["results"]
    totals = dict.fromkeys(LAYERS, 0.0)
    for result in results:
        node = manifest["nodes"].get(result["unique_id"], {})
        path = node.get("original_file_path", "")
        kind = result["unique_id"].split(".")[0]
        if kind == "seed":
            layer = "seeds"
        elif kind in ("test", "unit_test"):
            layer = "tests"
        elif "/linkage/evaluation/" in path:
            layer = "evaluation"
        else:
            layer = next(
                (
                    name
                    for name in ("staging", "intermediate", "linkage", "marts")
                    if f"/{name}/" in path
                ),
                "linkage",
            )
        totals[layer] += result["execution_time"]
    return {k: round(v, 1) for k, v in totals.items()}


def count_rows(duckdb_path: Path, schema: str) -> int:
    con = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        tables = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = ? and table_type = 'BASE TABLE'",
                [schema],
            ).fetchall()
        ]
        return sum(
            con.execute(f'select count(*) from "{schema}"."{t}"').fetchone()[0] for t in tables
        )
    finally:
        con.close()


def accuracy(duckdb_path: Path) -> dict:
    """The linkage evaluation of a built warehouse: pairwise precision,
    recall and F1 per scope at the default threshold, the journeys, and the
    F1 gap between sexes and between ethnic groups per scope."""
    con = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        scopes = {
            scope: {"precision": p, "recall": r, "f1": f1}
            for scope, p, r, f1 in con.execute(
                "select scope, precision, recall, f1 from linkage.linkage_person_accuracy "
                "where threshold_level = 'default' and group_type = 'all' order by scope"
            ).fetchall()
        }
        journeys = con.execute("select * from linkage.linkage_journey_accuracy")
        columns = [d[0] for d in journeys.description]
        journey = dict(zip(columns, journeys.fetchone(), strict=True))
        gaps: dict[str, dict] = {}
        gap_errors: dict[str, dict] = {}
        for scope, group_type, gap, error in con.execute(
            "select scope, group_type, f1_gap, f1_gap_standard_error "
            "from linkage.linkage_accuracy_fairness where threshold_level = 'default'"
        ).fetchall():
            gaps.setdefault(scope, {})[group_type] = gap
            gap_errors.setdefault(scope, {})[group_type] = error
    finally:
        con.close()
    return {
        "scopes": scopes,
        "journeys": journey,
        "f1_gaps": gaps,
        "f1_gap_standard_errors": gap_errors,
    }


def measure(people: int, seed: int, folder: Path, timing: bool = True, spark: bool = False) -> dict:
    """Generate and build at one scale and seed; with ``timing``, also the
    catalogue, the Spark build (with ``spark``) and bare Splink on the same
    records (the speed figures)."""
    dbt = Dbt.in_folder(folder)
    env = dbt.env
    row: dict = {"people": people, "seed": seed}

    generate = run_stage(
        [executable("datafirst-generate"), "--people", str(people), "--seed", str(seed), "--quiet"],
        env,
    )
    summary = json.loads((folder / "raw" / "_manifest.json").read_text())
    row["generate"] = {**generate, "rows_in": people, "rows_out": summary["source_records"]}

    build = run_stage(dbt.command("build", "--vars", BUILD_VARS), env)
    row["build"] = {
        **build,
        "rows_in": summary["source_records"],
        "rows_out": count_rows(folder / "warehouse.duckdb", "marts"),
        "layers": layer_seconds(folder / "target"),
    }
    row["accuracy"] = accuracy(folder / "warehouse.duckdb")
    if not timing:
        return row

    docs = run_stage(dbt.command("docs", "generate", "--static"), env)
    row["docs"] = {
        **docs,
        "rows_in": len(json.loads((folder / "target" / "manifest.json").read_text())["nodes"]),
        "rows_out": (folder / "target" / "static_index.html").stat().st_size // 1024,
    }

    if spark:
        on_spark = Dbt.in_folder(
            folder,
            DATAFIRST_TARGET="spark",
            DBT_TARGET_PATH=str(folder / "target-spark"),
            DBT_LOG_PATH=str(folder / "logs-spark"),
        )
        build = run_stage(on_spark.command("build", "--vars", BUILD_VARS), on_spark.env)
        # Peak memory: the Python driver's; the JVM is capped by
        # DATAFIRST_SPARK_MEMORY.
        row["spark_build"] = {**build, "layers": layer_seconds(folder / "target-spark")}

    # Linkage stage against bare Splink on the same records, same run.
    con = duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True)
    records = con.sql("select * from intermediate.int_person_records_unioned").to_arrow_table()
    con.close()
    bare, edges = bare_splink(records)
    linkage = row["build"]["linkage_models_seconds"]
    row["linkage"] = {
        "person_records": records.num_rows,
        "links_scored": edges,
        "bare_splink_seconds": round(bare, 1),
        "linkage_stage_seconds": linkage,
        "ratio": round(linkage / bare, 2),
    }
    return row


def run_stage(command: list[str], env: dict) -> dict:
    """Run one stage in its own process: wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    target = Path(env["DBT_TARGET_PATH"]) / "run_results.json"
    is_build = "build" in command
    if code and not (is_build and target.exists()):
        text = output.decode(errors="replace")
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-4000:]}")
    result = {
        "seconds": round(seconds, 1),
        "peak_memory_mb": round(usage.ru_maxrss / 1024),
        "exit_code": code,
    }
    if is_build and target.exists():
        run = json.loads(target.read_text())["results"]
        # A failing data test at some scale is reported, not hidden: the
        # timing still stands.
        result["failures"] = sorted(
            node_name(r["unique_id"]) for r in run if r["status"] in ("error", "fail")
        )
        result["bars_missed"] = sorted(
            node_name(r["unique_id"])
            for r in run
            if r["status"] == "warn" and "_bar" in node_name(r["unique_id"])
        )
        result["linkage_models_seconds"] = round(
            sum(
                r["execution_time"]
                for r in run
                if r["unique_id"].startswith("model.")
                and r["unique_id"].split(".")[-1] in LINKAGE_MODELS
            ),
            1,
        )
    return result


def node_name(unique_id: str) -> str:
    """A dbt node's name from its unique id (``test.datafirst.<name>.<hash>``
    for a test, ``model.datafirst.<name>`` for a model)."""
    return unique_id.split(".")[2]


def table(rows: list[dict]) -> str:
    lines = [
        "| people | source records | generate | build | docs | total | peak memory "
        "| mart rows | person records | linkage stage / bare Splink |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        total = row["generate"]["seconds"] + row["build"]["seconds"] + row["docs"]["seconds"]
        peak = max(row[s]["peak_memory_mb"] for s in ("generate", "build", "docs"))
        link = row["linkage"]
        lines.append(
            f"| {row['people']:,} | {row['generate']['rows_out']:,} "
            f"| {row['generate']['seconds']:.0f} s | {row['build']['seconds']:.0f} s "
            f"| {row['docs']['seconds']:.0f} s | {total:.0f} s | {peak / 1024:.1f} GB "
            f"| {row['build']['rows_out']:,} | {link['person_records']:,} "
            f"| {link['linkage_stage_seconds']:.0f} s / {link['bare_splink_seconds']:.0f} s "
            f"= {link['ratio']:.2f} |"
        )
    lines += [
        "",
        "Build time by layer (seconds of dbt node execution; threads overlap):",
        "",
        "| people | " + " | ".join(LAYERS) + " |",
        "|---:|" + "---:|" * len(LAYERS),
    ]
    for row in rows:
        layers = row["build"]["layers"]
        lines.append(
            f"| {row['people']:,} | " + " | ".join(f"{layers[k]:.0f}" for k in LAYERS) + " |"
        )
    spark_rows = [row for row in rows if "spark_build" in row]
    if spark_rows:
        lines += [
            "",
            "The same build on local Spark (`--spark`; seconds of wall time, then by layer):",
            "",
            "| people | DuckDB build | Spark build | " + " | ".join(LAYERS) + " |",
            "|---:|---:|---:|" + "---:|" * len(LAYERS),
        ]
        for row in spark_rows:
            layers = row["spark_build"]["layers"]
            lines.append(
                f"| {row['people']:,} | {row['build']['seconds']:.0f} s "
                f"| {row['spark_build']['seconds']:.0f} s | "
                + " | ".join(f"{layers[k]:.0f}" for k in LAYERS)
                + " |"
            )
    for row in rows:
        lines += ["", build_outcome(row)]
    return "\n".join(lines)


def build_outcome(row: dict) -> str:
    """One sentence: the build's failing tests and the quality bars it missed."""
    failures = row["build"].get("failures") or []
    missed = row["build"].get("bars_missed") or []
    text = f"At {row['people']:,} people `dbt build` " + (
        f"reported {len(failures)} failing tests: {', '.join(failures)}."
        if failures
        else "passed every test."
    )
    if missed:
        text += f" Quality bars missed (warnings here): {', '.join(missed)}."
    return text


ACCURACY_SCOPES = (
    "mags_hocas",
    "crown_xhibit",
    "prison_nomis",
    "probation_delius",
    "prison_oasys",
    "familyman",
    "civil_caseman",
    "civil_pcol",
    "cross_justice",
)


def accuracy_table(rows: list[dict]) -> str:
    """Precision / recall / F1 per scope, a column per scale and seed."""
    heads = [f"{r['people']:,}, seed {r['seed']}" for r in rows]
    lines = [
        "Linkage accuracy at the default threshold (pairwise precision / recall / F1):",
        "",
        "| scope | " + " | ".join(heads) + " |",
        "|---|" + "---|" * len(rows),
    ]
    for scope in ACCURACY_SCOPES:
        cells = []
        for row in rows:
            m = row["accuracy"]["scopes"].get(scope)
            cells.append(f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}" if m else "")
        lines.append(f"| {scope} | " + " | ".join(cells) + " |")
    cells = []
    for row in rows:
        j = row["accuracy"]["journeys"]
        cells.append(
            f"{j['linked_right']:,} right, {j['linked_wrong']} wrong, {j['missed']} missed, "
            f"{j['lost_to_quarantine']} lost to quarantine"
        )
    lines.append("| journeys | " + " | ".join(cells) + " |")
    # The fairness bar holds for the criminal scopes and cross-justice.
    fair = (*ACCURACY_SCOPES[:5], "cross_justice")
    for group in ("sex", "ethnic_group"):
        cells = []
        for row in rows:
            gaps = row["accuracy"]["f1_gaps"]
            errors = row["accuracy"].get("f1_gap_standard_errors", {})
            widest = max(fair, key=lambda s: gaps.get(s, {}).get(group, 0))
            cell = f"{gaps.get(widest, {}).get(group, 0):.3f}"
            if group in errors.get(widest, {}):
                cell += f" ± {errors[widest][group]:.3f} ({widest})"
            cells.append(cell)
        label = f"largest F1 gap by {group} (criminal, cross-justice; ± standard error)"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    people = [r["people"] for r in rows]
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for stage in ("generate", "build", "docs"):
        ax.plot(people, [r[stage]["seconds"] for r in rows], marker="o", label=stage)
    ax.plot(
        people,
        [r["linkage"]["linkage_stage_seconds"] for r in rows],
        marker="s",
        linestyle="--",
        label="linkage (within build)",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("simulated people")
    ax.set_ylabel("wall time (s)")
    ax.set_title("Pipeline time against size (2 cores)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_readme(text: str) -> None:
    readme = PROJECT_ROOT / "README.md"
    content = readme.read_text()
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
    if not pattern.search(content):
        raise RuntimeError(f"README has no {README_START} ... {README_END} section")
    content = pattern.sub(lambda _: f"{README_START}\n{text}\n{README_END}", content)
    readme.write_text(content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=20110101)
    parser.add_argument(
        "--accuracy-seeds",
        type=int,
        nargs="*",
        default=[777],
        help="further seeds built at every scale for the accuracy table only",
    )
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "benchmark")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: temp)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--spark", action="store_true", help="also build on local Spark")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows, extra = [], []
    for people in args.people:
        for seed in (args.seed, *args.accuracy_seeds):
            folder = Path(tempfile.mkdtemp(prefix=f"bench{people}-", dir=args.workdir))
            try:
                row = measure(people, seed, folder, timing=seed == args.seed, spark=args.spark)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            (rows if seed == args.seed else extra).append(row)
            (args.out / "pipeline.json").write_text(json.dumps(rows + extra, indent=2) + "\n")
            sys.stdout.write(json.dumps(row) + "\n")
            sys.stdout.flush()
    chart(rows, args.out / "pipeline.png")
    ordered = sorted(rows + extra, key=lambda r: (r["people"], r["seed"] != args.seed))
    text = table(rows) + "\n\n" + accuracy_table(ordered)
    sys.stdout.write(text + "\n")
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
