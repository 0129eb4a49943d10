"""m probabilities regularised towards a pooled estimate.

Expectation maximisation estimates each comparison level's m probability
(how often the records of one person fall in that level) from the matching
pairs in the training data. A small dataset has few: a few dozen Crown Court
or P-NOMIS pairs cannot show how often a sex is misrecorded or a year of
birth mistyped, so EM puts m at zero (a weight of minus a hundred bits: one
misrecorded value vetoes a match whatever else agrees) or leaves the level
unseen (a neutral weight, so a wrong date of birth costs nothing).

Recording errors arise record by record, whichever system holds the record,
so the cross-justice model, trained on the matching pairs between every
dataset, estimates the same levels from tens of thousands of pairs. Each
deduplication model's m probabilities are shrunk towards it as a Bayesian
estimate would with a prior worth ``PSEUDO_PAIRS`` matching pairs:

    m = (n * m_own + k * m_pooled) / (n + k)

where n is the model's own expected number of matching pairs in training
(its prior times the possible pairs). The magistrates' courts (tens of
thousands of pairs) keep their own estimates; the Crown Court (about 150)
moves more than half way to the pooled one. Levels the pooled model does not
have (a comparison it does not make) keep their own estimate.
"""

from __future__ import annotations

import copy
import math

#: The pooled estimate counts as this many matching pairs.
PSEUDO_PAIRS = 200


def expected_matches(splink_model: dict, records: int) -> float:
    """Matching pairs a deduplication model expects among ``records``: its
    prior times the possible pairs."""
    return splink_model["probability_two_random_records_match"] * records * (records - 1) / 2


def _moved(before: float | None, after: float | None) -> bool:
    """Whether regularisation changed a level's m: beyond the last bits
    that renormalising by a total of 1.0 give or take an ulp changes (that
    rounding differs between runs, and is no change)."""
    if before is None or after is None:
        return before is not after
    return not math.isclose(before, after, rel_tol=1e-12, abs_tol=1e-15)


def regularise(
    splink_model: dict, pooled: dict, matches: float, pseudo_pairs: float = PSEUDO_PAIRS
) -> tuple[dict, list[dict]]:
    """``splink_model`` with its m probabilities shrunk towards ``pooled``'s
    (both as Splink saves them), and a record of every level changed:
    comparison, level, m before and after."""
    own_share = matches / (matches + pseudo_pairs)
    out = copy.deepcopy(splink_model)
    pooled_levels = {
        (comparison["output_column_name"], level["sql_condition"]): level.get("m_probability")
        for comparison in pooled["comparisons"]
        for level in comparison["comparison_levels"]
        if not level.get("is_null_level")
    }
    changes = []
    for comparison in out["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        before = {id(lv): lv.get("m_probability") for lv in levels}
        for level in levels:
            prior = pooled_levels.get((comparison["output_column_name"], level["sql_condition"]))
            if prior is None:
                continue
            own = level.get("m_probability") or 0.0
            level["m_probability"] = own_share * own + (1 - own_share) * prior
        total = sum(lv.get("m_probability") or 0.0 for lv in levels)
        for level in levels:
            if level.get("m_probability") is not None and total > 0:
                level["m_probability"] /= total
            if _moved(before[id(level)], level.get("m_probability")):
                changes.append(
                    {
                        "comparison": comparison["output_column_name"],
                        "level": level["label_for_charts"],
                        "m_em": before[id(level)],
                        "m": level.get("m_probability"),
                    }
                )
    return out, changes
