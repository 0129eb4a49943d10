with

warrants as (
    select * from {{ ref('int_civil_warrants_unioned') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('warrant_id', 'pcol.warrant_id') }}
            as warrant_id_hash,
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
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
