{#-
    Sensitivity of a cross-justice finding to linkage error: the journey
    from a first magistrates' case to prison custody or probation within two
    years (analysis magistrates_to_custody_probation), computed three times,
    with the cross-justice person at the low, default and high
    match-probability thresholds of xjs_link (estimated_xjs_id_low,
    estimated_xjs_id, estimated_xjs_id_high), side by side. The cohort at
    each threshold is the research model
    research_magistrates_defendants_followed_up.
-#}
with

cohort_outcomes as (
    select
        threshold_level,
        first_case_result,
        is_in_custody_within_2y,
        is_on_probation_within_2y
    from {{ ref('research_magistrates_defendants_followed_up') }}
),

cells as (
    select
        threshold_level,
        coalesce(first_case_result, 'all') as first_case_result,
        count(*) as defendants_count,
        count(*) filter (where is_in_custody_within_2y) as custody_2y_count,
        count(*) filter (
            where is_on_probation_within_2y
        ) as probation_2y_count
    from cohort_outcomes
    group by rollup(threshold_level, first_case_result)
    having grouping(threshold_level) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['threshold_level', 'first_case_result'],
        ['defendants_count', 'custody_2y_count', 'probation_2y_count']
    ) }}
),

rates as (
    select
        threshold_level,
        first_case_result,
        defendants_count,
        custody_2y_count,
        probation_2y_count,
        round(custody_2y_count / defendants_count, 4) as custody_2y_rate,
        round(probation_2y_count / defendants_count, 4) as probation_2y_rate
    from safe
),

final as (
    select
        *,
        round(
            custody_2y_rate - max(
                case
                    when threshold_level = 'default' then custody_2y_rate
                end
            ) over (partition by first_case_result),
            4
        ) as custody_2y_rate_shift,
        round(
            probation_2y_rate - max(
                case
                    when threshold_level = 'default' then probation_2y_rate
                end
            ) over (partition by first_case_result),
            4
        ) as probation_2y_rate_shift
    from rates
)

select * from final
order by
    first_case_result,
    case threshold_level
        when 'low' then 1
        when 'default' then 2
        when 'high' then 3
    end
