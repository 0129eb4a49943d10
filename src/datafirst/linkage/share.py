"""A probabilistic link of the MoJ-DfE share's two extracts, to measure what
the share's deterministic rules (seed share_match_rules) cost.

The share is linked deterministically in SQL (int_share_pairs_compared,
int_share_links_resolved). To say what that choice costs in recall, the
evaluation (linkage_share_probabilistic) also links the same trusted PNC
persons and pupils with a Fellegi-Sunter model trained there and then by
expectation maximisation (u by random sampling), on the same five
identifiers, and resolves it one to one the same way: a pair at or above
``THRESHOLD`` is a link when it is the most probable candidate of both its
PNC person and its pupil, ties left unmatched. The model is unsupervised:
it never reads the truth. It is a yardstick for the evaluation only; no
published table reads it.
"""

from __future__ import annotations

import logging

import pyarrow as pa
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on

from datafirst.linkage.backends import register, splink_session

#: Match probability at which a scored pair may become a link.
THRESHOLD = 0.5
#: Pairs sampled to estimate u probabilities, and the sampling seed.
U_MAX_PAIRS = 2_000_000
SEED = 20110101
COLUMNS = ("forename", "surname", "date_of_birth", "sex", "postcode")

#: Candidate pairs: the deterministic rules' six couples, and more (a
#: shared date of birth alone, a shared postcode alone), so that the model
#: can find pairs the rules cannot.
BLOCKING = (
    block_on("forename", "surname"),
    block_on("date_of_birth"),
    block_on("postcode"),
    block_on("surname", "substr(forename, 1, 1)"),
)
#: EM training blocks: each leaves some comparisons free to be estimated.
TRAINING = (block_on("date_of_birth"), block_on("forename", "surname"))
#: Near-certain pairs, for the prior (the share of pairs that match).
DETERMINISTIC = (
    "l.forename = r.forename and l.surname = r.surname and l.date_of_birth = r.date_of_birth",
)
DETERMINISTIC_RECALL = 0.7


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="record_id",
        source_dataset_column_name="source_dataset",
        comparisons=[
            cl.JaroWinklerAtThresholds("forename", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]),
            cl.DateOfBirthComparison(
                "date_of_birth",
                input_is_string=False,
                datetime_metrics=["month", "year", "year"],
                datetime_thresholds=[1, 1, 10],
            ),
            cl.ExactMatch("sex"),
            cl.PostcodeComparison("postcode"),
        ],
        blocking_rules_to_generate_predictions=list(BLOCKING),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def _records(table: pa.Table, id_column: str, dataset: str) -> pa.Table:
    n = table.num_rows
    return pa.table(
        {
            "record_id": table.column(id_column).cast(pa.string()),
            "source_dataset": pa.array([dataset] * n, pa.string()),
            **{c: table.column(c) for c in COLUMNS},
        }
    )


def link(pnc_persons: pa.Table, pupils: pa.Table) -> pa.Table:
    """The probabilistic one-to-one links of PNC persons (``pnc_id``) and
    pupils (``upn``): pnc_id, upn, match_probability."""
    left = _records(pnc_persons, "pnc_id", "share_pnc")
    right = _records(pupils, "upn", "share_npd")
    with splink_session() as db_api:
        frames = [
            register(db_api, left, "share_pnc"),
            register(db_api, right, "share_npd"),
        ]
        linker = Linker(frames, settings(), log_level=logging.ERROR)
        linker.training.estimate_probability_two_random_records_match(
            list(DETERMINISTIC), recall=DETERMINISTIC_RECALL
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
        for rule in TRAINING:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        scored = linker.inference.predict(
            threshold_match_probability=THRESHOLD, warning_mode="never"
        )
        pairs = db_api.duckdb_con.sql(
            f"""
            with pairs as (
                select
                    case when source_dataset_l = 'share_pnc'
                        then record_id_l else record_id_r end as pnc_id,
                    case when source_dataset_l = 'share_pnc'
                        then record_id_r else record_id_l end as upn,
                    match_probability
                from {scored.physical_name}
            ),
            ranked as (
                select
                    *,
                    max(match_probability) over (partition by pnc_id) as pnc_best,
                    max(match_probability) over (partition by upn) as pupil_best,
                    count(*) over (partition by pnc_id, match_probability) as pnc_ties,
                    count(*) over (partition by upn, match_probability) as pupil_ties
                from pairs
            )
            select pnc_id, upn, match_probability
            from ranked
            where match_probability = pnc_best and match_probability = pupil_best
                and pnc_ties = 1 and pupil_ties = 1
            order by pnc_id
            """
        ).to_arrow_table()
    return pairs
