{#-
    The judgments and orders made on both civil systems' trusted cases in
    one shape: CaseMan's judgment date and amount and PCOL's order date and
    arrears share columns; the terms and totals only CaseMan records and the
    date for possession only PCOL records are null for the other system.
    Judgments of a quarantined case are left out with their case.
-#}
with

caseman_judgments as (
    select
        'caseman' as source_system,
        judgment_id,
        case_number,
        against_party_id,
        judgment_type_code,
        judgment_type_description,
        judgment_date,
        judgment_amount,
        costs_amount,
        total_amount,
        payment_terms,
        instalment_amount,
        cast(null as date) as possession_date
    from {{ ref('int_caseman_judgments_trusted') }}
),

pcol_judgments as (
    select
        'pcol' as source_system,
        judgment_id,
        claim_number as case_number,
        cast(null as string) as against_party_id,
        judgment_type_code,
        judgment_type_description,
        order_date as judgment_date,
        arrears_amount as judgment_amount,
        costs_amount,
        cast(null as decimal(12, 2)) as total_amount,
        cast(null as string) as payment_terms,
        cast(null as decimal(12, 2)) as instalment_amount,
        possession_date
    from {{ ref('int_pcol_judgments_trusted') }}
),

cases as (
    select
        source_system,
        case_number,
        issue_date
    from {{ ref('int_civil_cases_unioned') }}
),

parties as (
    select
        source_system,
        party_id,
        case_number
    from {{ ref('int_civil_parties_prepared') }}
),

judgments as (
    select * from caseman_judgments
    union all
    select * from pcol_judgments
),

final as (
    select
        judgments.source_system,
        judgments.judgment_id,
        judgments.case_number,
        -- Only a party of the same case that is itself kept (not
        -- quarantined) is pointed to.
        parties.party_id as against_party_id,
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
        judgments.instalment_amount,
        judgments.possession_date
    from judgments
    inner join cases
        on
            judgments.source_system = cases.source_system
            and judgments.case_number = cases.case_number
    left join parties
        on
            judgments.source_system = parties.source_system
            and judgments.against_party_id = parties.party_id
            and judgments.case_number = parties.case_number
)

select * from final
