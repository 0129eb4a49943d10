{#-
    A cross-justice journey: people whose first magistrates' case in the
    extract was disposed of between the start of the probation data and two
    years before the end of the extract, by the result of that case and
    their age, and how many of them were in prison custody (P-NOMIS) or
    started a probation event (nDelius) within two years of the disposal.
    People are cross-justice persons (estimated_xjs_id in xjs_link), at the
    default threshold; the cohort is the research model
    research_magistrates_defendants_followed_up.
-#}
with

followed_up as (
    select * from {{ ref('research_magistrates_defendants_followed_up') }}
    where threshold_level = 'default'
),

cohort_outcomes as (
    select
        first_case_result,
        {{ age_band('age_at_disposal', [25, 40]) }} as age_band,
        is_in_custody_within_2y,
        is_on_probation_within_2y
    from followed_up
),

cells as (
    select
        coalesce(first_case_result, 'all') as first_case_result,
        coalesce(age_band, 'all') as age_band,
        count(*) as defendants_count,
        count(*) filter (where is_in_custody_within_2y) as custody_2y_count,
        count(*) filter (
            where is_on_probation_within_2y
        ) as probation_2y_count
    from cohort_outcomes
    group by cube(first_case_result, age_band)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['first_case_result', 'age_band'],
        ['defendants_count', 'custody_2y_count', 'probation_2y_count']
    ) }}
),

final as (
    select
        first_case_result,
        age_band,
        defendants_count,
        custody_2y_count,
        probation_2y_count,
        round(custody_2y_count / defendants_count, 3) as custody_2y_rate,
        round(probation_2y_count / defendants_count, 3) as probation_2y_rate
    from safe
)

select * from final
order by first_case_result, age_band
