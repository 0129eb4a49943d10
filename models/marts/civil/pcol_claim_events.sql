with

claim_events as (
    select * from {{ ref('stg_pcol__claim_events') }}
    where quarantine_reason is null
),

claims as (
    select * from {{ ref('stg_pcol__claims') }}
    where quarantine_reason is null
),

event_types as (
    select * from {{ ref('civil_event_types') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('claim_events.event_id', 'pcol.event_id') }}
            as event_id_hash,
        {{ pseudonymise('claim_events.claim_number', 'pcol.claim_number') }}
            as claim_number_hash,
        claim_events.event_type_code as event_code,
        event_types.event_description,
        claim_events.event_stage,
        claim_events.event_date,
        cast({{ dbt.datediff(
            'claims.issue_date', 'claim_events.event_date', 'day'
        ) }} as integer) as days_since_issue
    from claim_events
    -- Events of a quarantined claim are left out with their claim.
    inner join claims
        on claim_events.claim_number = claims.claim_number
    left join event_types
        on claim_events.event_type_code = event_types.event_code
)

select * from final
