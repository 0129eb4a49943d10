"""The state one generator run shares between its modules."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

from datafirst.generator.config import GeneratorConfig
from datafirst.generator.extract import ExtractWriter, TruthLog
from datafirst.generator.identity import Recorded, record_identities
from datafirst.generator.population import Population
from datafirst.generator.vocab import Vocab
from datafirst.registry import TableSpec


@dataclass
class Context:
    cfg: GeneratorConfig
    vocab: Vocab
    pop: Population
    writer: ExtractWriter
    truth: TruthLog
    #: Source ids assigned by one system that another needs (e.g. truth links).
    ids: dict[str, np.ndarray] = field(default_factory=dict)

    def rng(self, stream: str) -> np.random.Generator:
        """An independent random stream per purpose, fixed by the seed, so that
        changing one module does not reshuffle every other table."""
        return np.random.default_rng([self.cfg.seed, zlib.crc32(stream.encode())])

    @property
    def profile(self):
        return self.cfg.profile

    def record(
        self,
        spec: TableSpec,
        keys: np.ndarray,
        person: np.ndarray,
        when: np.ndarray,
        *,
        dob_missing: float | np.ndarray,
        ethnicity_junk: float | None = None,
        stream: str | None = None,
    ) -> Recorded:
        """Record identities for person-bearing rows of ``spec`` and log the
        truth (who each record is, and which errors were applied). The
        errors are drawn from the table's identity stream, or from
        ``stream`` for rows a table gained later (so the earlier rows keep
        their draws)."""
        rng = self.rng(stream or f"identity:{spec.system}.{spec.table}")
        rec = record_identities(
            rng,
            self.pop,
            self.profile,
            self.vocab.nicknames,
            person,
            when,
            dob_missing=dob_missing,
            ethnicity_junk=ethnicity_junk,
        )
        self.log_records(spec, keys, person, when)
        for field_name, kinds in rec.errors.items():
            hit = kinds != ""
            if hit.any():
                self.truth.add(
                    "record_errors",
                    source_system=np.full(hit.sum(), spec.system, dtype=object),
                    source_table=np.full(hit.sum(), spec.table, dtype=object),
                    record_key=keys[hit].astype(str).astype(object),
                    field=np.full(hit.sum(), field_name, dtype=object),
                    error_type=kinds[hit],
                )
        return rec

    def log_records(self, spec: TableSpec, keys, person, when) -> None:
        self.truth.add(
            "person_records",
            source_system=np.full(len(keys), spec.system, dtype=object),
            source_table=np.full(len(keys), spec.table, dtype=object),
            record_key=np.asarray(keys).astype(str).astype(object),
            person_key=self.pop.key[person],
            record_date=np.asarray(when, dtype="datetime64[D]"),
        )


def source_value_map(ctx: Context, seed: str, system: str, target: str) -> tuple[dict, np.ndarray]:
    """For a ``*_source_values`` seed: common value -> this system's spellings,
    and this system's junk spellings."""
    rows = [r for r in ctx.vocab.seed(seed) if r["source_system"] == system]
    forward: dict[str, list[str]] = {}
    junk = []
    for r in rows:
        if r["is_junk"].lower() == "true" or not r[target]:
            junk.append(r["source_value"])
        else:
            forward.setdefault(r[target], []).append(r["source_value"])
    return forward, np.array(junk, dtype=object)


def encode_values(
    ctx: Context,
    rng: np.random.Generator,
    values: np.ndarray,
    seed: str,
    system: str,
    target: str,
    blank_share: float = 0.5,
) -> np.ndarray:
    """Spell common values (e.g. ethnicity codes) the way ``system`` does; a
    missing value becomes one of the system's junk spellings or blank."""
    forward, junk = source_value_map(ctx, seed, system, target)
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        if v is None:
            if len(junk) and rng.random() >= blank_share:
                out[i] = junk[rng.integers(len(junk))]
            else:
                out[i] = None
        else:
            spellings = forward[v]
            out[i] = (
                spellings[0]
                if len(spellings) == 1
                else spellings[0 if rng.random() < 0.85 else rng.integers(len(spellings))]
            )
    return out
