"""Simulated clerical review: choose match thresholds the way the programme
did, from a sample of scored pairs labelled by a reviewer, not from the full
truth.

The scored pairs of the training data are split into bands of one unit of
match weight. From each band a fixed number of pairs is drawn (a reproducible
hash order); the "reviewer" labels each drawn pair from the truth (same
person or not), as a clerk would with the full records in front of them. The
precision of a band is estimated from its sample together with the model's
own estimate (the band's mean match probability), which counts as
``PRIOR_PAIRS`` reviewed pairs: a full sample outweighs it, but a band
of one or two pairs (small datasets) cannot prove a weak band precise on its
own. The estimates are made monotone in match weight
(pool-adjacent-violators: a stronger band is never judged less precise than a
weaker one, which steadies small samples); the precision of all pairs
above a candidate threshold is the band estimates weighted by band sizes. The
threshold for a target precision is the lowest band edge whose estimated
precision above it reaches the target and above which no band falls below
the level's floor (a few weak links among many strong ones pass a pooled
target, yet each can merge two people's clusters).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pyarrow as pa

#: Pairs reviewed per band. The floors ask whether a band's links are 98%
#: or 99.9% right: 40 labels cannot tell (one wrong pair in 40 reads as 97.5%,
#: none as 100%), so one unlucky or lucky draw moved a threshold by two or
#: three units of weight from one training run to the next; 200 labels
#: resolve a band's precision to about a percentage point.
PAIRS_PER_BAND = 200
#: Weight of the model's own match probability in a band's precision estimate,
#: in reviewed pairs (a beta prior centred on the model's estimate).
PRIOR_PAIRS = 10


@dataclass
class ReviewResult:
    thresholds: dict[str, float]  # level -> match probability
    threshold_weights: dict[str, float]  # level -> match weight
    bands: list[dict]  # band, pairs, reviewed, matches


def weight_to_probability(weight: float) -> float:
    return 2**weight / (1 + 2**weight)


def probability_to_weight(probability: float) -> float:
    return math.log2(probability / (1 - probability))


def review(
    predictions: pa.Table,
    person_of: pa.Table,
    targets: dict[str, float],
    seed: int,
    pairs_per_band: int = PAIRS_PER_BAND,
    floors: dict[str, float] | None = None,
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
               count(*) filter (where draw <= {pairs_per_band} and same_person) as matches,
               avg(pow(2, match_weight) / (1 + pow(2, match_weight))) as model_precision
        from labelled
        group by band
        order by band desc
        """
    ).fetchall()
    con.close()
    rows = [
        {"band": b, "pairs": p, "reviewed": r, "matches": m, "model_precision": round(q, 4)}
        for b, p, r, m, q in bands
    ]
    thresholds, weights = choose_thresholds(rows, targets, floors)
    return ReviewResult(thresholds=thresholds, threshold_weights=weights, bands=rows)


def choose_thresholds(
    rows: list[dict], targets: dict[str, float], floors: dict[str, float] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Thresholds (match probability, match weight) per level from the review
    bands (strongest first); adds each band's ``estimated_precision``.

    A band with no training pairs between two that have some is judged by the
    model alone (its mid-band match probability): the training data say
    nothing about it, and it may well hold pairs in other data."""
    by_band = {r["band"]: r for r in rows}
    bands = list(range(rows[0]["band"], rows[-1]["band"] - 1, -1)) if rows else []
    filled = [
        by_band.get(b)
        or {
            "band": b,
            "pairs": 0,
            "reviewed": 0,
            "matches": 0,
            "model_precision": weight_to_probability(b + 0.5),
        }
        for b in bands
    ]
    precisions = _monotone(
        [
            (r["matches"] + PRIOR_PAIRS * r["model_precision"], r["reviewed"] + PRIOR_PAIRS)
            for r in filled
        ]
    )
    for row, precision in zip(filled, precisions, strict=True):
        row["estimated_precision"] = round(precision, 4)
    rows = filled
    # Cumulative estimated precision from the strongest band down.
    estimated_true = 0.0
    total = 0
    cumulative = []
    for row, precision in zip(rows, precisions, strict=True):
        estimated_true += precision * row["pairs"]
        total += row["pairs"]
        cumulative.append((row["band"], estimated_true / total, precision))
    floors = floors or {}
    thresholds, weights = {}, {}
    for level, target in targets.items():
        floor = floors.get(level, 0.0)
        chosen = None
        for band, precision, band_precision in cumulative:
            if precision < target or band_precision < floor:
                break
            chosen = band
        if chosen is None:
            chosen = cumulative[0][0] + 1 if cumulative else 10
        weights[level] = float(chosen)
        thresholds[level] = weight_to_probability(chosen)
    return thresholds, weights


def _monotone(samples: list[tuple[float, float]]) -> list[float]:
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
