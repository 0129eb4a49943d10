{#- The fairness statement of the linkage: for each scope, threshold level
    and grouping of the true people (sex, ethnic group), the best and the
    worst group by pairwise precision, recall and F1, and the gap between
    them. -#}
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

final as (
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
        count(*) as compared_groups,
        min(records) as smallest_group_records
    from compared_groups
    group by
        scope,
        scope_kind,
        threshold_level,
        group_type
)

select * from final
