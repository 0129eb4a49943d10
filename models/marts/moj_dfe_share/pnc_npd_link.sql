with

links as (
    select * from {{ ref('int_share_links_resolved') }}
),

final as (
    select
        {{ pseudonymise(
            "links.pnc_id || '|' || links.upn", 'share.pnc_npd_link'
        ) }} as share_person_hash,
        {{ pseudonymise('links.pnc_id', 'pnc.pnc_id') }} as offender_id_hash,
        {{ pseudonymise('links.upn', 'npd.upn') }} as pupil_id_hash,
        links.rule_code as match_rule,
        links.rule_order as match_rule_order,
        links.exact_agreements
    from links
)

select * from final
