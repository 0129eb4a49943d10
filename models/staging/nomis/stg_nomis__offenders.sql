{%- set sex_ethnicity = sex_and_ethnicity(
    'nomis', 'sex_code', 'ethnic_code'
) -%}
{%- set person = nomis_person() -%}

with

source as (
    select * from {{ source('nomis', 'offenders') }}
),

renamed as (
    select
        -- ids
        cast(offender_id as string) as offender_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        upper(nullif(trim(offender_id_display), '')) as prison_number,
        {{ standardise_pnc('pnc_number') }} as pnc_number,
        upper(nullif(trim(cro_number), '')) as cro_number,

        -- names: P-NOMIS holds upper-case surname, first name and middle
        -- names in separate fields
        {{ person.names }},

        -- person attributes
        {{ sex_ethnicity.columns }},
        -- P-NOMIS offender records hold no address
        cast(null as string) as postcode,

        -- dates (typed dates in the source)
        cast(birth_date as date) as date_of_birth,
        cast(create_date as date) as create_date,

        -- raw values kept for the checks below
        nullif(trim(pnc_number), '') as pnc_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('offender_id') + person.checks) }}
            as quarantine_reason,
        {{ all_flags(date_of_birth_flags() + sex_ethnicity.flags + [
            ['pnc_source is not null and pnc_number is null', 'invalid_pnc'],
            ['cro_number is not null and not '
                ~ regexp_like('cro_number', '^[0-9]{1,6}/[0-9]{2}[A-Z]$'),
                'invalid_cro_number'],
            ['prison_number is null or not '
                ~ regexp_like('prison_number', '^[A-Z][0-9]{4}[A-Z]{2}$'),
                'invalid_prison_number'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_id,
        source_row_number,
        prison_number,
        pnc_number,
        cro_number,
        {{ person.columns }},
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
