with

offenders as (
    select * from {{ ref('stg_oasys__offender') }}
    where quarantine_reason is null
),

assessments as (
    select * from {{ ref('stg_oasys__oasys_set') }}
    where quarantine_reason is null
),

-- Only records assessed by the end of March 2023 can be linked.
first_assessment as (
    select
        offender_pk,
        min(initiation_date) as first_assessment_date
    from assessments
    group by offender_pk
),

final as (
    select
        'prison_oasys|' || offenders.offender_pk as record_id,
        'prison_oasys' as source_dataset,
        'oasys' as source_system,
        'offender' as source_table,
        offenders.offender_pk as source_record_id,
        offenders.forename,
        offenders.middle_names,
        offenders.surname,
        cast(null as {{ array_type('varchar') }}) as forename_aliases,
        cast(null as {{ array_type('varchar') }}) as surname_aliases,
        cast(null as {{ array_type('date') }}) as date_of_birth_aliases,
        offenders.date_of_birth,
        offenders.sex,
        offenders.ethnicity_code,
        offenders.postcode,
        offenders.postcode_outward,
        offenders.pnc_number,
        cast(null as varchar) as cro_number,
        cast(null as varchar) as party_category,
        first_assessment.first_assessment_date as event_date,
        coalesce(
            first_assessment.first_assessment_date
            <= cast('{{ var("linkable_until") }}' as date),
            false
        ) as is_linkable
    from offenders
    left join first_assessment
        on offenders.offender_pk = first_assessment.offender_pk
)

select * from final
