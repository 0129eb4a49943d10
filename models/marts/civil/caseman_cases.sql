with

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

case_events as (
    select * from {{ ref('stg_caseman__case_events') }}
    where quarantine_reason is null
),

hearings as (
    select * from {{ ref('stg_caseman__hearings') }}
    where quarantine_reason is null
),

judgments as (
    select * from {{ ref('stg_caseman__judgments') }}
    where quarantine_reason is null
),

warrants as (
    select * from {{ ref('stg_caseman__warrants') }}
    where quarantine_reason is null
),

parties as (
    select * from {{ ref('stg_caseman__parties') }}
    where quarantine_reason is null
),

case_types as (
    select * from {{ ref('civil_case_types') }}
    where source_system = 'caseman'
),

courts as (
    select * from {{ ref('courts') }}
),

event_summary as (
    select
        case_number,
        count(*) as event_count,
        max(event_date) as last_event_date,
        min(case when event_stage = 'closure' then event_date end)
            as closure_date
    from case_events
    group by case_number
),

hearing_summary as (
    select
        case_number,
        count(*) as hearing_count,
        min(hearing_date) as first_hearing_date
    from hearings
    group by case_number
),

judgment_summary as (
    select
        case_number,
        count(*) as judgment_count,
        min(judgment_date) as first_judgment_date
    from judgments
    group by case_number
),

warrant_summary as (
    select
        case_number,
        count(*) as warrant_count,
        min(issue_date) as first_warrant_date
    from warrants
    group by case_number
),

party_summary as (
    select
        case_number,
        count(*) filter (where party_category = 'applicant')
            as claimant_count,
        count(*) filter (where party_category = 'respondent')
            as defendant_count
    from parties
    group by case_number
),

final as (
    select
        {{ pseudonymise('cases.case_number', 'caseman.case_number') }}
            as case_number_hash,
        cases.court_code,
        courts.court_name,
        cases.case_type_code,
        case_types.case_type_description,
        cases.claim_category,
        cases.track_code,
        cases.track,
        cases.amount_claimed,
        cases.court_fee,
        cases.issue_date,
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
        judgment_summary.case_number is not null as has_judgment,
        warrant_summary.case_number is not null as has_warrant,
        hearing_summary.first_hearing_date,
        judgment_summary.first_judgment_date,
        warrant_summary.first_warrant_date,
        event_summary.closure_date,
        event_summary.last_event_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'event_summary.last_event_date', 'day'
        ) }} as integer) as case_duration_days
    from cases
    left join case_types
        on cases.case_type_code = case_types.case_type_code
    left join courts
        on cases.court_code = courts.court_code
    left join event_summary
        on cases.case_number = event_summary.case_number
    left join hearing_summary
        on cases.case_number = hearing_summary.case_number
    left join judgment_summary
        on cases.case_number = judgment_summary.case_number
    left join warrant_summary
        on cases.case_number = warrant_summary.case_number
    left join party_summary
        on cases.case_number = party_summary.case_number
)

select * from final
