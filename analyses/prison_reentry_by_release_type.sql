{#-
    Re-entry to prison by release type: custodial journeys that ended in a
    release, by the kind of release, and whether the same person
    (estimated_offender_id) started another custodial journey within one
    year and within two years. Only releases with the full follow-up before
    the end of the extract count towards each measure.
-#}
with

custodial_journeys as (
    select * from {{ ref('nomis_flatfile') }}
),

extract_end as (
    select max(greatest(journey_start_date, journey_end_date)) as extract_date
    from custodial_journeys
),

journeys_in_order as (
    select
        journey_end_date,
        coalesce(release_type, 'not_recorded') as release_type,
        lead(journey_start_date) over (
            partition by estimated_offender_id
            order by journey_start_date, journey_id_hash
        ) as next_journey_start_date
    from custodial_journeys
    where estimated_offender_id is not null
),

releases as (
    select
        journeys_in_order.release_type,
        journeys_in_order.journey_end_date,
        extract_end.extract_date,
        date_diff(
            'day',
            journeys_in_order.journey_end_date,
            journeys_in_order.next_journey_start_date
        ) as days_to_reentry
    from journeys_in_order
    cross join extract_end
    where journeys_in_order.journey_end_date is not null
),

follow_up_periods as (
    select
        '1 year' as follow_up,
        365 as follow_up_days
    union all
    select
        '2 years' as follow_up,
        730 as follow_up_days
),

releases_followed_up as (
    select
        releases.release_type,
        follow_up_periods.follow_up,
        coalesce(
            releases.days_to_reentry <= follow_up_periods.follow_up_days,
            false
        ) as has_reentered
    from releases
    cross join follow_up_periods
    where
        releases.journey_end_date
        <= releases.extract_date - follow_up_periods.follow_up_days
),

cells as (
    select
        coalesce(release_type, 'all') as release_type,
        follow_up,
        count(*) as releases_count,
        count(*) filter (where has_reentered) as reentered_count
    from releases_followed_up
    group by rollup(follow_up, release_type)
    having grouping(follow_up) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['release_type', 'follow_up'],
        ['releases_count', 'reentered_count']
    ) }}
),

final as (
    select
        release_type,
        follow_up,
        releases_count,
        reentered_count,
        round(reentered_count / releases_count, 3) as reentry_rate
    from safe
)

select * from final
order by release_type, follow_up
