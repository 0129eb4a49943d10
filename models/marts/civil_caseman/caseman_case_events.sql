with

case_events as (
    select * from {{ ref('int_civil_case_events_unioned') }}
    where source_system = 'caseman'
),

final as (
    select
        {{ pseudonymise('event_id', 'caseman.event_id') }} as event_id_hash,
        {{ pseudonymise('case_number', 'caseman.case_number') }}
            as case_number_hash,
        event_sequence,
        event_code,
        event_description,
        event_stage,
        event_date,
        days_since_issue
    from case_events
)

select * from final
