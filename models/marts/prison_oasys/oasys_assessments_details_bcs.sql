{#- One row per basic custody screening (BCS) sub-assessment with the needs
    the screening identified. -#}
with

bcs as (
    select * from {{ ref('int_oasys_bcs_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where assessment_class = 'bcs'
),

final as (
    select
        {{ oasys_assessment_keys() }},
        bcs.has_accommodation_need,
        bcs.has_employment_need,
        bcs.has_finance_need,
        bcs.has_drug_need,
        bcs.has_alcohol_need,
        bcs.has_health_need,
        bcs.has_family_need
    from bcs
    inner join assessments
        on bcs.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
