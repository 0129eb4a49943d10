{{ config(enabled=var('evaluate_linkage', true)) }}
{#- linkage_journey_accuracy counts every Crown case of the truth whose
    magistrates' case is in the extract once: judged (right, wrong or
    missed) or lost with its quarantined Crown row, never both; and the
    missed whose magistrates' row was quarantined are among the missed.
    Returns the accuracy row when the counts disagree. -#}
with

accuracy as (
    select * from {{ ref('linkage_journey_accuracy') }}
),

truth as (
    select count(*) as truth_cases
    from {{ ref('stg_truth__crown_mags_cases') }}
    where is_mags_case_in_extract
),

final as (
    select
        accuracy.crown_cases_from_linkable_mags_case,
        accuracy.lost_to_quarantine,
        accuracy.missed,
        accuracy.missed_to_quarantine,
        truth.truth_cases
    from accuracy
    cross join truth
    where
        accuracy.crown_cases_from_linkable_mags_case
        + accuracy.lost_to_quarantine
        <> truth.truth_cases
        or accuracy.missed_to_quarantine > accuracy.missed
)

select * from final
