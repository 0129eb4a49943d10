with

events as (
    select * from {{ ref('int_familyman_events_trusted') }}
),

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

event_types as (
    select
        event_code,
        event_description
    from {{ ref('family_event_types') }}
),

-- Events of a case in the order they happened; on one day, in the order
-- FamilyMan keys them (the seed's order: issue, application, ..., closure),
-- then by event id.
sequenced as (
    select
        events.*,
        row_number() over (
            partition by events.case_number
            order by
                events.event_date,
                case events.event_code
                    when 'ISS' then 1
                    when 'APP' then 2
                    when 'TRF' then 3
                    when 'HLS' then 4
                    when 'HHD' then 5
                    when 'HVC' then 6
                    when 'IOM' then 7
                    when 'DNP' then 8
                    when 'FOM' then 9
                    when 'CLS' then 10
                end,
                cast(events.event_id as bigint)
        ) as event_sequence
    from events
),

final as (
    select
        {{ pseudonymise('sequenced.event_id', 'familyman.event_id') }}
            as event_id_hash,
        {{ pseudonymise('sequenced.case_number', 'familyman.case_number') }}
            as case_number_hash,
        cast(sequenced.event_sequence as integer) as event_sequence,
        sequenced.event_code,
        event_types.event_description,
        sequenced.event_stage,
        sequenced.event_date,
        cast(
            {{ dbt.datediff(
                'cases.issue_date', 'sequenced.event_date', 'day'
            ) }} as integer
        ) as days_since_issue,
        sequenced.application_type_code,
        sequenced.order_type_code
    from sequenced
    inner join cases
        on sequenced.case_number = cases.case_number
    left join event_types
        on sequenced.event_code = event_types.event_code
)

select * from final
