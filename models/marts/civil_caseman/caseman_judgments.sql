with

judgments as (
    select * from {{ ref('int_civil_judgments_unioned') }}
    where source_system = 'caseman'
),

final as (
    select
        {{ pseudonymise('judgment_id', 'caseman.judgment_id') }}
            as judgment_id_hash,
        {{ pseudonymise('case_number', 'caseman.case_number') }}
            as case_number_hash,
        {{ pseudonymise('against_party_id', 'caseman.party_id') }}
            as against_party_id_hash,
        judgment_type_code,
        judgment_type_description,
        judgment_date,
        days_since_issue,
        judgment_amount,
        costs_amount,
        total_amount,
        payment_terms,
        instalment_amount
    from judgments
)

select * from final
