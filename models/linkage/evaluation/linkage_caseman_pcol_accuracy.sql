{#- How well the CaseMan-to-PCOL case linkage finds the PCOL claim each
    CaseMan case received from PCOL continues, against the generator's
    truth: every trusted received case, its outcome, and the precision and
    recall of the links, overall and by how the PCOL claim number was
    carried over (exact, mistyped, missing). -#}
with

received as (
    select case_number
    from {{ ref('int_civil_cases_link_prepared') }}
    where source_system = 'caseman'
),

pcol_claims as (
    select case_number
    from {{ ref('int_civil_cases_link_prepared') }}
    where source_system = 'pcol'
),

truth as (
    select * from {{ ref('stg_truth__caseman_pcol_cases') }}
),

links as (
    select * from {{ ref('linkage_caseman_pcol_links') }}
),

judged as (
    select
        received.case_number,
        coalesce(truth.reference_recorded, 'not_in_truth')
            as reference_recorded,
        coalesce(
            truth.pcol_claim_number in (
                select pcol_claims.case_number from pcol_claims
            ),
            false
        ) as has_linkable_claim,
        links.pcol_claim_number,
        links.link_method,
        case
            when links.pcol_claim_number = truth.pcol_claim_number
                then 'right'
            when links.pcol_claim_number is not null then 'wrong'
            when truth.pcol_claim_number in (
                select pcol_claims.case_number from pcol_claims
            ) then 'missed'
            else 'correctly_unlinked'
        end as outcome
    from received
    left join truth
        on received.case_number = truth.caseman_case_number
    left join links
        on received.case_number = links.caseman_case_number
),

by_group as (
    select
        'all' as reference_recorded,
        case_number,
        has_linkable_claim,
        pcol_claim_number,
        link_method,
        outcome
    from judged
    union all
    select
        reference_recorded,
        case_number,
        has_linkable_claim,
        pcol_claim_number,
        link_method,
        outcome
    from judged
),

final as (
    select
        reference_recorded,
        count(*) as received_cases,
        count(*) filter (where has_linkable_claim)
            as received_cases_with_linkable_claim,
        count(*) filter (where outcome = 'right') as linked_right,
        count(*) filter (where outcome = 'wrong') as linked_wrong,
        count(*) filter (where outcome = 'missed') as missed,
        count(*) filter (where outcome = 'correctly_unlinked')
            as correctly_unlinked,
        count(*) filter (where link_method = 'reference')
            as linked_by_reference,
        count(*) filter (where link_method = 'evidence')
            as linked_by_evidence,
        cast(count(*) filter (where outcome = 'right') as double)
        / nullif(count(*) filter (where pcol_claim_number is not null), 0)
            as link_precision,
        cast(count(*) filter (where outcome = 'right') as double)
        / nullif(count(*) filter (where has_linkable_claim), 0)
            as link_recall
    from by_group
    group by reference_recorded
)

select * from final
