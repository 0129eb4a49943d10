"""The dbt project end to end on a tiny extract made by the generator: seeds
load, every raw table resolves as a source, tests pass, the catalogue builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from datafirst.generator import GeneratorConfig, generate
from datafirst.generator.config import PROJECT_ROOT
from datafirst.generator.sources_yaml import check
from datafirst.generator.systems import all_tables

DBT = str(Path(sys.executable).with_name("dbt"))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """A tiny extract and an environment pointing dbt at it."""
    tmp = tmp_path_factory.mktemp("warehouse")
    cfg = GeneratorConfig(people=600, seed=3, raw_dir=tmp / "raw", truth_dir=tmp / "truth")
    generate(cfg)
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
        DATAFIRST_RAW_DIR=str(cfg.raw_dir),
        DATAFIRST_TRUTH_DIR=str(cfg.truth_dir),
        DATAFIRST_DUCKDB_PATH=str(tmp / "warehouse.duckdb"),
        DBT_TARGET_PATH=str(tmp / "target"),
        DBT_LOG_PATH=str(tmp / "logs"),
    )
    return {"env": env, "tmp": tmp, "target": tmp / "target"}


def dbt(warehouse, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [DBT, *args],
        cwd=PROJECT_ROOT,
        env=warehouse["env"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_source_definitions_match_the_generator():
    assert check() == []


def test_dbt_build_runs_on_the_generated_extract(warehouse):
    result = dbt(warehouse, "build")
    assert result.returncode == 0, result.stdout[-4000:]
    run = json.loads((warehouse["target"] / "run_results.json").read_text())
    statuses = {r["status"] for r in run["results"]}
    assert statuses <= {"success", "pass", "warn"}
    assert len(run["results"]) > 50


def test_every_raw_table_is_a_documented_source(warehouse):
    result = dbt(warehouse, "docs", "generate")
    assert result.returncode == 0, result.stdout[-4000:]
    manifest = json.loads((warehouse["target"] / "manifest.json").read_text())
    assert (warehouse["target"] / "index.html").exists()
    sources = {
        (s["source_name"], s["name"]): s
        for s in manifest["sources"].values()
        if s["package_name"] == "datafirst"
    }
    assert set(sources) == {(spec.system, spec.table) for spec in all_tables()}
    con = duckdb.connect()
    for spec in all_tables():
        source = sources[(spec.system, spec.table)]
        assert source["description"]
        assert set(source["columns"]) == {c.name for c in spec.columns}
        assert all(c["description"] for c in source["columns"].values())
        # dbt resolves the source to the system's Parquet file.
        relation = source["relation_name"]
        assert f"/{spec.system}/{spec.table}.parquet" in relation
        rows = con.execute(f"select count(*) from {relation}").fetchone()[0]
        assert (
            rows
            == pq.read_metadata(
                Path(warehouse["env"]["DATAFIRST_RAW_DIR"]) / spec.system / f"{spec.table}.parquet"
            ).num_rows
        )
