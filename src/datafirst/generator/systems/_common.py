"""Helpers shared by the source-system modules."""

from __future__ import annotations

import numpy as np

from datafirst.generator.context import Context, encode_values

SEX_WORD = {"M": "male", "F": "female"}


def encode_sex(ctx: Context, rng, sex: np.ndarray, system: str) -> np.ndarray:
    common = np.array([SEX_WORD.get(s) if s is not None else None for s in sex], dtype=object)
    return encode_values(ctx, rng, common, "sex_source_values", system, "sex")


def encode_ethnicity(ctx: Context, rng, eth: np.ndarray, system: str) -> np.ndarray:
    return encode_values(ctx, rng, eth, "ethnicity_source_values", system, "ethnicity_code")


def code_for(
    ctx: Context, seed: str, target_col: str, code_col: str, values: np.ndarray, rng, **where: str
) -> np.ndarray:
    """Map common categories (e.g. disposal types) to one of a system's codes."""
    rows = [r for r in ctx.vocab.seed(seed) if all(r[k] == v for k, v in where.items())]
    options: dict[str, list[str]] = {}
    for r in rows:
        options.setdefault(r[target_col], []).append(r[code_col])
    out = np.empty(len(values), dtype=object)
    u = rng.random(len(values))
    for value in np.unique(values.astype(str)):
        mask = values.astype(str) == value
        opts = options.get(value)
        if not opts:
            out[mask] = None
            continue
        pick = np.minimum((u[mask] ** 2 * len(opts)).astype(int), len(opts) - 1)
        out[mask] = np.array(opts, dtype=object)[pick]
    return out


def ids(rng, n: int, start: int, spread: int = 7) -> np.ndarray:
    """Increasing but not contiguous numeric ids, as source sequences are."""
    return start + np.cumsum(rng.integers(1, spread, size=n))


def join_names(*parts: np.ndarray) -> np.ndarray:
    out = []
    for values in zip(*parts, strict=True):
        out.append(" ".join(v for v in values if v))
    return np.array(out, dtype=object)
