"""Layout helpers shared by the FamilyMan, CaseMan and PCOL modules: text
dates, courtesy titles, running case serials, post towns, the addresses of
companies and councils, and civil parties' addresses."""

from __future__ import annotations

import numpy as np

from datafirst.generator.context import Context
from datafirst.generator.court_helpers import local_authority_names
from datafirst.generator.criminal import group_offsets
from datafirst.generator.dates import format_dates


def text_dates(values: np.ndarray, fmt: str) -> np.ndarray:
    """:func:`~datafirst.generator.dates.format_dates` that also takes an
    empty array (tiny populations)."""
    if len(values) == 0:
        return np.zeros(0, dtype=object)
    return format_dates(np.asarray(values, dtype="datetime64[D]"), fmt)


def titles(rng, sex: np.ndarray, child: np.ndarray | None = None) -> np.ndarray:
    """Courtesy titles as clerks and claimants enter them (often left out)."""
    k = len(sex)
    u = rng.random(k)
    female = np.select([u < 0.40, u < 0.65, u < 0.87], ["Mrs", "Ms", "Miss"], default="")
    male = np.where(u < 0.9, "Mr", "")
    out = np.where(sex == "M", male, np.where(sex == "F", female, "")).astype(object)
    if child is not None:
        out[child] = np.where(
            rng.random(child.sum()) < 0.03, np.where(sex[child] == "M", "Master", "Miss"), ""
        )
    out[out == ""] = None
    return out


def serials(rng, group: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Running serial numbers within each group, in ``order``, starting a
    little above 1 as a court's sequence does at the start of an extract."""
    k = len(group)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.lexsort((np.arange(k), order, group))
    g = group[idx]
    rank = group_offsets(g)
    starts = np.r_[True, g[1:] != g[:-1]]
    offset = np.repeat(
        rng.integers(0, 40, size=starts.sum()), np.diff(np.r_[np.flatnonzero(starts), k])
    )
    out = np.empty(k, dtype=np.int64)
    out[idx] = 1 + rank + offset
    return out


def post_towns(ctx: Context, postcodes: np.ndarray) -> np.ndarray:
    """Post town of each postcode (by its outward code); None if unknown."""
    towns = {r["outward_code"]: r["post_town"] for r in ctx.vocab.seed("postcode_districts")}
    out = np.empty(len(postcodes), dtype=object)
    for i, pc in enumerate(postcodes):
        out[i] = towns.get(pc.split(" ")[0].upper()) if isinstance(pc, str) else None
    return out


def company_addresses(ctx: Context, names: np.ndarray):
    """The address (line, postcode, town) of each company or council named,
    the same in every system."""
    rng = ctx.rng("company-addresses")
    unique = np.array(
        sorted(set(ctx.vocab.companies) | set(local_authority_names(ctx).values())), dtype=object
    )
    rows = ctx.vocab.seed("postcode_districts")
    outward = np.array([r["outward_code"] for r in rows], dtype=object)
    town = np.array([r["post_town"] for r in rows], dtype=object)
    d = rng.integers(len(outward), size=len(unique))
    letters = ctx.vocab.unit_letters
    inward = (rng.integers(1, 10, size=len(unique)).astype(str).astype(object)
              + letters[rng.integers(len(letters), size=len(unique))]
              + letters[rng.integers(len(letters), size=len(unique))])  # fmt: skip
    unit = np.where(rng.random(len(unique)) < 0.4,
                    "Unit " + rng.integers(1, 30, len(unique)).astype(str).astype(object) + ", ",
                    "").astype(object)  # fmt: skip
    house = rng.integers(1, 400, size=len(unique)).astype(str).astype(object)
    street = ctx.vocab.streets[rng.integers(len(ctx.vocab.streets), size=len(unique))]
    line = unit + house + " " + street
    postcode = outward[d] + " " + inward
    pos = {name: i for i, name in enumerate(unique)}
    idx = np.array([pos.get(x, -1) for x in names], dtype=np.int64)
    has = idx >= 0
    out_line = np.full(len(names), None, dtype=object)
    out_pc = np.full(len(names), None, dtype=object)
    out_town = np.full(len(names), None, dtype=object)
    out_line[has], out_pc[has], out_town[has] = (
        line[idx[has]],
        postcode[idx[has]],
        town[d][idx[has]],
    )
    return out_line, out_pc, out_town


def party_addresses(ctx: Context, rng, parties, rows: np.ndarray, rec, town_missing: float):
    """Address line, postcode and post town of each civil party: the
    company's or council's, or for the person ``rows`` their address as
    recorded (``rec``); the town left out at the rate ``town_missing``."""
    line, postcode, town = company_addresses(ctx, parties["company_name"])
    line[rows], postcode[rows] = rec.address_line, rec.postcode
    town[rows] = post_towns(ctx, rec.postcode)
    town[rng.random(len(parties)) < town_missing] = None
    return line, postcode, town
