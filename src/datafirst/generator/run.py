"""Run the generator: population, journeys, raw extracts, ground truth."""

from __future__ import annotations

import logging
import shutil
import time

import numpy as np

from datafirst.extracts import write_manifest
from datafirst.generator import criminal, family_civil
from datafirst.generator.config import GeneratorConfig
from datafirst.generator.context import Context
from datafirst.generator.extract import ExtractWriter, TruthLog
from datafirst.generator.population import build_population
from datafirst.generator.systems import JUSTICE_SYSTEMS, SHARE_SYSTEMS
from datafirst.generator.vocab import Vocab

log = logging.getLogger(__name__)


class _Progress:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.start = time.perf_counter()

    def step(self, message: str) -> None:
        if self.enabled:
            elapsed = time.perf_counter() - self.start
            log.info("[%7.1fs] %s", elapsed, message)


def generate(cfg: GeneratorConfig) -> dict:
    """Generate every raw extract and the ground truth; return a summary with
    row counts per table and the time taken."""
    progress = _Progress(cfg.progress)
    started = time.perf_counter()
    for folder in (cfg.raw_dir, cfg.truth_dir):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    vocab = Vocab(cfg.seed, cfg.seeds_dir)
    progress.step("vocabularies loaded")
    root_rng = np.random.default_rng([cfg.seed, 0])
    pop = build_population(root_rng, cfg.people, vocab)
    progress.step(f"population of {cfg.people:,} people simulated")
    truth = TruthLog()
    writer = ExtractWriter(
        cfg.raw_dir, truth, np.random.default_rng([cfg.seed, 1]), cfg.profile.malformed_row_share
    )
    ctx = Context(cfg=cfg, vocab=vocab, pop=pop, writer=writer, truth=truth)
    history = criminal.simulate(ctx)
    progress.step(f"criminal pathways simulated ({len(history.mags_cases):,} magistrates' cases)")
    others = family_civil.simulate(ctx)
    progress.step("family and civil cases simulated")
    for module in JUSTICE_SYSTEMS:
        module.write(ctx, history, others)
        progress.step(f"{module.__name__.rsplit('.', 1)[-1]} extract written")
    # The share's extracts: malformed rows from a stream of their own.
    writer.rng = ctx.rng("malformed_rows:share")
    for module in SHARE_SYSTEMS:
        module.write(ctx, history, others)
        progress.step(f"{module.__name__.rsplit('.', 1)[-1]} extract written")
    _write_people_truth(ctx)
    truth_counts = truth.write(cfg.truth_dir)
    elapsed = time.perf_counter() - started
    summary = {
        "people": cfg.people,
        "seed": cfg.seed,
        "profile": cfg.profile.name,
        "tables": dict(sorted(writer.counts.items())),
        "truth_tables": truth_counts,
        "source_records": int(sum(writer.counts.values())),
        "seconds": round(elapsed, 2),
    }
    # The marker the dev target checks: this extract is synthetic, these files.
    write_manifest(cfg.raw_dir, {k: v for k, v in summary.items() if k != "seconds"})
    progress.step(
        f"{summary['source_records']:,} source records in {elapsed:.1f}s "
        f"({summary['source_records'] / max(elapsed, 1e-9) * 60:,.0f} per minute)"
    )
    return summary


def _write_people_truth(ctx: Context) -> None:
    pop = ctx.pop
    ctx.truth.add(
        "people",
        person_key=pop.key,
        sex=pop.sex,
        ethnicity_code=pop.ethnicity,
        ethnic_group=pop.ethnic_group,
        date_of_birth=pop.dob,
        forename=pop.forename,
        middle_names=pop.middle,
        surname=pop.surname,
        new_surname=pop.new_surname,
        surname_change_date=pop.surname_change,
        pnc_number=pop.pnc,
        cro_number=pop.cro,
        is_child=pop.is_child,
        is_criminal=pop.is_criminal,
        collision=pop.collision,
        collides_with=np.where(pop.collides_with >= 0, pop.key[pop.collides_with], None),
    )
    ctx.truth.add(
        "aliases",
        person_key=pop.key[pop.alias_person],
        alias_forename=pop.alias_forename,
        alias_surname=pop.alias_surname,
        alias_date_of_birth=pop.alias_dob,
    )
    addr = pop.addresses
    ctx.truth.add(
        "addresses",
        person_key=pop.key[addr.person],
        start_date=addr.start,
        address_line=addr.line,
        postcode=addr.postcode,
        local_authority_code=addr.local_authority,
    )
