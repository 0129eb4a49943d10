{#-
    Completion of probation requirements: requirements of community and
    suspended sentence orders by requirement category, with how many had
    ended by the extract, how many of those were completed and how many
    ended in breach.
-#}
with

requirements as (
    select * from {{ ref('delius_rqmnt') }}
),

requirements_described as (
    select
        is_running,
        termination_outcome,
        coalesce(requirement_category, 'not_known') as requirement_category
    from requirements
),

cells as (
    select
        coalesce(requirement_category, 'all') as requirement_category,
        count(*) as requirements_count,
        count(*) filter (where not is_running) as ended_count,
        count(*) filter (
            where termination_outcome = 'completed'
        ) as completed_count,
        count(*) filter (where termination_outcome = 'breach') as breach_count
    from requirements_described
    group by rollup(requirement_category)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['requirement_category'],
        ['requirements_count', 'ended_count', 'completed_count', 'breach_count']
    ) }}
),

final as (
    select
        requirement_category,
        requirements_count,
        ended_count,
        completed_count,
        breach_count,
        round(completed_count / ended_count, 3) as completion_rate,
        round(breach_count / ended_count, 3) as breach_rate
    from safe
)

select * from final
order by requirement_category
