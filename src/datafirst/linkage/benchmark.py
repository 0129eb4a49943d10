"""Linkage speed: the warehouse's linkage stage against bare Splink
predict-and-cluster on the same standardised records, in the same run.

``python -m datafirst.linkage.benchmark`` reads the person records of a built
warehouse (``DATAFIRST_DUCKDB_PATH``), times bare Splink (each committed model
loaded and predicting at its low threshold, then one connected-components
clustering of all links), then runs the dbt linkage models on the same
warehouse and takes their execution time from dbt's run results. It prints
both times and their ratio (the target is at most 1.5).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
from splink import DuckDBAPI, Linker

from datafirst.linkage import engine
from datafirst.linkage.specs import CROSS_JUSTICE, DEDUPE_MODELS
from datafirst.project import Dbt, duckdb_path

LINKAGE_MODELS = ("linkage_person_links", "linkage_person_clusters")


def bare_splink(records: pa.Table) -> tuple[float, int]:
    """Seconds for plain Splink predict + cluster with the committed models."""
    started = time.perf_counter()
    edges = []
    for model in (*DEDUPE_MODELS.values(), CROSS_JUSTICE):
        trained = engine.load_model(model.name)
        tables = engine.split_by_dataset(records, model)
        if not tables or (model.link_type == "link_only" and len(tables) < 2):
            continue
        db_api = DuckDBAPI()
        frames = [db_api.register(t, dataset_display_name=n) for n, t in tables.items()]
        linker = Linker(frames if len(frames) > 1 else frames[0], trained["splink"])
        scored = linker.inference.predict(
            threshold_match_probability=trained["datafirst"]["thresholds"]["low"]
        ).as_pyarrow_table()
        edges.append(scored.select(["record_id_l", "record_id_r", "match_probability"]))
    all_edges = pa.concat_tables(edges)
    engine.connected_components(records.select(["record_id"]), all_edges)
    return time.perf_counter() - started, all_edges.num_rows


def dbt_linkage_stage(dbt: Dbt) -> float:
    """Seconds dbt spent building the linkage models (from run_results)."""
    with tempfile.TemporaryDirectory() as target:
        dbt.check("run", "-s", *LINKAGE_MODELS, DBT_TARGET_PATH=target)
        results = json.loads((Path(target) / "run_results.json").read_text())["results"]
        return sum(
            r["execution_time"] for r in results if r["unique_id"].split(".")[-1] in LINKAGE_MODELS
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duckdb",
        type=Path,
        default=duckdb_path(),
    )
    args = parser.parse_args(argv)
    con = duckdb.connect(str(args.duckdb), read_only=True)
    records = con.sql("select * from intermediate.int_person_records_unioned").to_arrow_table()
    con.close()
    bare, edges = bare_splink(records)
    dbt = Dbt()
    dbt.env["DATAFIRST_DUCKDB_PATH"] = str(args.duckdb)
    stage = dbt_linkage_stage(dbt)
    report = {
        "person_records": records.num_rows,
        "links_scored": edges,
        "bare_splink_seconds": round(bare, 2),
        "linkage_stage_seconds": round(stage, 2),
        "ratio": round(stage / bare, 2),
    }
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
