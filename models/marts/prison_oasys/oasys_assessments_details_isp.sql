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
        {{ oasys_assessment_keys() }},
        isp.meeting_date,
        isp.has_offender_attended,
        isp.objectives_count
    from isp
    inner join assessments
        on isp.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
