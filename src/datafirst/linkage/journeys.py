"""Magistrates' to Crown journey linkage: which magistrates' defendant-case
each Crown defendant-on-case came from, scored with a Splink model on case
evidence (police reference, date and court of sending, offences) and person
evidence (the cross-justice person id, the defendant's date of birth on each
case), then one link per Crown case."""

from __future__ import annotations

import pyarrow as pa
import splink.comparison_library as cl
from splink import SettingsCreator

from datafirst.linkage import dialect
from datafirst.linkage.backends import backend_for
from datafirst.linkage.comparisons import within_one_edit
from datafirst.linkage.engine import estimate_prior, for_population, new_linker, numbered_records
from datafirst.linkage.review import probability_to_weight, weight_to_probability
from datafirst.linkage.specs import JOURNEY, JourneyModel

JOURNEY_COLUMNS = (
    "record_id",
    "source_dataset",
    "police_urn",
    "court_date",
    "court_code",
    "offence_codes",
    "date_of_birth",
    "estimated_xjs_id",
)

_ELSE = {"sql_condition": "else", "label_for_charts": "all other"}


def _null(column: str) -> dict:
    return {
        "sql_condition": f"{column}_l is null or {column}_r is null",
        "label_for_charts": f"{column} missing",
        "is_null_level": True,
    }


def _level(sql: str, label: str) -> dict:
    return {"sql_condition": sql, "label_for_charts": label}


def settings(model: JourneyModel = JOURNEY) -> SettingsCreator:
    comparisons = [
        cl.CustomComparison(
            output_column_name="police_urn",
            comparison_levels=[
                _null("police_urn"),
                _level("police_urn_l = police_urn_r", "exact"),
                _level(
                    "damerau_levenshtein(police_urn_l, police_urn_r) <= 2", "one or two characters"
                ),
                _ELSE,
            ],
        ),
        cl.CustomComparison(
            output_column_name="court_date",
            comparison_levels=[
                _null("court_date"),
                _level("court_date_l = court_date_r", "same day"),
                _level("abs(date_diff('day', court_date_l, court_date_r)) <= 7", "within a week"),
                _level("abs(date_diff('day', court_date_l, court_date_r)) <= 60", "within 60 days"),
                _ELSE,
            ],
        ),
        cl.CustomComparison(
            output_column_name="court_code",
            comparison_levels=[
                _null("court_code"),
                _level("court_code_l = court_code_r", "same court"),
                _ELSE,
            ],
        ),
        cl.CustomComparison(
            output_column_name="offence_codes",
            comparison_levels=[
                _null("offence_codes"),
                _level(
                    "list_has_all(offence_codes_l, offence_codes_r)"
                    " and list_has_all(offence_codes_r, offence_codes_l)",
                    "same offences",
                ),
                _level(
                    "len(list_intersect(offence_codes_l, offence_codes_r)) >= 1",
                    "an offence in common",
                ),
                _ELSE,
            ],
        ),
        # The defendant's date of birth on each case: co-defendants (one
        # police reference, day, court and often charges) differ here, and
        # it holds where the person linkage left the two records apart.
        cl.CustomComparison(
            output_column_name="date_of_birth",
            comparison_levels=[
                _null("date_of_birth"),
                _level("date_of_birth_l = date_of_birth_r", "exact"),
                _level(
                    within_one_edit(
                        "cast(date_of_birth_l as varchar)", "cast(date_of_birth_r as varchar)"
                    ),
                    "one character differs",
                ),
                _ELSE,
            ],
        ),
        cl.CustomComparison(
            output_column_name="estimated_xjs_id",
            comparison_levels=[
                _null("estimated_xjs_id"),
                _level("estimated_xjs_id_l = estimated_xjs_id_r", "same person (cross-justice id)"),
                _ELSE,
            ],
        ),
    ]
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="record_id",
        source_dataset_column_name="source_dataset",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=list(model.blocking),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def journey_tables(cases, clusters) -> dict:
    """The two sides, with each case's cross-justice person id."""
    backend = backend_for(cases, clusters)
    backend.load("cases", cases)
    backend.load("clusters", clusters)
    out = {}
    for dataset in ("mags_hocas", "crown_xhibit"):
        out[dataset] = backend.query(
            f"""
            select cases.record_id, cases.source_dataset, cases.police_urn,
                   cases.court_date, cases.court_code, cases.offence_codes,
                   cases.date_of_birth, clusters.estimated_xjs_id
            from cases
            left join clusters on cases.record_id = clusters.record_id
            where cases.source_dataset = '{dataset}'
            order by cases.record_id
            """
        )
    backend.close()
    return out


def score(trained: dict, tables: dict, floor: float):
    """Score the candidate pairs of ``tables`` with the trained model, for
    these records: the prior re-estimated on them (as the person models'
    is), and the u-probabilities of the identifier levels scaled with it
    (:func:`datafirst.linkage.engine.for_population`)."""
    backend = backend_for(*tables.values())
    numbered = numbered_records(tables)
    prior = estimate_prior(
        numbered, "link_only", JOURNEY.deterministic, trained["datafirst"]["deterministic_recall"]
    )
    numbered.close()
    settings = dialect.settings(
        for_population(trained["splink"], prior, JOURNEY.identifier_levels), backend.dialect
    )
    with backend.splink_session() as db_api:
        linker = new_linker(JOURNEY, tables, settings, db_api)
        return backend.result(linker.inference.predict(threshold_match_probability=floor))


#: How much likelier, in bits, a Crown case's best-fitting magistrates' case
#: must be than the next: a Crown case came from one magistrates' case, so
#: between two candidates the best is the right one with probability
#: 2^gap / (1 + 2^gap), and a link must be right as often as the journey
#: model's target precision at the published level (0.995: 7.6 bits). Two
#: of one person's cases in one court two days apart, the Crown case
#: without a police reference and the right case without a date of birth,
#: were 1.4 bits apart (the wrong one linked, at a 1M build of an unseen
#: seed); at the 1M builds measured, 7 right links of 58,000 fell to it.
MARGIN_BITS = probability_to_weight(JOURNEY.target_precision["default"])


def best_links(scored, threshold: float, margin: float = MARGIN_BITS):
    """One magistrates' case per Crown case: the highest-scoring pair at or
    above the threshold, when every other magistrates' case scored (down to
    ``margin`` bits below the threshold) scores at least ``margin`` bits
    lower. Two cases that score the same hold the same evidence
    (co-defendants sent on the same day with the same charges, the Crown
    case without a police reference), and two that score nearly the same
    almost the same: the evidence cannot choose, so the Crown case stays
    unlinked rather than be linked to either. And one Crown case per
    magistrates' case: a defendant's case is sent to the Crown Court once,
    so of the Crown cases whose best fit one magistrates' case is, only the
    one it fits best (alone) is linked to it (a co-defendant's Crown case
    whose own magistrates' row was quarantined had taken the case its
    co-defendant came from, at a 1M build of an unseen seed)."""
    backend = backend_for(scored)
    backend.load("scored", scored)
    out = backend.query(
        f"""
        with oriented as (
            select
                case when source_dataset_l = 'crown_xhibit' then record_id_l
                     else record_id_r end as crown_record_id,
                case when source_dataset_l = 'crown_xhibit' then record_id_r
                     else record_id_l end as mags_record_id,
                match_weight, match_probability
            from scored
        ),
        ranked as (
            select *,
                row_number() over (
                    partition by crown_record_id order by match_weight desc, mags_record_id
                ) as rank_for_crown,
                lead(match_weight) over (
                    partition by crown_record_id order by match_weight desc, mags_record_id
                ) as next_weight
            from oriented
        ),
        best as (
            select * from ranked
            where rank_for_crown = 1
              and match_probability >= {threshold}
              and (next_weight is null or match_weight - next_weight >= {margin})
        ),
        claimed as (
            select *, rank() over (
                partition by mags_record_id order by match_weight desc
            ) as rank_for_mags
            from best
        ),
        kept as (
            select *, count(*) over (partition by mags_record_id) as best_crown_cases
            from claimed where rank_for_mags = 1
        )
        select crown_record_id, mags_record_id, match_weight, match_probability
        from kept where best_crown_cases = 1
        order by crown_record_id
        """
    )
    backend.close()
    return out


def link_journeys(cases, clusters, trained: dict):
    tables = journey_tables(cases, clusters)
    backend = backend_for(*tables.values())
    if min(backend.num_rows(t) for t in tables.values()) == 0:
        return best_links(backend.from_arrow(_empty_scored()), 1.0)
    thresholds = trained["datafirst"]["thresholds"]
    # Every candidate within the margin of the published threshold, to
    # weigh the best fit against.
    floor = min(
        thresholds["low"],
        weight_to_probability(probability_to_weight(thresholds["default"]) - MARGIN_BITS),
    )
    scored = score(trained, tables, floor)
    return best_links(scored, thresholds["default"])


def _empty_scored() -> pa.Table:
    return pa.table(
        {
            "record_id_l": pa.array([], pa.string()),
            "record_id_r": pa.array([], pa.string()),
            "source_dataset_l": pa.array([], pa.string()),
            "source_dataset_r": pa.array([], pa.string()),
            "match_weight": pa.array([], pa.float64()),
            "match_probability": pa.array([], pa.float64()),
        }
    )
