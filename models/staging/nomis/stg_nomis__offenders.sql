{%- set sex_ethnicity = sex_and_ethnicity(
    'nomis', 'sex_code', 'ethnic_code'
) -%}

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
        last_name as last_name_source,
        first_name as first_name_source,
        middle_name as middle_name_source,
        {{ standardise_name('last_name') }} as surname,
        {{ standardise_name("concat_ws(' ', first_name, middle_name)") }}
            as forenames,

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
        {{ first_reason(key_checks('offender_id') + [
            [is_garbled('last_name_source'), 'garbled_text:last_name'],
            [is_garbled('first_name_source'), 'garbled_text:first_name'],
            [is_garbled('middle_name_source'), 'garbled_text:middle_name'],
            ['surname is null and forenames is null', 'missing_name'],
            ['create_date is null', 'unparseable_date:create_date'],
            ['not ' ~ is_valid_date('create_date'),
                'impossible_date:create_date'],
            ['not ' ~ is_valid_date('date_of_birth')
                ~ ' or date_of_birth > create_date',
                'impossible_date:birth_date'],
        ]) }} as quarantine_reason,
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
        forenames,
        forename,
        middle_names,
        surname,
        sex,
        sex_source_value,
        ethnicity_code,
        ethnicity_source_value,
        postcode,
        postcode_outward,
        date_of_birth,
        create_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
