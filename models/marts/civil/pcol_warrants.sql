with

warrants as (
    select * from {{ ref('stg_pcol__warrants') }}
    where quarantine_reason is null
),

claims as (
    select * from {{ ref('stg_pcol__claims') }}
    where quarantine_reason is null
),

final as (
    select
        {{ pseudonymise('warrants.warrant_id', 'pcol.warrant_id') }}
            as warrant_id_hash,
        {{ pseudonymise('warrants.claim_number', 'pcol.claim_number') }}
            as claim_number_hash,
        warrants.warrant_type_code,
        warrants.warrant_type_description,
        warrants.issue_date,
        cast({{ dbt.datediff(
            'claims.issue_date', 'warrants.issue_date', 'day'
        ) }} as integer) as days_since_issue,
        warrants.eviction_date as executed_date,
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
    -- Warrants of a quarantined claim are left out with their claim.
    inner join claims
        on warrants.claim_number = claims.claim_number
)

select * from final
