{#-
    The trusted cases of both civil systems in one shape: each system's
    columns mapped to the common names (PCOL's claim is the case), columns
    one system lacks left null.
-#}
with

caseman_cases as (
    select
        'caseman' as source_system,
        case_number,
        court_code,
        case_type_code,
        claim_category,
        track_code,
        track,
        is_received_from_pcol,
        amount_claimed,
        cast(null as decimal(12, 2)) as daily_rent_amount,
        court_fee,
        issue_date
    from {{ ref('int_caseman_cases_trusted') }}
),

pcol_cases as (
    select
        'pcol' as source_system,
        claim_number as case_number,
        court_code,
        claim_type_code as case_type_code,
        claim_category,
        cast(null as string) as track_code,
        cast(null as string) as track,
        false as is_received_from_pcol,
        arrears_amount as amount_claimed,
        daily_rent_amount,
        court_fee,
        issue_date
    from {{ ref('int_pcol_claims_trusted') }}
),

final as (
    select * from caseman_cases
    union all
    select * from pcol_cases
)

select * from final
