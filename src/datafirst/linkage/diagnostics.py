"""What limits the linkage, measured against the truth: how many true pairs
the blocking rules reach (directly, or through other records of the same
person), and the recall ceiling of a deduplication model: the best recall any
scorer could reach at a given precision when all it knows of a pair is what
the model compares.

The ceiling is computed over comparison patterns. Two pairs with the same
pattern (every comparison's level, and for agreeing names how common the
name is) look exactly alike to the model, so a scorer links both or neither.
For each pattern, the true pairs (of one person) and the non-matching
candidate pairs in it are counted; linking patterns from the most to the
least precise gives the largest recall whose precision stays at or above the
target. A true pair whose pattern also holds non-matching pairs is
indistinguishable from them (two namesakes without dates of birth look like
one person's two records). Non-matching pairs are counted among the
candidate pairs of the model's blocking rules (other pairs share too little
to be linked), and every true pair is scored, reachable or not.
"""

from __future__ import annotations

import pyarrow as pa

from datafirst import registry
from datafirst.linkage import engine
from datafirst.linkage.backends import DuckDBBackend
from datafirst.linkage.specs import DEDUPE_MODELS, PersonModel


def _true_pairs_sql(link_type: str) -> str:
    across = " and l.source_dataset <> r.source_dataset" if link_type == "link_only" else ""
    return (
        "select l.unique_id as join_key_l, r.unique_id as join_key_r "
        "from keyed as l inner join keyed as r "
        f"on l.person_key = r.person_key and l.unique_id < r.unique_id{across}"
    )


def _keyed(model: PersonModel, records: pa.Table, truth: pa.Table) -> DuckDBBackend:
    """The model's records numbered as the engine numbers them, and ``keyed``:
    each with its true person (on DuckDB: the diagnostics take Arrow)."""
    backend = engine.numbered_records(engine.split_by_dataset(records, model))
    con = backend.con
    con.register("truth", truth.select(["record_id", "person_key"]))
    con.execute(
        "create table keyed as select records.unique_id, records.record_id, "
        "records.source_dataset, truth.person_key "
        "from records inner join truth using (record_id)"
    )
    return backend


def blocking_recall(model: PersonModel, records: pa.Table, truth: pa.Table) -> dict:
    """True pairs among the model's records, the share its blocking rules
    reach directly, and the share they reach through other records of the
    same person (the pair's records connected by candidate pairs of that
    person's records: what clustering can recover)."""
    con = _keyed(model, records, truth).con
    con.execute(f"create table true_pairs as {_true_pairs_sql(model.link_type)}")
    con.execute(
        "create table reached as select cand.* from ("
        + engine.candidate_pairs_sql(model.blocking, model.link_type)
        + ") as cand inner join true_pairs using (join_key_l, join_key_r)"
    )
    (total,) = con.execute("select count(*) from true_pairs").fetchone()
    (direct,) = con.execute("select count(*) from reached").fetchone()
    # Components of each person's records over the candidate pairs reached.
    from splink.internals.clustering import cluster_pairwise_predictions_at_threshold

    with engine.splink_session() as db_api:
        components = cluster_pairwise_predictions_at_threshold(
            con.sql("select unique_id from keyed").to_arrow_table(),
            con.sql(
                "select join_key_l as unique_id_l, join_key_r as unique_id_r, "
                "1.0 as match_probability from reached"
            ).to_arrow_table(),
            db_api,
            node_id_column_name="unique_id",
            threshold_match_probability=None,
        ).as_pyarrow_table()
    con.register("components", components)
    (connected,) = con.execute(
        "select count(*) from true_pairs "
        "inner join components as l on l.unique_id = true_pairs.join_key_l "
        "inner join components as r on r.unique_id = true_pairs.join_key_r "
        "where l.cluster_id = r.cluster_id"
    ).fetchone()
    con.close()
    return {
        "model": model.name,
        "true_pairs": total,
        "direct_blocking_recall": direct / total if total else 1.0,
        "connected_blocking_recall": connected / total if total else 1.0,
    }


def recall_ceiling(
    model: PersonModel,
    trained: dict,
    records: pa.Table,
    truth: pa.Table,
    linked: pa.Table,
    precision: float = 0.98,
) -> dict:
    """The recall ceiling of a model at ``precision`` (see the module's
    docstring), the recall it reaches (``linked``: record_id_l, record_id_r
    of the true pairs that share a published id), and the share of its
    missed true pairs that are indistinguishable from non-matching pairs."""
    backend = _keyed(model, records, truth)
    con = backend.con
    rules = trained["datafirst"]["blocking_rules"]
    pairs_sql = (
        engine.candidate_pairs_sql(rules, model.link_type)
        + " union "
        + _true_pairs_sql(model.link_type)
    )
    scored = engine._score(backend, trained["splink"], None, pairs_sql=pairs_sql, gammas=True)
    con.register("scored", scored)
    con.register("linked", linked.select(["record_id_l", "record_id_r"]))
    gammas = [c for c in scored.column_names if c.startswith("gamma_")]
    # How common an agreeing name is: its records, in powers of two.
    frequency = {
        name: f"case when l.{name} = r.{name} then cast(floor(log2({name}_count.n)) as integer) end"
        for name in ("forename", "surname")
    }
    con.execute(
        "create table patterns as select "
        + " || '|' || ".join(
            [f"coalesce(cast(scored.{g} as varchar), '')" for g in gammas]
            + [f"coalesce(cast({sql} as varchar), '')" for sql in frequency.values()]
        )
        + " as pattern, coalesce(kl.person_key = kr.person_key, false) as is_match, "
        "linked.record_id_l is not null as is_linked "
        "from scored "
        "inner join records as l on l.record_id = scored.record_id_l "
        "inner join records as r on r.record_id = scored.record_id_r "
        "inner join keyed as kl on kl.record_id = scored.record_id_l "
        "inner join keyed as kr on kr.record_id = scored.record_id_r "
        + " ".join(
            f"left join (select {name}, count(*) as n from records group by {name}) "
            f"as {name}_count on {name}_count.{name} = l.{name}"
            for name in frequency
        )
        + " left join linked on linked.record_id_l = scored.record_id_l "
        "and linked.record_id_r = scored.record_id_r"
    )
    rows = con.execute(
        "select count(*) filter (where is_match) as t, count(*) filter (where not is_match) as f, "
        "count(*) filter (where is_match and not is_linked) as missed "
        "from patterns group by pattern "
        "order by t / (t + f) desc, t desc"
    ).fetchall()
    con.close()
    total = sum(t for t, _, _ in rows)
    missed = sum(m for _, _, m in rows)
    ceiling, true_sum, false_sum = 0.0, 0, 0
    for t, f, _ in rows:
        true_sum, false_sum = true_sum + t, false_sum + f
        if true_sum and true_sum / (true_sum + false_sum) >= precision:
            ceiling = max(ceiling, true_sum / total)
    return {
        "model": model.name,
        "true_pairs": total,
        "recall": 1 - missed / total if total else 1.0,
        "missed_pairs": missed,
        "indistinguishable_missed_pairs": sum(m for _, f, m in rows if f),
        "precision": precision,
        "recall_ceiling": ceiling if total else 1.0,
    }


def recall_ceilings(
    records: pa.Table, truth: pa.Table, clusters: pa.Table, precision: float = 0.98
) -> pa.Table:
    """The recall ceiling of each family and civil dataset's deduplication at
    ``precision``, beside the recall its published person ids reach: one
    row per dataset. ``truth``: record_id, person_key; ``clusters``: the
    person ids (linkage_person_clusters)."""
    con = engine.connect()
    con.register("truth", truth.select(["record_id", "person_key"]))
    con.register("clusters", clusters.select(["record_id", "estimated_person_id"]))
    linked = con.sql(
        "select l.record_id as record_id_l, r.record_id as record_id_r "
        "from clusters as l inner join clusters as r "
        "on l.estimated_person_id = r.estimated_person_id and l.record_id < r.record_id "
        "inner join truth as tl on tl.record_id = l.record_id "
        "inner join truth as tr on tr.record_id = r.record_id "
        "where tl.person_key = tr.person_key"
    ).to_arrow_table()
    con.close()
    rows = []
    for code in (*registry.dataset_codes("family"), *registry.dataset_codes("civil")):
        model = DEDUPE_MODELS[code]
        trained = engine.load_model(model.name)
        row = recall_ceiling(model, trained, records, truth, linked, precision)
        rows.append(
            {
                "source_dataset": code,
                "kind": registry.dataset(code).kind,
                **{k: v for k, v in row.items() if k != "model"},
            }
        )
    return pa.Table.from_pylist(rows)
