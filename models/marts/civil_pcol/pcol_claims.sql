with

claims as (
    select * from {{ ref('int_civil_cases_summarised') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as case_number_hash,
        court_code,
        court_name,
        case_type_code,
        case_type_description,
        claim_category,
        amount_claimed,
        daily_rent_amount,
        court_fee,
        issue_date,
        {{ civil_case_summary_columns() }}
    from claims
)

select * from final
