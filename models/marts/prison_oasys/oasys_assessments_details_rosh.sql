{#- One row per risk of serious harm (ROSH) sub-assessment with the level of
    risk to each group. A risk-to-prisoners code the seed does not list
    (flagged in staging) is published as null. -#}
with

rosh as (
    select * from {{ ref('int_oasys_rosh_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where assessment_class = 'rosh'
),

final as (
    select
        {{ oasys_assessment_keys() }},
        rosh.risk_to_children as risk_to_children_code,
        rosh.risk_to_children_level,
        rosh.risk_to_public as risk_to_public_code,
        rosh.risk_to_public_level,
        rosh.risk_to_known_adult as risk_to_known_adult_code,
        rosh.risk_to_known_adult_level,
        rosh.risk_to_staff as risk_to_staff_code,
        rosh.risk_to_staff_level,
        case
            when rosh.risk_to_prisoners_level is not null
                then rosh.risk_to_prisoners
        end as risk_to_prisoners_code,
        rosh.risk_to_prisoners_level
    from rosh
    inner join assessments
        on rosh.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
