{#- Person linkage measured against the generator's truth: pairwise and
    B-cubed accuracy, the F1's standard error over people and
    over-/under-linking counts, per scope (each dataset's person ids, and the
    cross-justice ids), threshold level and group of the true person
    (everyone, by sex, by ethnic group). -#}
{%- set levels = ['low', 'default', 'high'] -%}
{%- set group_types = ['sex', 'ethnic_group'] -%}

with

clusters as (
    select * from {{ ref('linkage_person_clusters') }}
),

truth_records as (
    select * from {{ ref('stg_truth__person_records') }}
),

people as (
    select * from {{ ref('stg_truth__people') }}
),

-- records the linkage may link (OASys records after March 2023 may not)
linkable_records as (
    select record_id
    from {{ ref('int_person_records_unioned') }}
    where is_linkable
),

-- every linkable record with its true person and that person's groups
records as (
    select
        clusters.record_id,
        clusters.source_dataset,
        truth_records.person_key,
        {%- for level in levels %}
        {%- set suffix = '' if level == 'default' else '_' ~ level %}
        clusters.estimated_person_id{{ suffix }},
        clusters.estimated_xjs_id{{ suffix }},
        {%- endfor %}
        coalesce(people.sex, 'unknown') as sex,
        coalesce(people.ethnic_group, 'unknown') as ethnic_group
    from clusters
    inner join linkable_records
        on clusters.record_id = linkable_records.record_id
    inner join truth_records
        on clusters.record_id = truth_records.record_id
    left join people
        on truth_records.person_key = people.person_key
),

-- one row per record, scope and threshold level, with the estimated id
assigned as (
    {%- for level in levels %}
    {%- set suffix = '' if level == 'default' else '_' ~ level %}
    select
        record_id,
        person_key,
        sex,
        ethnic_group,
        source_dataset as scope,
        '{{ level }}' as threshold_level,
        estimated_person_id{{ suffix }} as estimated_id
    from records
    union all
    select
        record_id,
        person_key,
        sex,
        ethnic_group,
        'cross_justice' as scope,
        '{{ level }}' as threshold_level,
        estimated_xjs_id{{ suffix }} as estimated_id
    from records
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- each row again for every group the true person belongs to
grouped as (
    select
        scope,
        threshold_level,
        'all' as group_type,
        'all' as group_value,
        estimated_id,
        person_key
    from assigned
    {%- for group_type in group_types %}
    union all
    select
        scope,
        threshold_level,
        '{{ group_type }}' as group_type,
        {{ group_type }} as group_value,
        estimated_id,
        person_key
    from assigned
    {%- endfor %}
),

-- records shared by one estimated id and one true person
cells as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        estimated_id,
        person_key,
        count(*) as cell_records
    from grouped
    group by
        scope,
        threshold_level,
        group_type,
        group_value,
        estimated_id,
        person_key
),

estimated_clusters as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        estimated_id,
        sum(cell_records) as cluster_records,
        count(*) as cluster_people
    from cells
    group by
        scope,
        threshold_level,
        group_type,
        group_value,
        estimated_id
),

-- each cell with the sizes of its estimated and true clusters (window sums:
-- no join on the five grouping keys)
cells_sized as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        person_key,
        cell_records,
        sum(cell_records) over (
            partition by
                scope, threshold_level, group_type, group_value, estimated_id
        ) as estimated_cluster_records,
        sum(cell_records) over (
            partition by
                scope, threshold_level, group_type, group_value, person_key
        ) as true_cluster_records
    from cells
),

-- each true person: its records, the ids they fall in, and its share of
-- the F1, 2 TP / (2 TP + FP + FN), doubled to whole numbers: f1_numerator
-- is 4 x its true positive pairs, f1_denominator 2 x (2 x its true positive
-- pairs + its missed pairs) + the wrong pairs its records make with other
-- people's records under one id (a wrong pair counts half to either person)
true_clusters as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        person_key,
        sum(cell_records) as cluster_records,
        count(*) as cluster_ids,
        cast(
            2 * sum(cell_records * (cell_records - 1)) as decimal(38, 0)
        ) as f1_numerator,
        cast(
            sum(cell_records * (estimated_cluster_records - 1))
            + sum(cell_records) * (sum(cell_records) - 1)
            as decimal(38, 0)
        ) as f1_denominator
    from cells_sized
    group by
        scope,
        threshold_level,
        group_type,
        group_value,
        person_key
),

cell_totals as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        sum(cell_records) as records,
        sum(cell_records * (cell_records - 1) / 2) as true_positive_pairs,
        -- summed as decimals: exact, so a rerun gives identical numbers
        sum(cast(
            cell_records * cell_records / estimated_cluster_records
            as decimal(38, 15)
        )) as bcubed_precision_sum,
        sum(cast(
            cell_records * cell_records / true_cluster_records
            as decimal(38, 15)
        )) as bcubed_recall_sum
    from cells_sized
    group by
        scope,
        threshold_level,
        group_type,
        group_value
),

estimated_totals as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        count(*) as estimated_ids,
        sum(cluster_records * (cluster_records - 1) / 2) as predicted_pairs,
        count(*) filter (where cluster_people > 1) as ids_merging_people
    from estimated_clusters
    group by
        scope,
        threshold_level,
        group_type,
        group_value
),

true_totals as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        count(*) as people,
        sum(cluster_records * (cluster_records - 1) / 2) as true_pairs,
        count(*) filter (where cluster_ids > 1) as people_split,
        -- the F1 as a ratio of sums over people, and the sums of squares
        -- its standard error needs (exact: a rerun gives the same figure)
        cast(sum(f1_numerator) as double) as f1_numerator,
        cast(sum(f1_denominator) as double) as f1_denominator,
        cast(sum(f1_numerator * f1_numerator) as double)
            as f1_numerator_squares,
        cast(sum(f1_numerator * f1_denominator) as double)
            as f1_cross_products,
        cast(sum(f1_denominator * f1_denominator) as double)
            as f1_denominator_squares
    from true_clusters
    group by
        scope,
        threshold_level,
        group_type,
        group_value
),

-- people are the sampling units (a person's pairs are linked or missed
-- together): the standard error of the F1, a ratio of sums over people
-- (a / b), is that of a ratio estimator,
-- sqrt(n / (n - 1) * sum((a - f1 b)^2)) / sum(b) over the n people
f1_errors as (
    select
        scope,
        threshold_level,
        group_type,
        group_value,
        case
            when people < 2 or f1_denominator = 0 then 0.0
            else
                sqrt(
                    greatest(
                        f1_numerator_squares
                        - 2 * f1 * f1_cross_products
                        + f1 * f1 * f1_denominator_squares,
                        0.0
                    )
                    * people / (people - 1)
                )
                / f1_denominator
        end as f1_standard_error
    from (
        select
            *,
            f1_numerator / nullif(f1_denominator, 0) as f1
        from true_totals
    ) as true_totals_with_f1
),

final as (
    select
        cell_totals.scope,
        case
            {%- for dataset in datasets() %}
            when cell_totals.scope = '{{ dataset.code }}'
                then '{{ dataset.kind }}'
            {%- endfor %}
            else 'cross_justice'
        end as scope_kind,
        cell_totals.threshold_level,
        cell_totals.group_type,
        cell_totals.group_value,
        cast(cell_totals.records as bigint) as records,
        true_totals.people,
        estimated_totals.estimated_ids,
        cast(true_totals.true_pairs as bigint) as true_pairs,
        cast(estimated_totals.predicted_pairs as bigint) as predicted_pairs,
        cast(cell_totals.true_positive_pairs as bigint)
            as true_positive_pairs,
        case
            when estimated_totals.predicted_pairs = 0 then 1.0
            else
                cell_totals.true_positive_pairs
                / estimated_totals.predicted_pairs
        -- the metric's own name, though a DuckDB keyword
        end as precision,  -- noqa: RF04
        case
            when true_totals.true_pairs = 0 then 1.0
            else cell_totals.true_positive_pairs / true_totals.true_pairs
        end as recall,
        case
            when estimated_totals.predicted_pairs + true_totals.true_pairs = 0
                then 1.0
            else
                2 * cell_totals.true_positive_pairs
                / (estimated_totals.predicted_pairs + true_totals.true_pairs)
        end as f1,
        cast(cell_totals.bcubed_precision_sum as double)
        / cell_totals.records as bcubed_precision,
        cast(cell_totals.bcubed_recall_sum as double)
        / cell_totals.records as bcubed_recall,
        f1_errors.f1_standard_error,
        true_totals.people_split,
        estimated_totals.ids_merging_people
    from cell_totals
    inner join estimated_totals
        on
            cell_totals.scope = estimated_totals.scope
            and cell_totals.threshold_level = estimated_totals.threshold_level
            and cell_totals.group_type = estimated_totals.group_type
            and cell_totals.group_value = estimated_totals.group_value
    inner join true_totals
        on
            cell_totals.scope = true_totals.scope
            and cell_totals.threshold_level = true_totals.threshold_level
            and cell_totals.group_type = true_totals.group_type
            and cell_totals.group_value = true_totals.group_value
    inner join f1_errors
        on
            cell_totals.scope = f1_errors.scope
            and cell_totals.threshold_level = f1_errors.threshold_level
            and cell_totals.group_type = f1_errors.group_type
            and cell_totals.group_value = f1_errors.group_value
)

select * from final
