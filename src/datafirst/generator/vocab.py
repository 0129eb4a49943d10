"""Vocabularies the simulation draws from: names with realistic frequencies,
nicknames, street names and company names, and the code lists (dbt seeds).

Names come from Faker's locale data (en_GB carries real surname frequencies
for England and Wales), nicknames from the curated ``nicknames`` dataset.
Everything is built once per run from the seed, as plain numpy arrays, so
that the simulation can sample it without per-record Python calls.
"""

from __future__ import annotations

import csv
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from faker import Faker

_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$")

#: Share of the England and Wales population carried by Faker's weighted
#: en_GB surname list (its weights are percentages of the population).
_EN_GB_SURNAME_MASS_KEY = "en_GB"

# Which Faker locales give names to which broad ethnic group, with weights.
_SURNAME_SOURCES: dict[str, list[tuple[str, float]]] = {
    "white": [("en_GB", 0.80), ("en_IE", 0.15), ("en_US", 0.05)],
    "mixed": [("en_GB", 0.75), ("en_US", 0.15), ("tw_GH", 0.05), ("yo_NG", 0.05)],
    "asian": [("en_IN", 0.60), ("en_PK", 0.35), ("en_GB", 0.05)],
    "black": [("en_GB", 0.45), ("yo_NG", 0.25), ("tw_GH", 0.20), ("en_US", 0.10)],
    "other": [("en_GB", 0.40), ("en_IN", 0.20), ("en_US", 0.20), ("en_IE", 0.20)],
}
_FORENAME_SOURCES: dict[str, list[tuple[str, float]]] = {
    "white": [("en_GB", 0.85), ("en_IE", 0.10), ("en_US", 0.05)],
    "mixed": [("en_GB", 0.75), ("en_US", 0.25)],
    "asian": [("en_IN", 0.75), ("en_GB", 0.25)],
    "black": [("en_GB", 0.50), ("yo_NG", 0.25), ("tw_GH", 0.15), ("en_US", 0.10)],
    "other": [("en_GB", 0.50), ("en_US", 0.30), ("en_IN", 0.20)],
}
ETHNIC_GROUPS = ("white", "mixed", "asian", "black", "other")


def _clean(names) -> list[str]:
    out = []
    for name in names:
        if isinstance(name, str) and name.isascii() and _NAME_RE.match(name):
            out.append(name)
    return out


def _provider(module: str, locale: str):
    return importlib.import_module(f"faker.providers.{module}.{locale}").Provider


def _weighted(values, ranked: bool = False) -> tuple[list[str], np.ndarray]:
    """Names and weights from a Faker list: real weights where Faker has them
    (OrderedDict); Zipf weights by rank where the list is known to be ordered
    by popularity (``ranked``); otherwise equal weights."""
    if hasattr(values, "items"):
        pairs = [(k, float(v)) for k, v in values.items() if _clean([k])]
        names = [k for k, _ in pairs]
        weights = np.array([w for _, w in pairs], dtype=float)
    else:
        names = list(dict.fromkeys(_clean(values)))
        rank = np.arange(1, len(names) + 1)
        weights = 1.0 / rank**0.6 if ranked else np.ones(len(names))
    return names, weights / weights.sum()


def _forenames(locale: str, sex: str) -> tuple[list[str], np.ndarray]:
    prov = _provider("person", locale)
    attr = "first_names_male" if sex == "M" else "first_names_female"
    values = getattr(prov, attr, None) or getattr(prov, "first_names", ())
    # Faker's en_GB forenames are listed most popular first.
    return _weighted(values, ranked=locale == "en_GB")


def _surnames(locale: str) -> tuple[list[str], np.ndarray]:
    return _weighted(_provider("person", locale).last_names)


@dataclass
class NamePool:
    """A pool of names with sampling probabilities."""

    names: np.ndarray  # object array of str
    probs: np.ndarray

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        return rng.choice(len(self.names), size=size, p=self.probs)


def _mix(sources: list[tuple[str, float]], loader) -> NamePool:
    total: dict[str, float] = {}
    for locale, share in sources:
        names, probs = loader(locale)
        if locale == _EN_GB_SURNAME_MASS_KEY and loader is _surnames:
            # Faker's en_GB surname weights are population percentages that
            # cover ~40% of people; the remaining mass goes to a long tail
            # (the other sources and Irish/US surnames common in Britain), so
            # the ten commonest surnames cover about 5% of people, as in
            # England and Wales.
            tail_names, tail_probs = _surnames("en_IE")
            us_names, us_probs = _surnames("en_US")
            mass = float(sum(_provider("person", "en_GB").last_names.values())) / 100.0
            for name, p in zip(names, probs, strict=True):
                total[name] = total.get(name, 0.0) + share * mass * p
            for name, p in zip(tail_names, tail_probs, strict=True):
                total[name] = total.get(name, 0.0) + share * (1 - mass) * 0.6 * p
            for name, p in zip(us_names, us_probs, strict=True):
                total[name] = total.get(name, 0.0) + share * (1 - mass) * 0.4 * p
            continue
        for name, p in zip(names, probs, strict=True):
            total[name] = total.get(name, 0.0) + share * p
    keys = sorted(total)
    probs = np.array([total[k] for k in keys], dtype=float)
    return NamePool(np.array(keys, dtype=object), probs / probs.sum())


def read_seed(seeds_dir: Path, name: str) -> list[dict[str, str]]:
    """Read one dbt seed (a code list) as a list of rows of strings."""
    with (seeds_dir / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class Vocab:
    """Everything the simulation samples names and codes from."""

    def __init__(self, seed: int, seeds_dir: Path):
        self.seeds_dir = seeds_dir
        self.surnames = {g: _mix(_SURNAME_SOURCES[g], _surnames) for g in ETHNIC_GROUPS}
        self.forenames = {
            (g, sex): _mix(_FORENAME_SOURCES[g], lambda loc, s=sex: _forenames(loc, s))
            for g in ETHNIC_GROUPS
            for sex in ("M", "F")
        }
        self.nicknames = _load_nicknames()
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        self.streets = np.array(sorted({fake.street_name() for _ in range(4000)}), dtype=object)
        self.companies = np.array(sorted({_company(fake) for _ in range(3000)}), dtype=object)
        self.unit_letters = np.array(list("ABDEFGHJLNPQRSTUWXYZ"), dtype=object)
        self._seed_cache: dict[str, list[dict[str, str]]] = {}

    def seed(self, name: str) -> list[dict[str, str]]:
        if name not in self._seed_cache:
            self._seed_cache[name] = read_seed(self.seeds_dir, name)
        return self._seed_cache[name]

    def column(self, seed: str, column: str, **where: str) -> np.ndarray:
        rows = self.seed(seed)
        return np.array(
            [r[column] for r in rows if all(r[k] == v for k, v in where.items())],
            dtype=object,
        )


def _company(fake: Faker) -> str:
    suffix = fake.random_element(
        (
            "Ltd",
            "Limited",
            "PLC",
            "Housing Association",
            "Homes Ltd",
            "Finance Ltd",
            "Bank PLC",
            "Lettings",
            "Property Management Ltd",
            "Energy Ltd",
        )
    )
    return f"{fake.last_name()} {suffix}".replace("  ", " ")


def _load_nicknames() -> dict[str, tuple[str, ...]]:
    """Forename (lower case) -> its nicknames and diminutives."""
    from nicknames import NickNamer

    namer = NickNamer()
    path = Path(importlib.import_module("nicknames").__file__).with_name("names.csv")
    out: dict[str, tuple[str, ...]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["relationship"] == "has_nickname":
                out.setdefault(row["name1"], ())
    for canonical in list(out):
        nicks = sorted(n for n in namer.nicknames_of(canonical) if len(n) > 1)
        out[canonical] = tuple(nicks)
    return {k: v for k, v in out.items() if v}
