with

claims as (
    select * from {{ ref('int_civil_cases_summarised') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as claim_number_hash,
        court_code,
        court_name,
        case_type_code,
        case_type_description,
        claim_category,
        amount_claimed,
        daily_rent_amount,
        court_fee,
        issue_date,
        claimant_count,
        defendant_count,
        event_count,
        hearing_count,
        judgment_count,
        warrant_count,
        has_judgment,
        has_warrant,
        first_hearing_date,
        first_judgment_date,
        first_warrant_date,
        closure_date,
        last_event_date,
        case_duration_days
    from claims
)

select * from final
