{#- One row per initial (or review) sentence plan sub-assessment with its
    planning meeting. -#}
with

isp as (
    select * from {{ ref('int_oasys_isp_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where assessment_class = 'isp'
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
        isp.meeting_date,
        isp.has_offender_attended,
        isp.objectives_count
    from isp
    inner join assessments
        on isp.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
