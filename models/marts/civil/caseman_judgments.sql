with

judgments as (
    select * from {{ ref('stg_caseman__judgments') }}
    where quarantine_reason is null
),

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

parties as (
    select * from {{ ref('stg_caseman__parties') }}
    where quarantine_reason is null
),

final as (
    select
        {{ pseudonymise('judgments.judgment_id', 'caseman.judgment_id') }}
            as judgment_id_hash,
        {{ pseudonymise('judgments.case_number', 'caseman.case_number') }}
            as case_number_hash,
        -- Only a party published in caseman_parties (same case, not
        -- quarantined) is pointed to.
        {{ pseudonymise('parties.party_id', 'caseman.party_id') }}
            as against_party_id_hash,
        judgments.judgment_type_code,
        judgments.judgment_type_description,
        judgments.judgment_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'judgments.judgment_date', 'day'
        ) }} as integer) as days_since_issue,
        judgments.judgment_amount,
        judgments.costs_amount,
        judgments.total_amount,
        judgments.payment_terms,
        judgments.instalment_amount
    from judgments
    -- Judgments of a quarantined case are left out with their case.
    inner join cases
        on judgments.case_number = cases.case_number
    left join parties
        on
            judgments.against_party_id = parties.party_id
            and judgments.case_number = parties.case_number
)

select * from final
