with

claim_events as (
    select * from {{ ref('int_civil_case_events_unioned') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('event_id', 'pcol.event_id') }} as event_id_hash,
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as case_number_hash,
        event_code,
        event_description,
        event_stage,
        event_date,
        days_since_issue
    from claim_events
)

select * from final
