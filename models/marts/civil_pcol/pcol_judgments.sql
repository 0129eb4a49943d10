with

judgments as (
    select * from {{ ref('int_civil_judgments_unioned') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('judgment_id', 'pcol.judgment_id') }}
            as judgment_id_hash,
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as case_number_hash,
        judgment_type_code,
        judgment_type_description,
        judgment_date,
        days_since_issue,
        judgment_amount,
        costs_amount,
        possession_date
    from judgments
)

select * from final
