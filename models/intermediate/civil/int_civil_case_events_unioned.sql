{#-
    The trusted events of both civil systems' trusted cases in one shape,
    decoded (seed civil_event_types) and dated from the case's issue.
    Events of a quarantined case are left out with their case.
-#}
with

caseman_events as (
    select
        'caseman' as source_system,
        event_id,
        case_number,
        event_sequence,
        event_code,
        event_stage,
        event_date
    from {{ ref('int_caseman_case_events_trusted') }}
),

pcol_events as (
    select
        'pcol' as source_system,
        event_id,
        claim_number as case_number,
        cast(null as integer) as event_sequence,
        event_type_code as event_code,
        event_stage,
        event_date
    from {{ ref('int_pcol_claim_events_trusted') }}
),

cases as (
    select
        source_system,
        case_number,
        issue_date
    from {{ ref('int_civil_cases_unioned') }}
),

event_types as (
    select
        source_system,
        event_code,
        event_description
    from {{ ref('civil_event_types') }}
),

case_events as (
    select * from caseman_events
    union all
    select * from pcol_events
),

final as (
    select
        case_events.source_system,
        case_events.event_id,
        case_events.case_number,
        case_events.event_sequence,
        case_events.event_code,
        event_types.event_description,
        case_events.event_stage,
        case_events.event_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'case_events.event_date', 'day'
        ) }} as integer) as days_since_issue
    from case_events
    inner join cases
        on
            case_events.source_system = cases.source_system
            and case_events.case_number = cases.case_number
    left join event_types
        on
            case_events.source_system = event_types.source_system
            and case_events.event_code = event_types.event_code
)

select * from final
