{#-
    One row per trusted case of both civil systems: the case decoded (court
    name, case type) with what followed it, counted and dated from the
    system's kept events, hearings, judgments, warrants and parties.
-#}
with

cases as (
    select * from {{ ref('int_civil_cases_unioned') }}
),

case_events as (
    select * from {{ ref('int_civil_case_events_unioned') }}
),

hearings as (
    select * from {{ ref('int_civil_hearings_unioned') }}
),

judgments as (
    select * from {{ ref('int_civil_judgments_unioned') }}
),

warrants as (
    select * from {{ ref('int_civil_warrants_unioned') }}
),

parties as (
    select * from {{ ref('int_civil_parties_prepared') }}
),

case_types as (
    select
        source_system,
        case_type_code,
        case_type_description
    from {{ ref('civil_case_types') }}
),

courts as (
    select
        court_code,
        court_name
    from {{ ref('courts') }}
),

event_summary as (
    select
        source_system,
        case_number,
        count(*) as event_count,
        max(event_date) as last_event_date,
        min(case when event_stage = 'closure' then event_date end)
            as closure_date
    from case_events
    group by source_system, case_number
),

hearing_summary as (
    select
        source_system,
        case_number,
        count(*) as hearing_count,
        min(hearing_date) as first_hearing_date
    from hearings
    group by source_system, case_number
),

judgment_summary as (
    select
        source_system,
        case_number,
        count(*) as judgment_count,
        min(judgment_date) as first_judgment_date
    from judgments
    group by source_system, case_number
),

warrant_summary as (
    select
        source_system,
        case_number,
        count(*) as warrant_count,
        min(issue_date) as first_warrant_date
    from warrants
    group by source_system, case_number
),

party_summary as (
    select
        source_system,
        case_number,
        count(*) filter (where party_category = 'applicant')
            as claimant_count,
        count(*) filter (where party_category = 'respondent')
            as defendant_count
    from parties
    group by source_system, case_number
),

final as (
    select
        cases.source_system,
        cases.case_number,
        cases.court_code,
        courts.court_name,
        cases.case_type_code,
        case_types.case_type_description,
        cases.claim_category,
        cases.track_code,
        cases.track,
        cases.is_received_from_pcol,
        cases.amount_claimed,
        cases.daily_rent_amount,
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
        on
            cases.source_system = case_types.source_system
            and cases.case_type_code = case_types.case_type_code
    left join courts
        on cases.court_code = courts.court_code
    left join event_summary
        on
            cases.source_system = event_summary.source_system
            and cases.case_number = event_summary.case_number
    left join hearing_summary
        on
            cases.source_system = hearing_summary.source_system
            and cases.case_number = hearing_summary.case_number
    left join judgment_summary
        on
            cases.source_system = judgment_summary.source_system
            and cases.case_number = judgment_summary.case_number
    left join warrant_summary
        on
            cases.source_system = warrant_summary.source_system
            and cases.case_number = warrant_summary.case_number
    left join party_summary
        on
            cases.source_system = party_summary.source_system
            and cases.case_number = party_summary.case_number
)

select * from final
