{#- One row per Risk Matrix 2000 sub-assessment with its sexual, violence
    and combined risk categories and the link to its parent assessment.
    Category codes the seed does not list (flagged in staging) are published
    as null. -#}
with

rm2000 as (
    select * from {{ ref('int_oasys_rm2000_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where assessment_class = 'rm2000'
),

final as (
    select
        {{ oasys_assessment_keys() }},
        rm2000.rm2000_s_category,
        rm2000.rm2000_s_level,
        case
            when rm2000.rm2000_v_level is not null
                then rm2000.rm2000_v_category
        end as rm2000_v_category,
        rm2000.rm2000_v_level,
        case
            when rm2000.rm2000_combined_level is not null
                then rm2000.rm2000_combined_category
        end as rm2000_combined_category,
        rm2000.rm2000_combined_level
    from rm2000
    inner join assessments
        on rm2000.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
