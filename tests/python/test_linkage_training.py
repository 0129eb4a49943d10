"""The training script reproduces the committed models from the same seed
(generation, the dbt build of the person records, EM and the clerical review
are all deterministic)."""

from __future__ import annotations

import json
import math

import pytest

from datafirst.linkage import engine, train


def _close(a, b, path="") -> list[str]:
    """Differences between two JSON values, numbers compared to 1e-6."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{path}: keys {sorted(set(a) ^ set(b))}"] if set(a) != set(b) else []
        ignored = {"seconds"}
        for key in set(a) & set(b) - ignored:
            out += _close(a[key], b[key], f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: lengths {len(a)} != {len(b)}"]
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _close(x, y, f"{path}[{i}]")
        ]
    if isinstance(a, float) and isinstance(b, float):
        return [] if math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12) else [f"{path}: {a} != {b}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


@pytest.mark.slow
def test_training_reproduces_the_committed_models(tmp_path):
    out = tmp_path / "models"
    assert train.main(["--workdir", str(tmp_path / "work"), "--out", str(out)]) == 0
    for committed in sorted(engine.MODELS_DIR.glob("*.json")):
        fresh = json.loads((out / committed.name).read_text())
        differences = _close(json.loads(committed.read_text()), fresh)
        assert not differences, (committed.name, differences[:5])


def test_regularisation_records_the_levels_it_moves_and_not_rounding():
    """A level the pooled model lacks keeps its m; renormalising by a total
    one ulp off 1.0 changes its last bit, which is not a change (that
    rounding differed between runs and made the record of changed levels
    flaky); the levels shrunk towards the pooled m are recorded."""
    from datafirst.linkage.regularise import regularise

    def model(levels):
        return {
            "comparisons": [
                {
                    "output_column_name": "dob",
                    "comparison_levels": [
                        {"sql_condition": cond, "label_for_charts": cond, "m_probability": m}
                        for cond, m in levels
                    ],
                }
            ]
        }

    own = model([("exact", 0.7), ("close", 0.2), ("other", 0.1 + 1e-17)])
    pooled = {
        "comparisons": [
            {
                "output_column_name": "dob",
                "comparison_levels": [{"sql_condition": "exact", "m_probability": 0.7}],
            }
        ]
    }
    _, changes = regularise(own, pooled, matches=100)
    assert changes == []
    pooled["comparisons"][0]["comparison_levels"][0]["m_probability"] = 0.4
    out, changes = regularise(own, pooled, matches=100)
    assert {c["level"] for c in changes} == {"exact", "close", "other"}
    levels = out["comparisons"][0]["comparison_levels"]
    assert math.isclose(sum(lv["m_probability"] for lv in levels), 1.0)
