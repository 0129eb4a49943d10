with

judgments as (
    select * from {{ ref('stg_pcol__judgments') }}
    where quarantine_reason is null
),

claims as (
    select * from {{ ref('stg_pcol__claims') }}
    where quarantine_reason is null
),

final as (
    select
        {{ pseudonymise('judgments.judgment_id', 'pcol.judgment_id') }}
            as judgment_id_hash,
        {{ pseudonymise('judgments.claim_number', 'pcol.claim_number') }}
            as claim_number_hash,
        judgments.judgment_type_code,
        judgments.judgment_type_description,
        judgments.order_date as judgment_date,
        cast({{ dbt.datediff(
            'claims.issue_date', 'judgments.order_date', 'day'
        ) }} as integer) as days_since_issue,
        judgments.arrears_amount as judgment_amount,
        judgments.costs_amount,
        judgments.possession_date
    from judgments
    -- Judgments of a quarantined claim are left out with their claim.
    inner join claims
        on judgments.claim_number = claims.claim_number
)

select * from final
