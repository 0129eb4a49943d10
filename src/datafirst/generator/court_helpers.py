"""Helpers the family and civil court simulations share: years as days,
codes drawn at given shares, people drawn from a birth-date window or
without repeats, items paired with their owners, table rows built up in
chunks, and the names councils go by when they are a party to a case."""

from __future__ import annotations

import numpy as np

from datafirst.generator.context import Context
from datafirst.generator.criminal import Table, group_offsets

YEAR = 365.25


def years(n: float) -> int:
    return int(round(n * YEAR))


def pick_in_window(
    rng: np.random.Generator,
    pool: np.ndarray,
    pool_dob: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """For each window [lo, hi] of birth dates, one member of ``pool`` born
    inside it (weighted when ``weights`` is given), or -1 where none is."""
    k = len(lo)
    out = np.full(k, -1, dtype=np.int64)
    if len(pool) == 0 or k == 0:
        return out
    order = np.argsort(pool_dob.astype(np.int64), kind="stable")
    members = pool[order]
    born = pool_dob[order].astype(np.int64)
    w = np.ones(len(pool)) if weights is None else np.asarray(weights, dtype=float)[order]
    cum = np.r_[0.0, np.cumsum(w)]
    a = np.searchsorted(born, np.asarray(lo, dtype="datetime64[D]").astype(np.int64), "left")
    b = np.searchsorted(born, np.asarray(hi, dtype="datetime64[D]").astype(np.int64), "right")
    mass = cum[b] - cum[a]
    ok = (b > a) & (mass > 0)
    target = cum[a[ok]] + rng.random(ok.sum()) * mass[ok]
    idx = np.searchsorted(cum, target, "right") - 1
    idx = np.clip(idx, a[ok], b[ok] - 1)
    out[ok] = members[idx]
    return out


def draw_shares(rng: np.random.Generator, shares: dict[str, float], size: int) -> np.ndarray:
    """``size`` codes (keys of ``shares``) drawn at the given shares."""
    codes = np.array(list(shares), dtype=object)
    p = np.array(list(shares.values()))
    return codes[rng.choice(len(codes), size=size, p=p / p.sum())]


def draw_unique(rng: np.random.Generator, candidates: np.ndarray, k: int, used: np.ndarray):
    """Up to ``k`` distinct members of ``candidates`` not yet ``used``
    (marking them used)."""
    free = candidates[~used[candidates]]
    chosen = free[rng.permutation(len(free))[:k]]
    used[chosen] = True
    return chosen


def expand(owner_of_item: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items grouped by a sorted ``owner_of_item``, every (row of
    ``owners``, item position) pair whose owner matches."""
    start = np.searchsorted(owner_of_item, owners, "left")
    count = np.searchsorted(owner_of_item, owners, "right") - start
    row = np.repeat(np.arange(len(owners)), count)
    pos = np.repeat(start, count) + group_offsets(row)
    return row, pos


class Rows:
    """Accumulates rows of one table from vectorised chunks."""

    def __init__(self, **dtypes):
        self.dtypes = dtypes
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, **cols) -> None:
        lengths = {len(v) for v in cols.values() if isinstance(v, np.ndarray)}
        if len(lengths) > 1:  # pragma: no cover - programming error
            raise ValueError(f"columns of different lengths: {lengths}")
        k = lengths.pop() if lengths else 0
        if k == 0:
            return
        part = {}
        for name, dtype in self.dtypes.items():
            value = cols.get(name)
            if isinstance(value, np.ndarray):
                part[name] = value.astype(dtype)
            else:
                part[name] = np.full(k, value, dtype=dtype)
        self.parts.append(part)

    def table(self) -> Table:
        if not self.parts:
            return Table({n: np.zeros(0, dtype=d) for n, d in self.dtypes.items()})
        return Table({n: np.concatenate([p[n] for p in self.parts]) for n in self.dtypes})


_CITIES = {
    "Birmingham", "Bradford", "Coventry", "Derby", "Leeds", "Leicester", "Liverpool",
    "Manchester", "Newcastle upon Tyne", "Nottingham", "Peterborough", "Plymouth",
    "Portsmouth", "Salford", "Sheffield", "Southampton", "Stoke-on-Trent", "Sunderland",
    "Wakefield", "Wolverhampton", "York", "Westminster",
}  # fmt: skip
_ROYAL = {"Kensington and Chelsea", "Kingston upon Thames", "Greenwich"}


def local_authority_names(ctx: Context) -> dict[str, str]:
    """Local authority code -> the council's name as it appears as a party
    ('Leeds City Council', 'London Borough of Hackney')."""
    out: dict[str, str] = {}
    for r in ctx.vocab.seed("postcode_districts"):
        code, name = r["local_authority_code"], r["local_authority_name"]
        if code in out:
            continue
        if ", City of" in name:
            name = name.replace(", City of", "").replace("Kingston upon Hull", "Hull")
            out[code] = f"{name} City Council"
        elif name in _CITIES:
            out[code] = f"{name} City Council"
        elif name == "City of London":
            out[code] = "City of London Corporation"
        elif code.startswith("E09"):
            prefix = "Royal Borough of" if name in _ROYAL else "London Borough of"
            out[code] = f"{prefix} {name}"
        elif code.startswith("E08"):
            out[code] = f"{name} Metropolitan Borough Council"
        elif code.startswith("E07"):
            out[code] = f"{name} Borough Council"
        elif code.startswith("W"):
            out[code] = f"{name} County Borough Council"
        else:
            out[code] = f"{name} Council"
    return out
