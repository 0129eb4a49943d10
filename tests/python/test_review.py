"""The simulated clerical review: how many pairs it labels per band, and how
a threshold follows from the labels (a pooled target and a floor for the
weakest band accepted)."""

from __future__ import annotations

import pyarrow as pa

from datafirst.linkage.review import PAIRS_PER_BAND, choose_thresholds, review


def _band(band: int, pairs: int, reviewed: int, matches: int) -> dict:
    return {
        "band": band,
        "pairs": pairs,
        "reviewed": reviewed,
        "matches": matches,
        "model_precision": 2 ** (band + 0.5) / (1 + 2 ** (band + 0.5)),
    }


#: Ten thousand certain pairs above two weak bands: the pooled precision
#: above band 7 is still 0.995, though one link in thirty of band 7 is wrong.
_ROWS = [
    _band(12, 10_000, 200, 200),
    _band(8, 1_000, 200, 199),
    _band(7, 1_000, 200, 193),
    _band(6, 1_000, 200, 170),
]


def test_a_weak_band_is_refused_however_many_certain_pairs_lie_above_it():
    _, pooled_only = choose_thresholds(_ROWS, {"default": 0.99})
    _, floored = choose_thresholds(_ROWS, {"default": 0.99}, {"default": 0.98})
    assert pooled_only["default"] == 7
    assert floored["default"] == 8


def test_the_review_labels_up_to_its_sample_of_each_band():
    n = 600
    predictions = pa.table(
        {
            "record_id_l": [f"a{i}" for i in range(n)],
            "record_id_r": [f"b{i}" for i in range(n)],
            # 500 pairs in band 9, 100 in band 3.
            "match_weight": [9.5] * 500 + [3.5] * 100,
        }
    )
    person_of = pa.table(
        {
            "record_id": [f"a{i}" for i in range(n)] + [f"b{i}" for i in range(n)],
            "person_key": [f"p{i}" for i in range(n)] + [f"p{i}" for i in range(n)],
        }
    )
    result = review(predictions, person_of, {"default": 0.99}, seed=1)
    reviewed = {row["band"]: row["reviewed"] for row in result.bands}
    assert reviewed[9] == min(500, PAIRS_PER_BAND)
    assert reviewed[3] == min(100, PAIRS_PER_BAND)
    assert PAIRS_PER_BAND >= 200
