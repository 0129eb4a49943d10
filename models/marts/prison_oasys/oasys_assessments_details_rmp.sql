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
        {{ pseudonymise('assessments.oasys_set_pk', 'oasys.oasys_set_pk') }}
            as assessment_id_hash,
        {{ pseudonymise(
            'assessments.parent_oasys_set_pk', 'oasys.oasys_set_pk'
        ) }} as parent_assessment_id_hash,
        {{ pseudonymise('assessments.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        {{ row_id_hash('prison_oasys', 'assessments.offender_pk') }}
            as row_id_hash,
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
