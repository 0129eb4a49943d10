{#- One row per OASys assessment and sub-assessment, with its type, dates,
    parent link, person id and the offender's age, sex and ethnicity. -#}
{%- set linkable_until =
    "cast('" ~ var('linkable_until') ~ "' as date)" -%}

with

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
),

assessment_types as (
    select * from {{ ref('oasys_assessment_types') }}
),

ethnicity_codes as (
    select * from {{ ref('ethnicity_codes') }}
),

final as (
    select
        {{ oasys_assessment_keys() }},
        assessments.assessment_type_code,
        assessment_types.assessment_type_description,
        assessments.assessment_class,
        assessments.is_main_assessment,
        assessments.assessment_status,
        assessments.setting as assessment_setting,
        assessments.initiation_date as assessment_date,
        assessments.date_completed as completion_date,
        {{ age_in_years(
            'assessments.date_of_birth', 'assessments.initiation_date'
        ) }} as age_at_assessment,
        assessments.sex,
        assessments.ethnicity_code,
        ethnicity_codes.ethnic_group,
        assessments.is_linkable,
        assessments.initiation_date <= {{ linkable_until }}
            as is_within_linkable_period
    from assessments
    left join assessment_types
        on
            assessments.assessment_type_code
            = assessment_types.assessment_type_code
    left join ethnicity_codes
        on assessments.ethnicity_code = ethnicity_codes.ethnicity_code
)

select * from final
