with

cases as (
    select * from {{ ref('int_civil_cases_summarised') }}
    where source_system = 'caseman'
),

final as (
    select
        {{ pseudonymise('case_number', 'caseman.case_number') }}
            as case_number_hash,
        court_code,
        court_name,
        case_type_code,
        case_type_description,
        claim_category,
        track_code,
        track,
        is_received_from_pcol,
        amount_claimed,
        court_fee,
        issue_date,
        {{ civil_case_summary_columns() }}
    from cases
)

select * from final
