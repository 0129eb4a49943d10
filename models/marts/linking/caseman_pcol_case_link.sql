{#- One row per linked CaseMan case and PCOL claim: each CaseMan case
    received on transfer from PCOL with the PCOL possession claim it
    continues, how the link was made and, for an evidence link, its
    score. -#}
with

case_links as (
    select * from {{ ref('linkage_caseman_pcol_links') }}
),

final as (
    select
        {{ pseudonymise('caseman_case_number', 'caseman.case_number') }}
            as caseman_case_number_hash,
        {{ pseudonymise('pcol_claim_number', 'pcol.claim_number') }}
            as pcol_case_number_hash,
        cast(link_method as string) as link_method,
        cast(evidence_score as integer) as evidence_score
    from case_links
)

select * from final
