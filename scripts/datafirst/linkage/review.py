"""Simulated clerical review: choose match thresholds the way the programme
did, from a sample of scored pairs labelled by a reviewer, not from the full
truth.

The scored pairs of the training data are split into bands of one unit of
match weight. From each band a fixed number of pairs is drawn (a reproducible
hash order); the "reviewer" labels each drawn pair from the truth (same
person or not), as a clerk would with the full records in front of them. The
precision of a band is estimated from its sample, made monotone in match
weight (pool-adjacent-violators: a stronger band is never judged less precise
than a weaker one, which steadies small samples); the precision of all pairs
above a candidate threshold is the band estimates weighted by band sizes. The
threshold for a target precision is the lowest band edge whose estimated
precision above it reaches the target.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

PAIRS_PER_BAND = 40


@dataclass
class ReviewResult:
    thresholds: dict[str, float]  # level -> match probability
    threshold_weights: dict[str, float]  # level -> match weight
    bands: list[dict]  # band, pairs, reviewed, matches


def weight_to_probability(weight: float) -> float:
    return 2**weight / (1 + 2**weight)


def review(
    predictions: pa.Table,
    person_of: pa.Table,
    targets: dict[str, float],
    seed: int,
    pairs_per_band: int = PAIRS_PER_BAND,
) -> ReviewResult:
    """``predictions``: record_id_l, record_id_r, match_weight;
    ``person_of``: record_id, person_key (the reviewer's knowledge)."""
    con = duckdb.connect()
    con.register("pred", predictions)
    con.register("truth", person_of)
    bands = con.execute(
        f"""
        with banded as (
            select record_id_l, record_id_r, match_weight,
                   cast(floor(match_weight) as integer) as band,
                   row_number() over (
                       partition by cast(floor(match_weight) as integer)
                       order by hash(record_id_l || '|' || record_id_r || '|{seed}'),
                                record_id_l, record_id_r
                   ) as draw
            from pred
        ),
        labelled as (
            select banded.*, tl.person_key = tr.person_key as same_person
            from banded
            left join truth as tl on tl.record_id = banded.record_id_l
            left join truth as tr on tr.record_id = banded.record_id_r
        )
        select band,
               count(*) as pairs,
               count(*) filter (where draw <= {pairs_per_band}) as reviewed,
               count(*) filter (where draw <= {pairs_per_band} and same_person) as matches
        from labelled
        group by band
        order by band desc
        """
    ).fetchall()
    con.close()
    rows = [{"band": b, "pairs": p, "reviewed": r, "matches": m} for b, p, r, m in bands]
    precisions = _monotone([(r["matches"], r["reviewed"]) for r in rows])
    for row, precision in zip(rows, precisions, strict=True):
        row["estimated_precision"] = round(precision, 4)
    # Cumulative estimated precision from the strongest band down.
    estimated_true = 0.0
    total = 0
    cumulative = []
    for row, precision in zip(rows, precisions, strict=True):
        estimated_true += precision * row["pairs"]
        total += row["pairs"]
        cumulative.append((row["band"], estimated_true / total))
    thresholds, weights = {}, {}
    for level, target in targets.items():
        chosen = None
        for band, precision in cumulative:
            if precision >= target:
                chosen = band
        if chosen is None:
            chosen = cumulative[0][0] + 1 if cumulative else 10
        weights[level] = float(chosen)
        thresholds[level] = weight_to_probability(chosen)
    return ReviewResult(thresholds=thresholds, threshold_weights=weights, bands=rows)


def _monotone(samples: list[tuple[int, int]]) -> list[float]:
    """Band precisions (bands ordered from the strongest down) made
    non-increasing by pooling adjacent violators, weighting each band by the
    pairs reviewed."""
    blocks: list[list[float]] = []  # [matches, reviewed, bands]
    for matches, reviewed in samples:
        blocks.append([float(matches), float(reviewed), 1.0])
        while len(blocks) > 1 and _rate(blocks[-2]) < _rate(blocks[-1]):
            m, r, n = blocks.pop()
            blocks[-1][0] += m
            blocks[-1][1] += r
            blocks[-1][2] += n
    out: list[float] = []
    for block in blocks:
        out += [_rate(block)] * int(block[2])
    return out


def _rate(block: list[float]) -> float:
    return block[0] / block[1] if block[1] else 0.0
