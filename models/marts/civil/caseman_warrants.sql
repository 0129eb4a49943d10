with

warrants as (
    select * from {{ ref('stg_caseman__warrants') }}
    where quarantine_reason is null
),

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

final as (
    select
        {{ pseudonymise('warrants.warrant_number', 'caseman.warrant_number') }}
            as warrant_number_hash,
        {{ pseudonymise('warrants.case_number', 'caseman.case_number') }}
            as case_number_hash,
        warrants.warrant_type_code,
        warrants.warrant_type_description,
        warrants.issue_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'warrants.issue_date', 'day'
        ) }} as integer) as days_since_issue,
        warrants.executed_date,
        -- The status is text entered by bailiffs: only the standard states
        -- are published (garbled or other text is withheld).
        case
            when lower(warrants.warrant_status) in (
                'executed',
                'no goods',
                'outstanding',
                'paid',
                'suspended',
                'withdrawn'
            ) then lower(warrants.warrant_status)
        end as warrant_status,
        warrants.warrant_amount
    from warrants
    -- Warrants of a quarantined case are left out with their case.
    inner join cases
        on warrants.case_number = cases.case_number
)

select * from final
