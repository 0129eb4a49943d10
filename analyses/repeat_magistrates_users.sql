{#-
    Repeat users of the magistrates' courts: people (estimated_defendant_id)
    by the number of magistrates' cases they have in the extract (banded)
    and their age at the first hearing of their first case, with the share
    of the age band each number of cases holds.
-#}
with

defendant_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

people as (
    select
        estimated_defendant_id,
        count(*) as number_of_cases,
        arg_min_null(
            age_at_first_hearing, first_hearing_date
        ) as age_at_first_case
    from defendant_cases
    group by estimated_defendant_id
),

people_banded as (
    select
        estimated_defendant_id,
        case
            when number_of_cases = 1 then '1 case'
            when number_of_cases = 2 then '2 cases'
            when number_of_cases <= 4 then '3-4 cases'
            else '5+ cases'
        end as cases_band,
        {{ age_band('age_at_first_case', [25, 35, 50]) }} as age_band
    from people
),

cells as (
    select
        coalesce(age_band, 'all') as age_band,
        coalesce(cases_band, 'all') as cases_band,
        count(*) as people_count
    from people_banded
    group by cube(age_band, cases_band)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['age_band', 'cases_band'],
        ['people_count']
    ) }}
),

final as (
    select
        age_band,
        cases_band,
        people_count,
        case
            when cases_band != 'all'
                then round(
                    people_count / max(
                        case when cases_band = 'all' then people_count end
                    ) over (partition by age_band),
                    3
                )
        end as share_of_age_band
    from safe
)

select * from final
order by age_band, cases_band
