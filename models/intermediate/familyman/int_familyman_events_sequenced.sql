with

events as (
    select * from {{ ref('int_familyman_events_trusted') }}
),

event_types as (
    select
        event_code,
        order_on_day
    from {{ ref('family_event_types') }}
),

-- Events of a case in the order they happened; on one day, in the order
-- FamilyMan keys them (the seed's order_on_day), then by event id.
sequenced as (
    select
        events.*,
        row_number() over (
            partition by events.case_number
            order by
                events.event_date,
                event_types.order_on_day,
                cast(events.event_id as bigint)
        ) as event_sequence
    from events
    left join event_types
        on events.event_code = event_types.event_code
)

select * from sequenced
