{#-
    Repeat occupiers of prison: people (estimated_offender_id) by the number
    of separate custodial journeys they have in the extract (banded), by
    sex, with the share of each sex each number of journeys holds.
-#}
with

custodial_journeys as (
    select * from {{ ref('nomis_flatfile') }}
),

people as (
    select
        estimated_offender_id,
        count(*) as number_of_journeys,
        arg_min_null(sex, journey_start_date) as sex
    from custodial_journeys
    where estimated_offender_id is not null
    group by estimated_offender_id
),

people_banded as (
    select
        estimated_offender_id,
        coalesce(sex, 'not_known') as sex,
        case
            when number_of_journeys = 1 then '1 journey'
            when number_of_journeys = 2 then '2 journeys'
            else '3+ journeys'
        end as journeys_band
    from people
),

cells as (
    select
        coalesce(sex, 'all') as sex,
        coalesce(journeys_band, 'all') as journeys_band,
        count(*) as people_count
    from people_banded
    group by cube(sex, journeys_band)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['sex', 'journeys_band'],
        ['people_count']
    ) }}
),

final as (
    select
        sex,
        journeys_band,
        people_count,
        case
            when journeys_band != 'all'
                then round(
                    people_count / max(
                        case when journeys_band = 'all' then people_count end
                    ) over (partition by sex),
                    3
                )
        end as share_of_sex
    from safe
)

select * from final
order by sex, journeys_band
