"""The build record names why a build failed, even when dbt stopped before
any node ran, and never reads run results an earlier command left behind."""

from __future__ import annotations

import json
import os
import time

from datafirst.project import Dbt
from datafirst.release.build import now, record_build

EXTRACTS: tuple[list[dict], dict] = ([], {})


def _stale_results(target) -> None:
    """Run results of an earlier, passing dbt command, written an hour ago."""
    target.mkdir(parents=True)
    path = target / "run_results.json"
    path.write_text(
        json.dumps(
            {
                "results": [{"unique_id": "model.datafirst.a", "status": "success"}],
                "args": {"which": "build"},
                "metadata": {"invocation_id": "earlier"},
            }
        )
    )
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))


def test_a_build_that_stopped_before_its_nodes_names_the_stop(tmp_path):
    dbt = Dbt.in_folder(tmp_path)
    _stale_results(dbt.target_path)
    record = record_build(dbt, 1, now(), EXTRACTS, {})
    assert record.status == "failed"
    assert record.invocation_id is None  # the earlier command's results were not read
    assert record.counts == {}
    assert len(record.problems) == 1 and "exit code 1" in record.problems[0]


def test_a_failed_node_is_the_problem_named(tmp_path):
    dbt = Dbt.in_folder(tmp_path)
    results = {
        "results": [
            {"unique_id": "model.datafirst.a", "status": "success"},
            {"unique_id": "test.datafirst.b", "status": "fail"},
        ],
        "args": {"which": "build"},
        "metadata": {"invocation_id": "this"},
    }
    record = record_build(dbt, 1, now(), EXTRACTS, {}, run_results=results)
    assert record.status == "failed"
    assert record.problems == ["test.datafirst.b"]
