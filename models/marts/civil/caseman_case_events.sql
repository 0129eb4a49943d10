with

case_events as (
    select * from {{ ref('stg_caseman__case_events') }}
    where quarantine_reason is null
),

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

event_types as (
    select * from {{ ref('civil_event_types') }}
    where source_system = 'caseman'
),

final as (
    select
        {{ pseudonymise('case_events.event_id', 'caseman.event_id') }}
            as event_id_hash,
        {{ pseudonymise('case_events.case_number', 'caseman.case_number') }}
            as case_number_hash,
        case_events.event_sequence,
        case_events.event_code,
        event_types.event_description,
        case_events.event_stage,
        case_events.event_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'case_events.event_date', 'day'
        ) }} as integer) as days_since_issue
    from case_events
    -- Events of a quarantined case are left out with their case.
    inner join cases
        on case_events.case_number = cases.case_number
    left join event_types
        on case_events.event_code = event_types.event_code
)

select * from final
