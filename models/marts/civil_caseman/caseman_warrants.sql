with

warrants as (
    select * from {{ ref('int_civil_warrants_unioned') }}
    where source_system = 'caseman'
),

final as (
    select
        {{ pseudonymise('warrant_id', 'caseman.warrant_number') }}
            as warrant_number_hash,
        {{ pseudonymise('case_number', 'caseman.case_number') }}
            as case_number_hash,
        warrant_type_code,
        warrant_type_description,
        issue_date,
        days_since_issue,
        executed_date,
        warrant_status,
        warrant_amount
    from warrants
)

select * from final
