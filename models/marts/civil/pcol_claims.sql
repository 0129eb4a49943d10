with

claims as (
    select * from {{ ref('stg_pcol__claims') }}
    where quarantine_reason is null
),

claim_events as (
    select * from {{ ref('stg_pcol__claim_events') }}
    where quarantine_reason is null
),

hearings as (
    select * from {{ ref('stg_pcol__hearings') }}
    where quarantine_reason is null
),

judgments as (
    select * from {{ ref('stg_pcol__judgments') }}
    where quarantine_reason is null
),

warrants as (
    select * from {{ ref('stg_pcol__warrants') }}
    where quarantine_reason is null
),

parties as (
    select * from {{ ref('stg_pcol__parties') }}
    where quarantine_reason is null
),

claim_types as (
    select * from {{ ref('civil_case_types') }}
    where source_system = 'pcol'
),

courts as (
    select * from {{ ref('courts') }}
),

event_summary as (
    select
        claim_number,
        count(*) as event_count,
        max(event_date) as last_event_date,
        min(case when event_stage = 'closure' then event_date end)
            as closure_date
    from claim_events
    group by claim_number
),

hearing_summary as (
    select
        claim_number,
        count(*) as hearing_count,
        min(hearing_date) as first_hearing_date
    from hearings
    group by claim_number
),

judgment_summary as (
    select
        claim_number,
        count(*) as judgment_count,
        min(order_date) as first_judgment_date
    from judgments
    group by claim_number
),

warrant_summary as (
    select
        claim_number,
        count(*) as warrant_count,
        min(issue_date) as first_warrant_date
    from warrants
    group by claim_number
),

party_summary as (
    select
        claim_number,
        count(*) filter (where party_category = 'applicant')
            as claimant_count,
        count(*) filter (where party_category = 'respondent')
            as defendant_count
    from parties
    group by claim_number
),

final as (
    select
        {{ pseudonymise('claims.claim_number', 'pcol.claim_number') }}
            as claim_number_hash,
        claims.court_code,
        courts.court_name,
        claims.claim_type_code as case_type_code,
        claim_types.case_type_description,
        claims.claim_category,
        claims.arrears_amount as amount_claimed,
        claims.daily_rent_amount,
        claims.court_fee,
        claims.issue_date,
        cast(coalesce(party_summary.claimant_count, 0) as integer)
            as claimant_count,
        cast(coalesce(party_summary.defendant_count, 0) as integer)
            as defendant_count,
        cast(coalesce(event_summary.event_count, 0) as integer)
            as event_count,
        cast(coalesce(hearing_summary.hearing_count, 0) as integer)
            as hearing_count,
        cast(coalesce(judgment_summary.judgment_count, 0) as integer)
            as judgment_count,
        cast(coalesce(warrant_summary.warrant_count, 0) as integer)
            as warrant_count,
        judgment_summary.claim_number is not null as has_judgment,
        warrant_summary.claim_number is not null as has_warrant,
        hearing_summary.first_hearing_date,
        judgment_summary.first_judgment_date,
        warrant_summary.first_warrant_date,
        event_summary.closure_date,
        event_summary.last_event_date,
        cast({{ dbt.datediff(
            'claims.issue_date', 'event_summary.last_event_date', 'day'
        ) }} as integer) as case_duration_days
    from claims
    left join claim_types
        on claims.claim_type_code = claim_types.case_type_code
    left join courts
        on claims.court_code = courts.court_code
    left join event_summary
        on claims.claim_number = event_summary.claim_number
    left join hearing_summary
        on claims.claim_number = hearing_summary.claim_number
    left join judgment_summary
        on claims.claim_number = judgment_summary.claim_number
    left join warrant_summary
        on claims.claim_number = warrant_summary.claim_number
    left join party_summary
        on claims.claim_number = party_summary.claim_number
)

select * from final
