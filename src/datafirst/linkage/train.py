"""Train the person-linkage models (``python -m datafirst.linkage.train``).

1. Generate a training extract with the project's generator (its own seed,
   never the demo's), and build the warehouse up to the standardised person
   records on it with dbt, so training sees exactly what prediction will see.
2. For each model: estimate u by random sampling, m by expectation
   maximisation, the prior from deterministic rules and their recall.
3. Score the training pairs and run the simulated clerical review to choose
   the low, default and high thresholds.
4. Write ``models/<name>.json`` (the Splink model plus our metadata) and a
   model card ``models/<name>.md``.

Same seed, same models.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from datafirst.generator import GeneratorConfig, generate
from datafirst.generator.config import PROFILES
from datafirst.linkage import engine
from datafirst.linkage.cards import write_card
from datafirst.linkage.regularise import PSEUDO_PAIRS, expected_matches, regularise
from datafirst.linkage.review import review
from datafirst.linkage.specs import ALL_MODELS, CROSS_JUSTICE, PersonModel
from datafirst.project import DATA_DIR, Dbt

log = logging.getLogger(__name__)

TRAIN_SEED = 424242
TRAIN_PEOPLE = 30_000
U_MAX_PAIRS = 3_000_000


def build_training_warehouse(folder: Path, people: int, seed: int) -> Path:
    """Generate a training extract and build the person records on it."""
    cfg = GeneratorConfig(
        people=people,
        seed=seed,
        profile=PROFILES["default"],
        raw_dir=folder / "raw",
        truth_dir=folder / "truth",
    )
    generate(cfg)
    dbt = Dbt.in_folder(folder, database="training.duckdb")
    dbt.check(
        "build",
        "-s",
        "+int_person_records_unioned",
        "+int_court_cases_journey_prepared",
        "stg_truth__crown_mags_cases",
        "--exclude",
        "test_type:data",
    )
    return dbt.duckdb_path


def load_journey_data(folder: Path) -> tuple[pa.Table, pa.Table]:
    """Case records for the journey model and the reviewer's knowledge: each
    Crown record and its true magistrates' case share a key."""
    con = duckdb.connect(str(folder / "training.duckdb"), read_only=True)
    cases = con.sql("select * from intermediate.int_court_cases_journey_prepared").to_arrow_table()
    truth = con.sql(
        """
        with pairs as (
            select crown_record_id as crown_id, mags_record_id as mags_id
            from staging.stg_truth__crown_mags_cases
            where mags_record_id is not null
        )
        select c.record_id,
               coalesce(p1.crown_id, p2.crown_id, c.record_id) as person_key
        from intermediate.int_court_cases_journey_prepared as c
        left join pairs as p1 on p1.crown_id = c.record_id
        left join pairs as p2 on p2.mags_id = c.record_id
        """
    ).to_arrow_table()
    con.close()
    return cases, truth


def train_journey(cases: pa.Table, clusters: pa.Table, truth: pa.Table, seed: int) -> dict:
    from datafirst.linkage import journeys
    from datafirst.linkage.specs import JOURNEY

    started = time.perf_counter()
    tables = journeys.journey_tables(cases, clusters)
    con = duckdb.connect()
    con.register("truth", truth)
    con.register("mags", tables["mags_hocas"])
    con.register("crown", tables["crown_xhibit"])
    total, caught, blocked = con.sql(
        """
        select count(*),
               count(*) filter (where l.police_urn = r.police_urn
                                and l.court_date = r.court_date),
               count(*) filter (where l.police_urn = r.police_urn
                                or l.estimated_xjs_id = r.estimated_xjs_id
                                or (l.court_code = r.court_code
                                    and l.court_date = r.court_date))
        from mags as l
        inner join truth as tl on tl.record_id = l.record_id
        inner join truth as tr on tr.person_key = tl.person_key
        inner join crown as r on r.record_id = tr.record_id
        """
    ).fetchall()[0]
    con.close()
    recall = max(caught / total, 1e-3) if total else 1.0
    linker = engine.new_linker(JOURNEY, tables, journeys.settings())
    linker.training.estimate_probability_two_random_records_match(
        list(JOURNEY.deterministic), recall=recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=seed)
    for rule in JOURNEY.training_blocking:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    splink_model = linker.misc.save_model_to_json()
    splink_model.pop("linker_uid", None)  # a random id of this Python object
    scored = engine.score_pairs(splink_model, tables, floor=0.001)
    result = review(
        scored.select(["record_id_l", "record_id_r", "match_weight"]),
        truth,
        JOURNEY.target_precision,
        seed,
    )
    meta = {
        "model": JOURNEY.name,
        "datasets": ["mags_hocas", "crown_xhibit"],
        "link_type": "link_only",
        "training": {
            "generator_seed": seed,
            "records": sum(t.num_rows for t in tables.values()),
            "records_per_dataset": {k: t.num_rows for k, t in tables.items()},
            "scored_pairs": scored.num_rows,
            "true_pairs": total,
            "reachable_by_blocking": blocked,
            "blocking_recall": blocked / total if total else 1.0,
            "seconds": round(time.perf_counter() - started, 1),
        },
        "deterministic_rules": list(JOURNEY.deterministic),
        "deterministic_recall": recall,
        "blocking_rules": list(JOURNEY.blocking),
        "training_blocking_rules": list(JOURNEY.training_blocking),
        "target_precision": JOURNEY.target_precision,
        "thresholds": result.thresholds,
        "threshold_match_weights": result.threshold_weights,
        "clerical_review": result.bands,
    }
    return {"datafirst": meta, "splink": splink_model}


def load_training_data(folder: Path) -> tuple[pa.Table, pa.Table]:
    con = duckdb.connect(str(folder / "training.duckdb"), read_only=True)
    records = con.sql("select * from intermediate.int_person_records_unioned").to_arrow_table()
    truth = con.sql(
        f"""
        select r.record_id, t.person_key
        from intermediate.int_person_records_unioned as r
        inner join read_parquet('{folder / "truth" / "person_records.parquet"}') as t
            on t.source_system = r.source_system
            and t.source_table = r.source_table
            and t.record_key = r.source_record_id
        """
    ).to_arrow_table()
    con.close()
    return records, truth


def true_pair_counts(model: PersonModel, tables: dict[str, pa.Table], truth: pa.Table) -> dict:
    """True matching pairs among the model's records, how many the blocking
    rules reach, and how many the deterministic rules catch (their recall)."""
    con = duckdb.connect()
    con.register("truth", truth)
    parts = []
    for name, table in tables.items():
        con.register(f"t_{name}", table)
        parts.append(f"select * from t_{name}")
    con.execute(
        "create table recs as select r.*, truth.person_key from ("
        + " union all ".join(parts)
        + ") as r inner join truth using (record_id)"
    )
    pair_filter = (
        "l.record_id < r.record_id"
        if model.link_type == "dedupe_only"
        else "l.source_dataset < r.source_dataset"
    )
    con.execute(
        f"create table true_pairs as select l.*, r.* from recs as l "
        f"inner join recs as r on l.person_key = r.person_key and {pair_filter}"
    )
    # Column names collide in true_pairs; rebuild with suffixes.
    cols = [c for c in tables[next(iter(tables))].column_names] + ["person_key"]
    select = ", ".join([f"l.{c} as {c}_l" for c in cols] + [f"r.{c} as {c}_r" for c in cols])
    con.execute(
        f"create or replace table true_pairs as select {select} from recs as l "
        f"inner join recs as r on l.person_key = r.person_key and {pair_filter}"
    )

    def count(rules) -> int:
        cond = " or ".join(f"({_suffix(rule)})" for rule in rules)
        return con.execute(f"select count(*) from true_pairs where {cond}").fetchone()[0]

    total = con.execute("select count(*) from true_pairs").fetchone()[0]
    blocked = count(model.blocking)
    deterministic = count(model.deterministic)
    con.close()
    return {
        "true_pairs": total,
        "reachable_by_blocking": blocked,
        "blocking_recall": blocked / total if total else 1.0,
        "deterministic_recall": max(deterministic / total, 1e-3) if total else 1.0,
    }


def _suffix(rule: str) -> str:
    """Rewrite a Splink rule (l.x, r.x) onto the true_pairs columns (x_l, x_r)."""
    import re

    return re.sub(r"\b([lr])\.(\w+)", lambda m: f"{m.group(2)}_{m.group(1)}", rule)


def train_model(
    model: PersonModel,
    records: pa.Table,
    truth: pa.Table,
    seed: int,
    pooled: dict | None = None,
) -> dict:
    """Train one person model; a deduplication model's m probabilities are
    regularised towards ``pooled`` (the cross-justice model, as Splink saves
    it) when given."""
    started = time.perf_counter()
    tables = engine.split_by_dataset(records, model)
    counts = true_pair_counts(model, tables, truth)
    linker = engine.new_linker(model, tables, engine.settings_for(model))
    linker.training.estimate_probability_two_random_records_match(
        list(model.deterministic), recall=counts["deterministic_recall"]
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=seed)
    for rule in model.training_blocking:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    splink_model = linker.misc.save_model_to_json()
    splink_model.pop("linker_uid", None)  # a random id of this Python object
    regularisation = None
    if pooled is not None and model.link_type == "dedupe_only":
        matches = expected_matches(splink_model, sum(t.num_rows for t in tables.values()))
        splink_model, changes = regularise(splink_model, pooled, matches)
        regularisation = {
            "pooled_model": CROSS_JUSTICE.name,
            "pseudo_pairs": PSEUDO_PAIRS,
            "expected_matches": round(matches, 1),
            "levels": changes,
        }
    scored = engine.score_pairs(
        splink_model, tables, floor=0.001, frequencies=engine.term_frequencies(records)
    )
    result = review(
        scored.select(["record_id_l", "record_id_r", "match_weight"]),
        truth,
        model.target_precision,
        seed,
        floors=model.band_precision_floor,
    )
    meta = {
        "model": model.name,
        "datasets": list(model.datasets),
        "link_type": model.link_type,
        "training": {
            "generator_seed": seed,
            "records": sum(t.num_rows for t in tables.values()),
            "records_per_dataset": {k: t.num_rows for k, t in tables.items()},
            "scored_pairs": scored.num_rows,
            **{k: counts[k] for k in ("true_pairs", "reachable_by_blocking", "blocking_recall")},
            "seconds": round(time.perf_counter() - started, 1),
        },
        "deterministic_rules": list(model.deterministic),
        "deterministic_recall": counts["deterministic_recall"],
        "blocking_rules": list(model.blocking),
        "training_blocking_rules": list(model.training_blocking),
        "regularisation": regularisation,
        "target_precision": model.target_precision,
        "band_precision_floor": model.band_precision_floor,
        "thresholds": result.thresholds,
        "threshold_match_weights": result.threshold_weights,
        "clerical_review": result.bands,
    }
    return {"datafirst": meta, "splink": splink_model}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=TRAIN_PEOPLE)
    parser.add_argument("--seed", type=int, default=TRAIN_SEED)
    parser.add_argument("--workdir", type=Path, default=DATA_DIR / "training")
    parser.add_argument("--out", type=Path, default=engine.MODELS_DIR)
    parser.add_argument("--models", nargs="*", default=[*sorted(ALL_MODELS), "link_mags_crown"])
    parser.add_argument("--reuse", action="store_true", help="reuse an existing training build")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.workdir.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and (args.workdir / "training.duckdb").exists()):
        log.info("building the training warehouse (%s people, seed %s)", args.people, args.seed)
        build_training_warehouse(args.workdir, args.people, args.seed)
    records, truth = load_training_data(args.workdir)
    args.out.mkdir(parents=True, exist_ok=True)
    # The cross-justice model first: the deduplication models are
    # regularised towards it.
    names = sorted(args.models, key=lambda name: name != CROSS_JUSTICE.name)
    for name in names:
        if name == "link_mags_crown":
            # The journey model reads the person ids the person models give.
            links = engine.score_links(records, args.out)
            clusters = engine.cluster_people(records, links)
            cases, journey_truth = load_journey_data(args.workdir)
            trained = train_journey(cases, clusters, journey_truth, args.seed)
        else:
            pooled = None
            if name != CROSS_JUSTICE.name:
                pooled = engine.load_model(CROSS_JUSTICE.name, args.out)["splink"]
            trained = train_model(ALL_MODELS[name], records, truth, args.seed, pooled)
        trained["datafirst"]["training"]["people"] = args.people
        (args.out / f"{name}.json").write_text(json.dumps(trained, indent=2, sort_keys=True) + "\n")
        write_card(trained, args.out / f"{name}.md")
        meta = trained["datafirst"]
        log.info(
            "%s: thresholds %s (blocking recall %.4f)",
            name,
            {k: round(v, 4) for k, v in meta["thresholds"].items()},
            meta["training"]["blocking_recall"],
        )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
