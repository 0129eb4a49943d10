{#- The fairness statement of the linkage: for each scope, threshold level
    and grouping of the true people (sex, ethnic group), the best and the
    worst group by pairwise precision, recall and F1, the gap between them,
    and the F1 gap's standard error. -#}
{%- set metrics = ['precision', 'recall', 'f1'] -%}

with

accuracy as (
    select * from {{ ref('linkage_person_accuracy') }}
),

-- groups where the metrics are defined: some pair is true or predicted
compared_groups as (
    select *
    from accuracy
    where
        group_type <> 'all'
        and true_pairs + predicted_pairs > 0
),

best_and_worst as (
    select
        scope,
        scope_kind,
        threshold_level,
        group_type,
        {%- for metric in metrics %}
        {{ first_ordered(
            'group_value', [metric ~ ' desc', 'group_value asc']
        ) }} as best_{{ metric }}_group,
        max({{ metric }}) as best_{{ metric }},
        {{ first_ordered(
            'group_value', [metric ~ ' asc', 'group_value asc']
        ) }} as worst_{{ metric }}_group,
        min({{ metric }}) as worst_{{ metric }},
        max({{ metric }}) - min({{ metric }}) as {{ metric }}_gap,
        {%- endfor %}
        {{ first_ordered(
            'f1_standard_error', ['f1 desc', 'group_value asc']
        ) }} as best_f1_standard_error,
        {{ first_ordered(
            'f1_standard_error', ['f1 asc', 'group_value asc']
        ) }} as worst_f1_standard_error,
        count(*) as compared_groups,
        min(records) as smallest_group_records
    from compared_groups
    group by
        scope,
        scope_kind,
        threshold_level,
        group_type
),

-- the gap's standard error (the two groups are disjoint sets of people)
final as (
    select
        *,
        sqrt(
            best_f1_standard_error * best_f1_standard_error
            + worst_f1_standard_error * worst_f1_standard_error
        ) as f1_gap_standard_error
    from best_and_worst
)

select * from final
