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


def test_the_accuracy_table_gives_the_widest_fairness_gap_with_its_standard_error():
    """The largest F1 gap among the criminal scopes and cross-justice, with
    its standard error and its scope: a gap is read against the noise of
    the groups' sizes. Family and civil gaps are not held to the bar."""
    metrics = {"precision": 1.0, "recall": 0.99, "f1": 0.995}
    row = {
        "people": 1000000,
        "seed": 31337,
        "accuracy": {
            "scopes": {scope: metrics for scope in benchmark.ACCURACY_SCOPES},
            "journeys": {
                "linked_right": 10,
                "linked_wrong": 0,
                "missed": 1,
                "lost_to_quarantine": 2,
            },
            "f1_gaps": {
                "prison_nomis": {"sex": 0.004, "ethnic_group": 0.016},
                "cross_justice": {"sex": 0.014, "ethnic_group": 0.006},
                "civil_pcol": {"sex": 0.2, "ethnic_group": 0.3},
            },
            "f1_gap_standard_errors": {
                "prison_nomis": {"sex": 0.009, "ethnic_group": 0.0141},
                "cross_justice": {"sex": 0.0005, "ethnic_group": 0.002},
                "civil_pcol": {"sex": 0.03, "ethnic_group": 0.1},
            },
        },
    }
    table = benchmark.accuracy_table([row])
    assert "| 0.014 ± 0.001 (cross_justice) |" in table
    assert "| 0.016 ± 0.014 (prison_nomis) |" in table
