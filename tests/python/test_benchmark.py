"""The benchmark builds every scale to the end: a quality bar missed at some
scale is a warning it reports, not a failure that skips the models after it."""

from __future__ import annotations

import json

import pytest

from datafirst import benchmark


class _Stop(Exception):
    pass


def test_the_benchmark_builds_with_quality_bars_as_warnings(tmp_path, monkeypatch):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "_manifest.json").write_text(json.dumps({"source_records": 1}))
    commands = []

    def fake_stage(command, env):
        commands.append(command)
        if "build" in command:
            raise _Stop
        return {"seconds": 0.0, "peak_memory_mb": 0, "exit_code": 0}

    monkeypatch.setattr(benchmark, "run_stage", fake_stage)
    with pytest.raises(_Stop):
        benchmark.measure(10, 1, tmp_path)
    build = commands[-1]
    assert build[build.index("--vars") + 1] == benchmark.BUILD_VARS
    assert "linkage_quality_bar_severity: warn" in benchmark.BUILD_VARS


def test_the_report_names_failing_tests_and_missed_bars():
    row = {
        "people": 1000000,
        "build": {"failures": [], "bars_missed": ["linkage_person_accuracy_criminal_f1_bar"]},
    }
    text = benchmark.build_outcome(row)
    assert "passed every test" in text
    assert "linkage_person_accuracy_criminal_f1_bar" in text
    row["build"] = {"failures": ["unique_x"]}
    assert benchmark.build_outcome(row) == (
        "At 1,000,000 people `dbt build` reported 1 failing tests: unique_x."
    )


def test_nodes_are_named_without_their_hash():
    assert benchmark.node_name("test.datafirst.linkage_person_accuracy_f1_bar.8bb1c47ead") == (
        "linkage_person_accuracy_f1_bar"
    )
    assert benchmark.node_name("model.datafirst.hocas_flatfile") == "hocas_flatfile"
