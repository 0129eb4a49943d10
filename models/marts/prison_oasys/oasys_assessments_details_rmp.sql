{#- One row per risk management plan sub-assessment with its dates and MAPPA
    level. MAPPA levels other than 1-3 (flagged in staging) are published as
    null. -#}
with

rmp as (
    select * from {{ ref('int_oasys_rmp_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where assessment_class = 'rmp'
),

final as (
    select
        {{ oasys_assessment_keys() }},
        rmp.plan_date,
        rmp.review_date,
        case
            when rmp.mappa_level between 1 and 3 then rmp.mappa_level
        end as mappa_level,
        coalesce(rmp.mappa_level between 1 and 3, false) as is_mappa
    from rmp
    inner join assessments
        on rmp.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
