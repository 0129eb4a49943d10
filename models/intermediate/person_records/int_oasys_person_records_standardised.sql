with

offenders as (
    select * from {{ ref('int_oasys_offender_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_oasys_set_trusted') }}
),

first_assessment as (
    select
        offender_pk,
        min(initiation_date) as first_assessment_date
    from assessments
    group by offender_pk
),

-- Only records assessed by var('linkable_until') (March 2023) can be linked.
offenders_assessed as (
    select
        offenders.*,
        first_assessment.first_assessment_date,
        coalesce(
            first_assessment.first_assessment_date
            <= cast('{{ var("linkable_until") }}' as date),
            false
        ) as is_linkable
    from offenders
    left join first_assessment
        on offenders.offender_pk = first_assessment.offender_pk
),

final as (
    {{ standardise_person_records('prison_oasys', 'offenders_assessed', {
        'source_record_id': 'offender_pk',
        'event_date': 'first_assessment_date',
        'crn': 'cms_prob_number',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'ethnicity_code', 'postcode', 'postcode_outward', 'pnc_number',
        'is_linkable',
    ]) }}
)

select * from final
