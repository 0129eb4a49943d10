"""Build Splink linkers for the person models, train them, and predict and
cluster with trained models.

The engine runs where the warehouse runs (:mod:`datafirst.linkage.backends`):
on DuckDB, Splink has its own in-memory DuckDB and tables go in and come out
as Arrow; on Spark, Splink's Spark backend works on the warehouse's
DataFrames. The same functions, SQL and Splink calls serve both; the models'
SQL is translated for Spark by :mod:`datafirst.linkage.dialect`. Nothing is
left in the warehouse."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pyarrow as pa
from splink import Linker, SettingsCreator

from datafirst import registry
from datafirst.linkage import comparisons, dialect
from datafirst.linkage.backends import (  # noqa: F401  (connect, splink_api: the DuckDB side's)
    DEFAULT_MEMORY_LIMIT,
    MEMORY_LIMIT_ENV,
    DuckDBBackend,
    SparkBackend,
    backend_for,
    connect,
    register,
    splink_api,
    splink_session,
)
from datafirst.linkage.specs import IDENTIFIER_LEVELS, PersonModel

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
    "postcode_local_authority",
    "pnc_number",
    "cro_number",
    "crn",
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
    "postcode_within_authority": lambda: comparisons.postcode(local_authority=True),
    "sex": lambda: comparisons.exact("sex"),
    "pnc_number": comparisons.pnc_number,
    "pnc_number_typo": lambda: comparisons.pnc_number(exact_level=False),
    "cro_number": lambda: comparisons.exact("cro_number"),
    "crn": lambda: comparisons.exact("crn"),
    "co_party_names": comparisons.co_party_names,
}

logging.getLogger("splink").setLevel(logging.ERROR)


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


def split_by_dataset(records, model: PersonModel) -> dict:
    """The model's input tables: one per dataset, linkable records only, in
    record id order (Arrow on DuckDB, DataFrames on Spark)."""
    backend = backend_for(records)
    backend.load("records_given", records)
    out = {}
    for dataset in model.datasets:
        table = backend.query(
            f"select {', '.join(PERSON_COLUMNS)} from records_given "
            f"where source_dataset = '{dataset}' and is_linkable "
            "order by record_id"
        )
        if backend.num_rows(table):
            out[dataset] = table
    backend.close()
    return out


def new_linker(model, tables: dict, settings, db_api=None) -> Linker:
    """A Splink linker of ``tables`` (Arrow on DuckDB, DataFrames on Spark)."""
    if db_api is None:
        db_api = backend_for(*tables.values()).splink_api()
    frames = [register(db_api, t, name) for name, t in tables.items()]
    # Levels never seen in training (aliases, swaps in small datasets) keep
    # neutral default weights; Splink's warning about them is expected.
    return Linker(frames if len(frames) > 1 else frames[0], settings, log_level=logging.ERROR)


def load_model(name: str, folder: Path = MODELS_DIR) -> dict:
    return json.loads((folder / f"{name}.json").read_text())


def predict(
    model: PersonModel,
    trained: dict,
    tables: dict,
    floor: float | None = None,
    frequencies: dict | None = None,
):
    """Score candidate pairs with a trained model after re-estimating the
    prior for these records, the identifier levels' u-probabilities moving
    with it (:func:`for_population`); keep pairs at or above ``floor`` (by
    default the model's low threshold). ``frequencies``: the term
    frequencies to weigh exact agreement by (see :func:`term_frequencies`);
    by default those of the model's own records."""
    meta = trained["datafirst"]
    backend = backend_for(*tables.values())
    if model.link_type == "link_only" and len(tables) < 2 or not tables:
        return backend.from_arrow(_empty_edges())
    if model.link_type == "dedupe_only" and sum(backend.num_rows(t) for t in tables.values()) < 2:
        return backend.from_arrow(_empty_edges())
    backend = numbered_records(tables)
    prior = estimate_prior(
        backend, model.link_type, model.deterministic, meta["deterministic_recall"]
    )
    # No near-certain pair at all (prior 0): the trained prior stays.
    settings = for_population(trained["splink"], prior, IDENTIFIER_LEVELS)
    floor = meta["thresholds"]["low"] if floor is None else floor
    scored = _score(backend, settings, floor, frequencies=frequencies)
    backend.close()
    return backend.with_constant(scored, "link_model", model.name)


def for_population(splink_model: dict, prior: float, identifier_levels) -> dict:
    """A trained Splink model for records whose prior is ``prior``. Two
    random records agree on an identifier of one person or one case (a PNC
    number, a case reference, a police reference, the cross-justice id)
    about as often as they are a match: in a population ten times the size
    both are a tenth as likely. So the u-probabilities of
    ``identifier_levels`` ((comparison, level label) pairs) move with the
    prior, from the training extract's to these records': a shared
    identifier weighs what it weighs in the population at hand rather than
    what it weighed among the training extract's people, and a pair's match
    probability means the same at any size. Other levels (a name, a date
    of birth, a day and court) are as common among random pairs at any
    size and keep their trained u. With no prior (0 or None) the trained
    model is returned unchanged."""
    out = json.loads(json.dumps(splink_model))
    if not prior:
        return out
    scale = prior / out["probability_two_random_records_match"]
    out["probability_two_random_records_match"] = prior
    levels = set(identifier_levels)
    for comparison in out["comparisons"]:
        for level in comparison["comparison_levels"]:
            if (comparison["output_column_name"], level.get("label_for_charts")) in levels:
                level["u_probability"] = min(level["u_probability"] * scale, 1.0)
    return out


def numbered_records(tables: dict) -> DuckDBBackend | SparkBackend:
    """A backend holding ``records``: the model's input tables in one, each
    record numbered (``unique_id``, in record id order)."""
    backend = backend_for(*tables.values())
    parts = []
    for index, table in enumerate(tables.values()):
        backend.load(f"input_{index}", table)
        parts.append(f"select * from input_{index}")
    backend.create(
        "records",
        "select row_number() over (order by record_id) as unique_id, "
        f"* from ({' union all '.join(parts)})",
    )
    return backend


def candidate_pairs_sql(rules, link_type: str, table: str = "records", sql_dialect="duckdb") -> str:
    """The pairs of records that meet any of ``rules`` (Splink blocking rules
    on ``l`` and ``r``), once each, as integer ids ``join_key_l`` <
    ``join_key_r``. Each rule is an equi-join (with any filter it carries) on
    integer ids; ``union`` drops the pairs that more than one rule finds. A
    ``link_only`` model pairs records of different datasets only. Every rule
    is symmetric in l and r, so the smaller id on the left finds each pair
    once. The rules are DuckDB's SQL, translated for ``sql_dialect``."""
    across = " and l.source_dataset <> r.source_dataset" if link_type == "link_only" else ""
    return " union ".join(
        f"select l.unique_id as join_key_l, r.unique_id as join_key_r "
        f"from {table} as l inner join {table} as r "
        f"on ({dialect.translate(rule, sql_dialect)}) and l.unique_id < r.unique_id{across}"
        for rule in rules
    )


def estimate_prior(backend, link_type: str, deterministic, recall: float) -> float:
    """The probability that two random records match, re-estimated for the
    records at hand as Splink's ``estimate_probability_two_random_records_match``
    does: pairs meeting the deterministic rules, divided by the rules'
    recall (measured on the training data) and by the number of possible
    pairs."""
    observed = backend.scalar(
        "select count(*) from ("
        + candidate_pairs_sql(deterministic, link_type, sql_dialect=backend.dialect)
        + ")"
    )
    sizes = backend.column("select count(*) from records group by source_dataset")
    if link_type == "link_only":
        possible = (sum(sizes) ** 2 - sum(n * n for n in sizes)) / 2
    else:
        possible = sum(sizes) * (sum(sizes) - 1) / 2
    if observed > possible * recall:
        raise ValueError("the deterministic rules find more matches than their recall allows")
    return observed / recall / possible


def score_pairs(settings: dict, tables: dict, floor: float, frequencies: dict | None = None):
    """Score the candidate pairs of a Splink model (``settings``, as saved by
    Splink, prior included) and keep those at or above ``floor``."""
    backend = numbered_records(tables)
    scored = _score(backend, settings, floor, frequencies=frequencies)
    backend.close()
    return scored


def _score(
    backend,
    settings: dict,
    floor: float | None,
    pairs_sql: str | None = None,
    gammas: bool = False,
    frequencies: dict | None = None,
):
    """Splink blocks on its composite string ids (dataset and record id); at a
    million records the joins on those strings cost more than the scoring.
    So the pairs are blocked here on the integer ids of ``records`` with the
    model's own rules (or the pairs ``pairs_sql`` selects: join_key_l,
    join_key_r, in the backend's SQL), and Splink scores the registered
    pairs as a deduplication of one table: the same pairs, the same
    comparisons and the same match weights, in a fraction of the time. With
    ``gammas``, each pair's comparison levels (``gamma_<comparison>``) come
    too."""
    if pairs_sql is None:
        rules = [
            rule["blocking_rule"] if isinstance(rule, dict) else rule
            for rule in settings["blocking_rules_to_generate_predictions"]
        ]
        pairs_sql = candidate_pairs_sql(rules, settings["link_type"], sql_dialect=backend.dialect)
    pairs = backend.query(f"select '0' as match_key, join_key_l, join_key_r from ({pairs_sql})")
    scoring = {
        **dialect.settings(settings, backend.dialect),
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "blocking_rules_to_generate_predictions": [],
        # Splink returns the comparison levels (gamma_) only with the
        # matching columns.
        "retain_matching_columns": gammas,
        "retain_intermediate_calculation_columns": gammas,
    }
    scoring.pop("source_dataset_column_name", None)
    inputs = backend.query(
        "select "
        + ", ".join(c for c in backend.columns("records") if c != "source_dataset")
        + " from records"
    )
    with backend.splink_session() as db_api:
        linker = Linker(
            register(db_api, inputs, "records_to_score"),
            scoring,
            log_level=logging.ERROR,
        )
        linker.table_management.register_blocked_pairs_for_predict(
            register(db_api, pairs, "blocked_pairs")
        )
        for column in _tf_columns(settings):
            if frequencies and column in frequencies:
                linker.table_management.register_term_frequency_lookup(
                    register(db_api, frequencies[column], f"tf_lookup_{column}"), column
                )
        scored = backend.result(
            linker.inference.predict(threshold_match_probability=floor, warning_mode="never")
        )
    keep = ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
    if gammas:
        names = scored.column_names if hasattr(scored, "column_names") else scored.columns
        keep += [c for c in names if c.startswith("gamma_")]
    backend.load("scored", scored.select(keep))
    out = backend.query(
        f"""
        select l.record_id as record_id_l, r.record_id as record_id_r,
               l.source_dataset as source_dataset_l,
               r.source_dataset as source_dataset_r,
               {", ".join(f"scored.{c}" for c in keep[2:])}
        from scored
        inner join records as l on l.unique_id = scored.unique_id_l
        inner join records as r on r.unique_id = scored.unique_id_r
        order by record_id_l, record_id_r
        """
    )
    if isinstance(backend, DuckDBBackend):
        backend.unload("scored")
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


#: The columns whose exact agreement the models weigh by how common the
#: value is (Splink's term-frequency adjustment).
TF_COLUMNS = ("forename", "surname", "postcode")


def _tf_columns(settings: dict) -> list[str]:
    """The columns a model's comparisons adjust by term frequency."""
    return sorted(
        {
            level["tf_adjustment_column"]
            for comparison in settings["comparisons"]
            for level in comparison["comparison_levels"]
            if level.get("tf_adjustment_column")
        }
    )


#: Name columns whose frequencies count the value in either name field.
NAME_TF_COLUMNS = ("forename", "surname")


def term_frequencies(records) -> dict:
    """How common each forename, surname and postcode is among all the
    linkable person records of every dataset (``tf_<column>``: the value's
    share of the records holding one). Every model weighs exact agreement
    by these rather than by its own records' counts: in a small dataset
    (a few thousand civil parties) every name is seen once or twice, so a
    name shared with half the population weighs as much as one nobody
    else has; across every dataset of the warehouse the shares tell them
    apart, and they mean the same whatever the size of the dataset.

    A name counts wherever it is recorded, as forename or as surname: a
    forename of ANDERSON is a common surname recorded in the wrong field
    (swapped names are among the commonest recording errors), so two
    records agreeing on it are as weak evidence as two agreeing on the
    surname Anderson, not as strong as two agreeing on a name nobody has."""
    backend = backend_for(records)
    backend.load("records_for_frequencies", records.select([*TF_COLUMNS, "is_linkable"]))
    names = " union all ".join(
        f"select {c} as name from records_for_frequencies where is_linkable and {c} is not null"
        for c in NAME_TF_COLUMNS
    )
    backend.create(
        "frequencies_any_name", f"select name, count(*) as held from ({names}) group by name"
    )
    out = {}
    for column in TF_COLUMNS:
        held = "max(any_name.held)" if column in NAME_TF_COLUMNS else "count(*)"
        join = (
            f"inner join frequencies_any_name as any_name on r.{column} = any_name.name"
            if column in NAME_TF_COLUMNS
            else ""
        )
        backend.create(
            f"frequencies_{column}",
            f"select r.{column}, {held} / sum(count(*)) over () as tf_{column} "
            f"from records_for_frequencies as r {join} "
            f"where r.is_linkable and r.{column} is not null "
            f"group by r.{column}",
        )
        out[column] = backend.query(f"select * from frequencies_{column}")
    backend.close()
    return out


def connected_components(nodes: pa.Table, edges: pa.Table) -> pa.Table:
    """Cluster ``nodes`` (column record_id) by the ``edges`` given (all of
    which count as links) with Splink's connected components; the cluster id
    is the smallest record id in the cluster, so ids are stable."""
    from splink.internals.clustering import cluster_pairwise_predictions_at_threshold

    edges = edges.select(["record_id_l", "record_id_r", "match_probability"])
    with splink_session() as db_api:
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


LEVELS = registry.THRESHOLD_LEVELS


def score_links(records, models_dir: Path = MODELS_DIR):
    """Deduplicate every dataset and link across datasets with the trained
    models: every scored pair at or above its model's low threshold, with
    whether it links at each level (low, default, high)."""
    from datafirst.linkage.specs import CROSS_JUSTICE, DEDUPE_MODELS

    backend = backend_for(records)
    frequencies = term_frequencies(records)
    parts = []
    for model in (*DEDUPE_MODELS.values(), CROSS_JUSTICE):
        trained = load_model(model.name, models_dir)
        scored = predict(model, trained, split_by_dataset(records, model), frequencies=frequencies)
        thresholds = trained["datafirst"]["thresholds"]
        flags = {f"is_link_{level}": ("match_probability", thresholds[level]) for level in LEVELS}
        parts.append(backend.with_flags(scored, flags))
    return backend.concat(parts)


#: Each link's strongest level as a stand-in probability, so that one
#: multi-threshold clustering gives all three levels at once even though every
#: model has its own thresholds.
_LEVEL_SCORE = {"low": 0.5, "default": 0.7, "high": 0.9}
_LEVEL_CUT = {"low": 0.45, "default": 0.65, "high": 0.85}


def cluster_people(records, links):
    """One row per person record with its per-dataset person id and its
    cross-justice id at the low, default and high thresholds.

    Cross-justice clusters come from every link, within and between
    datasets. Per-dataset clusters come from the within-dataset links, and
    from the other datasets' evidence: records of one dataset that the
    cross-justice links join at the dataset's bridge level (the registry's
    ``bridge_level``: high for most criminal datasets, default for OASys
    and for family and civil parties; through a record of another dataset,
    say two P-NOMIS records each linked to the same person's magistrates'
    records) are one person there too, at that level and above, unless their
    PNC numbers differ by more than a mistyped character (two people the
    other datasets confused). A record without a PNC joins only where the
    dataset's records in that cluster hold at most one. So every per-dataset
    cluster lies inside one cross-justice cluster, and clusters nest across
    thresholds (high inside default inside low). Records that cannot be
    linked stay on their own. Cluster ids are the smallest record id in the
    cluster.

    A record without a date of birth joins one generation: of its links to
    records that hold one, it keeps those born within
    ``BIRTH_YEARS_APART`` of the record it links most strongly (see
    :func:`_one_generation`).
    """
    backend = backend_for(records, links)
    # Splink clusters integers far faster than long string ids: number the
    # records (in record id order) and cluster the numbers.
    backend.load(
        "records_given",
        records.select(["record_id", "source_dataset", "pnc_number", "date_of_birth"]),
    )
    backend.create(
        "records_in",
        "select row_number() over (order by record_id) as node_id, "
        "record_id, source_dataset, pnc_number, year(date_of_birth) as birth_year "
        "from records_given",
    )
    backend.load("links_given", links)
    backend.create(
        "links_scored",
        "select l.node_id as node_id_l, r.node_id as node_id_r, "
        "links_given.source_dataset_l, links_given.source_dataset_r, "
        "l.birth_year as birth_year_l, r.birth_year as birth_year_r, "
        "links_given.match_weight, "
        "links_given.is_link_low, links_given.is_link_default, links_given.is_link_high "
        "from links_given "
        "inner join records_in as l on l.record_id = links_given.record_id_l "
        "inner join records_in as r on r.record_id = links_given.record_id_r",
    )
    level_score = (
        f"case when is_link_high then {_LEVEL_SCORE['high']} "
        f"when is_link_default then {_LEVEL_SCORE['default']} "
        f"when is_link_low then {_LEVEL_SCORE['low']} else 0 end"
    )
    _one_generation(backend, level_score)
    _components(
        backend,
        "xjs",
        f"select node_id_l, node_id_r, {level_score} as match_probability "
        "from links where is_link_low",
    )
    # A criminal dataset is bridged through criminal records only: a family
    # or civil party without a date of birth can join two namesakes born
    # years apart. Parties are bridged through every record.
    criminal = _sql_list(_kinds()["criminal"])
    bridge_levels = _bridge_levels()
    lowest = min(bridge_levels.values(), key=LEVELS.index)
    _components(
        backend,
        "criminal_bridge",
        f"select node_id_l, node_id_r, {level_score} as match_probability from links "
        f"where is_link_{lowest} and source_dataset_l in ({criminal}) "
        f"and source_dataset_r in ({criminal})",
    )
    # Each record, at each level from its dataset's bridge level up, to the
    # first record of its dataset, bridge cluster and PNC: an edge present at
    # that level and above.
    bridged = []
    for level in LEVELS[LEVELS.index(lowest) :]:
        cut = f"cluster_p_{str(_LEVEL_CUT[level]).replace('.', '_')}"
        datasets = [
            code
            for code, bridge in bridge_levels.items()
            if LEVELS.index(bridge) <= LEVELS.index(level)
        ]
        bridged.append(
            f"""
            select records_in.node_id, records_in.source_dataset,
                   {_LEVEL_SCORE[level]} as bridge_score,
                   case when records_in.source_dataset in ({criminal})
                        then 'c' || cast(criminal_bridge_raw.{cut} as string)
                        else 'x' || cast(xjs_raw.{cut} as string) end as cluster,
                   case when records_in.source_dataset in ({_sql_list(_holding_pnc())})
                        then records_in.pnc_number end as pnc_number
            from records_in
            inner join xjs_raw using (node_id)
            inner join criminal_bridge_raw using (node_id)
            where records_in.source_dataset in ({_sql_list(datasets)})
            """
        )
    backend.create("bridged", " union all ".join(bridged))
    # A PNC one character from another of the cluster's is that one mistyped
    # (OASys keys its records by PNC: a person's second record is one made
    # without it, or with it mistyped): both count as the smaller.
    backend.create(
        "bridged_pncs",
        """
        with pncs as (
            select distinct bridge_score, source_dataset, cluster, pnc_number
            from bridged where pnc_number is not null
        )
        select a.bridge_score, a.source_dataset, a.cluster, a.pnc_number,
               min(b.pnc_number) as pnc_key
        from pncs as a
        inner join pncs as b
            on a.bridge_score = b.bridge_score and a.source_dataset = b.source_dataset
            and a.cluster = b.cluster and levenshtein(a.pnc_number, b.pnc_number) <= 1
        group by a.bridge_score, a.source_dataset, a.cluster, a.pnc_number
        """,
    )
    _components(
        backend,
        "person",
        f"select node_id_l, node_id_r, {level_score} as match_probability from links "
        "where is_link_low and source_dataset_l = source_dataset_r "
        "union all "
        """
        select min(node_id) over (
                   partition by keyed.bridge_score, keyed.source_dataset, keyed.cluster,
                   coalesce(
                       keyed.pnc_key,
                       case when coalesce(pncs.pncs, 0) <= 1 then coalesce(pncs.pnc, '')
                            else 'alone:' || cast(node_id as string) end
                   )
               ),
               node_id, keyed.bridge_score
        from (
            select bridged.node_id, bridged.bridge_score, bridged.source_dataset,
                   bridged.cluster, bridged_pncs.pnc_key
            from bridged
            left join bridged_pncs
                on bridged_pncs.bridge_score = bridged.bridge_score
                and bridged_pncs.source_dataset = bridged.source_dataset
                and bridged_pncs.cluster = bridged.cluster
                and bridged_pncs.pnc_number = bridged.pnc_number
        ) as keyed
        left join (
            select bridge_score, source_dataset, cluster, count(distinct pnc_key) as pncs,
                   min(pnc_key) as pnc
            from bridged_pncs group by bridge_score, source_dataset, cluster
        ) as pncs
            on pncs.bridge_score = keyed.bridge_score
            and pncs.source_dataset = keyed.source_dataset
            and pncs.cluster = keyed.cluster
        """,
    )
    out = backend.query(
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
    )
    backend.close()
    return out


#: Records born further apart than this are not one person joined through a
#: record without a date of birth.
BIRTH_YEARS_APART = 1


def _one_generation(backend, level_score: str) -> None:
    """The links to cluster (``links``) from the scored links
    (``links_scored``): a record without a date of birth (most civil
    parties, a third of family parties) agrees with a father and his son of
    the same name at the same address as well as with either, and its two
    links make one person of two generations. So of its links to records
    that hold a date of birth it keeps those born within
    ``BIRTH_YEARS_APART`` years of the record it links most strongly (the
    highest level, then the highest match weight, then the smallest record
    number): it joins that generation, not both. Two records without a date
    of birth agree with each other whichever generation each belongs to (two
    namesakes born years apart, each with an undated family record): a link
    between two such records is kept only where the generations they joined
    (the birth years of the records each links most strongly) are within
    ``BIRTH_YEARS_APART`` years, or one of them joined none. Links between
    two records that both hold a date of birth are kept: their own
    comparison weighed the dates. The links kept are the same at every
    threshold, so clusters still nest."""
    backend.create(
        "links",
        f"""
        with mixed as (
            select *,
                   case when birth_year_l is null then node_id_l else node_id_r end
                       as undated_node_id,
                   case when birth_year_l is null then node_id_r else node_id_l end
                       as dated_node_id,
                   coalesce(birth_year_l, birth_year_r) as dated_birth_year
            from links_scored
            where (birth_year_l is null) <> (birth_year_r is null)
        ),
        ranked as (
            select undated_node_id, dated_birth_year, row_number() over (
                partition by undated_node_id
                order by {level_score} desc, match_weight desc, dated_node_id
            ) as strength_rank
            from mixed
        ),
        strongest as (
            select undated_node_id, dated_birth_year as strongest_birth_year
            from ranked where strength_rank = 1
        )
        select node_id_l, node_id_r, source_dataset_l, source_dataset_r,
               is_link_low, is_link_default, is_link_high
        from links_scored
        where birth_year_l is not null and birth_year_r is not null
        union all
        select undated.node_id_l, undated.node_id_r, undated.source_dataset_l,
               undated.source_dataset_r, undated.is_link_low,
               undated.is_link_default, undated.is_link_high
        from links_scored as undated
        left join strongest as strongest_l
            on strongest_l.undated_node_id = undated.node_id_l
        left join strongest as strongest_r
            on strongest_r.undated_node_id = undated.node_id_r
        where undated.birth_year_l is null and undated.birth_year_r is null
          and coalesce(
              abs(strongest_l.strongest_birth_year - strongest_r.strongest_birth_year)
              <= {BIRTH_YEARS_APART},
              true
          )
        union all
        select mixed.node_id_l, mixed.node_id_r, mixed.source_dataset_l,
               mixed.source_dataset_r, mixed.is_link_low, mixed.is_link_default,
               mixed.is_link_high
        from mixed
        inner join strongest using (undated_node_id)
        where abs(mixed.dated_birth_year - strongest.strongest_birth_year)
              <= {BIRTH_YEARS_APART}
        """,
    )


def _kinds() -> dict[str, list[str]]:
    """The dataset codes of each kind (criminal, family, civil)."""
    return {kind: list(registry.dataset_codes(kind)) for kind in registry.LINKED_KINDS}


def _holding_pnc() -> list[str]:
    """The codes of the datasets whose records hold a PNC number."""
    return [d.code for d in registry.LINKED_DATASETS if "pnc_number" in d.identifiers]


def _bridge_levels() -> dict[str, str]:
    """Each linked dataset's bridge level (see :func:`cluster_people`)."""
    return {d.code: d.bridge_level for d in registry.LINKED_DATASETS}


def _sql_list(codes) -> str:
    """Dataset codes as a SQL list of strings."""
    return ", ".join(f"'{code}'" for code in codes)


def _components(backend, scope: str, edges_sql: str) -> None:
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
    edges = backend.query(f"select * from ({edges_sql}) where node_id_l <> node_id_r")
    with backend.splink_session() as db_api:
        clusters = backend.result(
            cluster_pairwise_predictions_at_multiple_thresholds(
                backend.query("select node_id from records_in"),
                edges,
                db_api,
                "node_id",
                match_probability_thresholds=cuts,
            )
        )
    backend.load(f"{scope}_clusters", clusters)
    backend.create(f"{scope}_raw", f"select * from {scope}_clusters")
    columns = []
    for level, cut in zip(LEVELS, cuts, strict=True):
        suffix = "" if level == "default" else f"_{level}"
        source = "cluster_p_" + str(cut).replace(".", "_")
        # Re-key every cluster on its smallest member.
        columns.append(
            f"min(records_in.record_id) over (partition by {source})"
            f" as estimated_{scope}_id{suffix}"
        )
    backend.create(
        scope,
        f"select records_in.record_id, {', '.join(columns)} "
        f"from {scope}_raw inner join records_in using (node_id)",
    )
