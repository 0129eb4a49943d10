"""Build Splink linkers for the person models, train them, and predict and
cluster with trained models. Splink runs on its own in-memory DuckDB; tables
go in and come out as Arrow, so nothing is left in the warehouse."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
from splink import DuckDBAPI, Linker, SettingsCreator

from datafirst.linkage import comparisons
from datafirst.linkage.specs import PersonModel

MODELS_DIR = Path(__file__).with_name("models")

#: Columns of int_person_records_unioned that the person models read: the
#: identifiers, standardised in staging, and the name features the warehouse
#: derives in that model (a test checks them against its dbt contract).
PERSON_COLUMNS = (
    "record_id",
    "source_dataset",
    "forename",
    "middle_names",
    "surname",
    "forename_aliases",
    "surname_aliases",
    "date_of_birth",
    "date_of_birth_aliases",
    "sex",
    "postcode",
    "postcode_outward",
    "pnc_number",
    "co_party_names",
    "forename_variants",
    "forename_metaphone",
    "surname_metaphone",
)

_COMPARISONS = {
    "forename": comparisons.forename,
    "middle_names": comparisons.middle_names,
    "surname": comparisons.surname,
    "date_of_birth": comparisons.date_of_birth,
    "postcode": comparisons.postcode,
    "sex": lambda: comparisons.exact("sex"),
    "pnc_number": comparisons.pnc_number,
    "pnc_number_typo": lambda: comparisons.pnc_number(exact_level=False),
    "co_party_names": comparisons.co_party_names,
}

logging.getLogger("splink").setLevel(logging.ERROR)

#: Memory the linkage's own DuckDB connections may use, each (the warehouse's
#: connection has its own limit, DATAFIRST_MEMORY_LIMIT). Beyond it DuckDB
#: spills to disk rather than growing.
MEMORY_LIMIT_ENV = "DATAFIRST_LINKAGE_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "4GB"


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection for the linkage, with its memory limit."""
    return duckdb.connect(
        config={"memory_limit": os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)}
    )


def splink_api() -> DuckDBAPI:
    """Splink's DuckDB backend on a connection of its own, with the limit."""
    return DuckDBAPI(connection=connect())


def settings_for(model: PersonModel) -> SettingsCreator:
    return SettingsCreator(
        link_type=model.link_type,
        unique_id_column_name="record_id",
        source_dataset_column_name="source_dataset",
        comparisons=[_COMPARISONS[c]() for c in model.comparisons],
        blocking_rules_to_generate_predictions=list(model.blocking),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        additional_columns_to_retain=[],
    )


def split_by_dataset(records: pa.Table, model: PersonModel) -> dict[str, pa.Table]:
    """The model's input tables: one per dataset, linkable records only, in
    record id order."""
    con = connect()
    con.register("records", records)
    out = {}
    for dataset in model.datasets:
        table = con.sql(
            f"select {', '.join(PERSON_COLUMNS)} from records "
            f"where source_dataset = '{dataset}' and is_linkable "
            "order by record_id"
        ).to_arrow_table()
        if table.num_rows:
            out[dataset] = table
    con.close()
    return out


def new_linker(model: PersonModel, tables: dict[str, pa.Table], settings) -> Linker:
    db_api = splink_api()
    frames = [db_api.register(t, dataset_display_name=name) for name, t in tables.items()]
    # Levels never seen in training (aliases, swaps in small datasets) keep
    # neutral default weights; Splink's warning about them is expected.
    return Linker(frames if len(frames) > 1 else frames[0], settings, log_level=logging.ERROR)


def load_model(name: str, folder: Path = MODELS_DIR) -> dict:
    return json.loads((folder / f"{name}.json").read_text())


def predict(
    model: PersonModel,
    trained: dict,
    tables: dict[str, pa.Table],
    floor: float | None = None,
) -> pa.Table:
    """Score candidate pairs with a trained model after re-estimating the
    prior for these records; keep pairs at or above ``floor`` (by default the
    model's low threshold)."""
    meta = trained["datafirst"]
    if model.link_type == "link_only" and len(tables) < 2 or not tables:
        return _empty_edges()
    if model.link_type == "dedupe_only" and sum(t.num_rows for t in tables.values()) < 2:
        return _empty_edges()
    con = numbered_records(tables)
    prior = estimate_prior(con, model.link_type, model.deterministic, meta["deterministic_recall"])
    settings = dict(trained["splink"])
    if prior:  # no near-certain pair at all: keep the trained prior
        settings["probability_two_random_records_match"] = prior
    floor = meta["thresholds"]["low"] if floor is None else floor
    scored = _score(con, settings, floor)
    con.close()
    return scored.append_column("link_model", pa.array([model.name] * scored.num_rows, pa.string()))


def numbered_records(tables: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    """A connection holding ``records``: the model's input tables in one,
    each record numbered (``unique_id``, in record id order)."""
    con = connect()
    parts = []
    for index, table in enumerate(tables.values()):
        con.register(f"input_{index}", table)
        parts.append(f"select * from input_{index}")
    con.execute(
        "create table records as select row_number() over (order by record_id) as unique_id, "
        f"* from ({' union all '.join(parts)})"
    )
    return con


def candidate_pairs_sql(rules, link_type: str, table: str = "records") -> str:
    """The pairs of records that meet any of ``rules`` (Splink blocking rules
    on ``l`` and ``r``), once each, as integer ids ``join_key_l`` <
    ``join_key_r``. Each rule is an equi-join (with any filter it carries) on
    integer ids; ``union`` drops the pairs that more than one rule finds. A
    ``link_only`` model pairs records of different datasets only. Every rule
    is symmetric in l and r, so the smaller id on the left finds each pair
    once."""
    across = " and l.source_dataset <> r.source_dataset" if link_type == "link_only" else ""
    return " union ".join(
        f"select l.unique_id as join_key_l, r.unique_id as join_key_r "
        f"from {table} as l inner join {table} as r "
        f"on ({rule}) and l.unique_id < r.unique_id{across}"
        for rule in rules
    )


def estimate_prior(
    con: duckdb.DuckDBPyConnection, link_type: str, deterministic, recall: float
) -> float:
    """The probability that two random records match, re-estimated for the
    records at hand as Splink's ``estimate_probability_two_random_records_match``
    does: pairs meeting the deterministic rules, divided by the rules'
    recall (measured on the training data) and by the number of possible
    pairs."""
    (observed,) = con.execute(
        f"select count(*) from ({candidate_pairs_sql(deterministic, link_type)})"
    ).fetchone()
    sizes = [
        n for (n,) in con.execute("select count(*) from records group by source_dataset").fetchall()
    ]
    if link_type == "link_only":
        possible = (sum(sizes) ** 2 - sum(n * n for n in sizes)) / 2
    else:
        possible = sum(sizes) * (sum(sizes) - 1) / 2
    if observed > possible * recall:
        raise ValueError("the deterministic rules find more matches than their recall allows")
    return observed / recall / possible


def score_pairs(settings: dict, tables: dict[str, pa.Table], floor: float) -> pa.Table:
    """Score the candidate pairs of a Splink model (``settings``, as saved by
    Splink, prior included) and keep those at or above ``floor``."""
    con = numbered_records(tables)
    scored = _score(con, settings, floor)
    con.close()
    return scored


def _score(
    con: duckdb.DuckDBPyConnection,
    settings: dict,
    floor: float | None,
    pairs_sql: str | None = None,
    gammas: bool = False,
) -> pa.Table:
    """Splink blocks on its composite string ids (dataset and record id); at a
    million records the joins on those strings cost more than the scoring.
    So the pairs are blocked here on the integer ids of ``records`` with the
    model's own rules (or the pairs ``pairs_sql`` selects: join_key_l,
    join_key_r), and Splink scores the registered pairs as a deduplication
    of one table: the same pairs, the same comparisons and the same match
    weights, in a fraction of the time. With ``gammas``, each pair's
    comparison levels (``gamma_<comparison>``) come too."""
    if pairs_sql is None:
        rules = [
            rule["blocking_rule"] if isinstance(rule, dict) else rule
            for rule in settings["blocking_rules_to_generate_predictions"]
        ]
        pairs_sql = candidate_pairs_sql(rules, settings["link_type"])
    pairs = con.sql(
        f"select '0' as match_key, join_key_l, join_key_r from ({pairs_sql})"
    ).to_arrow_table()
    scoring = {
        **settings,
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "blocking_rules_to_generate_predictions": [],
        "retain_intermediate_calculation_columns": gammas,
    }
    scoring.pop("source_dataset_column_name", None)
    db_api = splink_api()
    inputs = con.sql("select * exclude (source_dataset) from records").to_arrow_table()
    linker = Linker(
        db_api.register(inputs, dataset_display_name="records"),
        scoring,
        log_level=logging.ERROR,
    )
    linker.table_management.register_blocked_pairs_for_predict(
        db_api.register(pairs, dataset_display_name="blocked_pairs")
    )
    scored = linker.inference.predict(
        threshold_match_probability=floor, warning_mode="never"
    ).as_pyarrow_table()
    keep = ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
    if gammas:
        keep += [c for c in scored.column_names if c.startswith("gamma_")]
    con.register("scored", scored.select(keep))
    out = con.sql(
        """
        select l.record_id as record_id_l, r.record_id as record_id_r,
               l.source_dataset as source_dataset_l,
               r.source_dataset as source_dataset_r,
               scored.* exclude (unique_id_l, unique_id_r)
        from scored
        inner join records as l on l.unique_id = scored.unique_id_l
        inner join records as r on r.unique_id = scored.unique_id_r
        order by record_id_l, record_id_r
        """
    ).to_arrow_table()
    con.unregister("scored")
    return out


def _empty_edges() -> pa.Table:
    return pa.table(
        {
            "record_id_l": pa.array([], pa.string()),
            "record_id_r": pa.array([], pa.string()),
            "source_dataset_l": pa.array([], pa.string()),
            "source_dataset_r": pa.array([], pa.string()),
            "match_weight": pa.array([], pa.float64()),
            "match_probability": pa.array([], pa.float64()),
            "link_model": pa.array([], pa.string()),
        }
    )


def connected_components(nodes: pa.Table, edges: pa.Table) -> pa.Table:
    """Cluster ``nodes`` (column record_id) by the ``edges`` given (all of
    which count as links) with Splink's connected components; the cluster id
    is the smallest record id in the cluster, so ids are stable."""
    from splink.internals.clustering import cluster_pairwise_predictions_at_threshold

    db_api = splink_api()
    edges = edges.select(["record_id_l", "record_id_r", "match_probability"])
    clusters = cluster_pairwise_predictions_at_threshold(
        nodes.select(["record_id"]),
        edges,
        db_api,
        node_id_column_name="record_id",
        threshold_match_probability=None,
    ).as_pyarrow_table()
    con = connect()
    con.register("clusters", clusters)
    # Re-key every cluster on its smallest member, whatever Splink chose.
    out = con.sql(
        "select record_id, min(record_id) over (partition by cluster_id) as cluster_id "
        "from clusters order by record_id"
    ).to_arrow_table()
    con.close()
    return out


LEVELS = ("low", "default", "high")


def score_links(records: pa.Table, models_dir: Path = MODELS_DIR) -> pa.Table:
    """Deduplicate every dataset and link across datasets with the trained
    models: every scored pair at or above its model's low threshold, with
    whether it links at each level (low, default, high)."""
    from datafirst.linkage.specs import CROSS_JUSTICE, DEDUPE_MODELS

    parts = []
    for model in (*DEDUPE_MODELS.values(), CROSS_JUSTICE):
        trained = load_model(model.name, models_dir)
        scored = predict(model, trained, split_by_dataset(records, model))
        thresholds = trained["datafirst"]["thresholds"]
        for level in LEVELS:
            flags = pa.compute.greater_equal(scored["match_probability"], thresholds[level])
            scored = scored.append_column(f"is_link_{level}", flags)
        parts.append(scored)
    return pa.concat_tables(parts)


#: Each link's strongest level as a stand-in probability, so that one
#: multi-threshold clustering gives all three levels at once even though every
#: model has its own thresholds.
_LEVEL_SCORE = {"low": 0.5, "default": 0.7, "high": 0.9}
_LEVEL_CUT = {"low": 0.45, "default": 0.65, "high": 0.85}

#: Records of one dataset that the cross-justice links join at this level
#: are one person in that dataset too (see :func:`cluster_people`).
BRIDGE_LEVEL = "high"


def cluster_people(records: pa.Table, links: pa.Table) -> pa.Table:
    """One row per person record with its per-dataset person id and its
    cross-justice id at the low, default and high thresholds.

    Cross-justice clusters come from every link, within and between
    datasets. Per-dataset clusters come from the within-dataset links, and
    from the other datasets' evidence: records of one dataset that the
    cross-justice links join at the ``BRIDGE_LEVEL`` threshold (through a
    record of another dataset, say two P-NOMIS records each linked to the
    same person's magistrates' records) are one person there too, unless
    their PNC numbers differ (two people the other datasets confused: a PNC
    is not mistyped in these datasets, but for OASys, which is keyed by it).
    A record without a PNC joins only where the dataset's records in that
    cluster hold at most one. So every
    per-dataset cluster lies inside one cross-justice cluster, and clusters
    nest across thresholds (high inside default inside low). Records that
    cannot be linked stay on their own. Cluster ids are the smallest record
    id in the cluster.
    """
    con = connect()
    # Splink clusters integers far faster than long string ids: number the
    # records (in record id order) and cluster the numbers.
    con.register("records_given", records.select(["record_id", "source_dataset", "pnc_number"]))
    con.execute(
        "create table records_in as select row_number() over (order by record_id) as node_id, "
        "record_id, source_dataset, pnc_number from records_given"
    )
    con.register("links_given", links)
    con.execute(
        "create table links as select l.node_id as node_id_l, r.node_id as node_id_r, "
        "links_given.* exclude (record_id_l, record_id_r) from links_given "
        "inner join records_in as l on l.record_id = links_given.record_id_l "
        "inner join records_in as r on r.record_id = links_given.record_id_r"
    )
    level_score = (
        f"case when is_link_high then {_LEVEL_SCORE['high']} "
        f"when is_link_default then {_LEVEL_SCORE['default']} "
        f"when is_link_low then {_LEVEL_SCORE['low']} else 0 end"
    )
    _components(
        con,
        "xjs",
        f"select node_id_l, node_id_r, {level_score} as match_probability "
        "from links where is_link_low",
    )
    # A criminal dataset is bridged through criminal records only: a family
    # or civil party without a date of birth can join two namesakes born
    # years apart. Parties are bridged through every record.
    criminal = ", ".join(f"'{code}'" for code in _kinds()["criminal"])
    bridge_cut = f"cluster_p_{str(_LEVEL_CUT[BRIDGE_LEVEL]).replace('.', '_')}"
    _components(
        con,
        "criminal_bridge",
        f"select node_id_l, node_id_r, {level_score} as match_probability from links "
        f"where is_link_{BRIDGE_LEVEL} and source_dataset_l in ({criminal}) "
        f"and source_dataset_r in ({criminal})",
    )
    # Each record to the first record of its dataset, bridge cluster and PNC:
    # an edge present at every level.
    con.execute(
        f"""
        create table bridged as
        select records_in.node_id, records_in.source_dataset,
               case when records_in.source_dataset in ({criminal})
                    then 'c' || criminal_bridge_raw.{bridge_cut}
                    else 'x' || xjs_raw.{bridge_cut} end as cluster,
               case when records_in.source_dataset in ({_pnc_vetoed()})
                    then records_in.pnc_number end as pnc_number
        from records_in
        inner join xjs_raw using (node_id)
        inner join criminal_bridge_raw using (node_id)
        """
    )
    _components(
        con,
        "person",
        f"select node_id_l, node_id_r, {level_score} as match_probability from links "
        "where is_link_low and source_dataset_l = source_dataset_r "
        "union all "
        f"""
        select min(node_id) over (partition by bridged.source_dataset, bridged.cluster, coalesce(
                   bridged.pnc_number,
                   case when pncs.pncs <= 1 then pncs.pnc else 'alone:' || node_id end
               )),
               node_id, {_LEVEL_SCORE["high"]}
        from bridged
        inner join (
            select source_dataset, cluster, count(distinct pnc_number) as pncs,
                   coalesce(min(pnc_number), '') as pnc
            from bridged group by source_dataset, cluster
        ) as pncs using (source_dataset, cluster)
        """,
    )
    out = con.sql(
        """
        select records_in.record_id, records_in.source_dataset,
               person.estimated_person_id_low, xjs.estimated_xjs_id_low,
               person.estimated_person_id, xjs.estimated_xjs_id,
               person.estimated_person_id_high, xjs.estimated_xjs_id_high
        from records_in
        inner join person using (record_id)
        inner join xjs using (record_id)
        order by records_in.record_id
        """
    ).to_arrow_table()
    con.close()
    return out


def _kinds() -> dict[str, list[str]]:
    """The dataset codes of each kind (criminal, family, civil)."""
    from datafirst import registry

    return {kind: list(registry.dataset_codes(kind)) for kind in registry.KINDS}


def _pnc_vetoed() -> str:
    """The datasets whose records the bridge keeps apart when their PNC
    numbers differ, as a SQL list: those holding a PNC not as their key."""
    from datafirst import registry

    codes = [
        d.code for d in registry.DATASETS if "pnc_number" in d.identifiers and not d.keyed_by_pnc
    ]
    return ", ".join(f"'{code}'" for code in codes)


def _components(con: duckdb.DuckDBPyConnection, scope: str, edges_sql: str) -> None:
    """Connected components of the records (``records_in``) over the edges
    ``edges_sql`` selects (node_id_l, node_id_r, match_probability: a level
    score) at each threshold level, with Splink's multi-threshold
    clustering: Splink's clusters as ``<scope>_raw``, and ``<scope>``: each
    record with ``estimated_<scope>_id[_level]``, the smallest record id of
    its cluster."""
    from splink.internals.clustering import (
        cluster_pairwise_predictions_at_multiple_thresholds,
    )

    cuts = [_LEVEL_CUT[level] for level in LEVELS]
    edges = con.sql(f"select * from ({edges_sql}) where node_id_l <> node_id_r").to_arrow_table()
    clusters = cluster_pairwise_predictions_at_multiple_thresholds(
        con.sql("select node_id from records_in").to_arrow_table(),
        edges,
        splink_api(),
        "node_id",
        match_probability_thresholds=cuts,
    ).as_pyarrow_table()
    con.register(f"{scope}_clusters", clusters)
    con.execute(f"create table {scope}_raw as select * from {scope}_clusters")
    columns = []
    for level, cut in zip(LEVELS, cuts, strict=True):
        suffix = "" if level == "default" else f"_{level}"
        source = "cluster_p_" + str(cut).replace(".", "_")
        # Re-key every cluster on its smallest member.
        columns.append(
            f"min(records_in.record_id) over (partition by {source})"
            f" as estimated_{scope}_id{suffix}"
        )
    con.execute(
        f"create table {scope} as select records_in.record_id, {', '.join(columns)} "
        f"from {scope}_raw inner join records_in using (node_id)"
    )
