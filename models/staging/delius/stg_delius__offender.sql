{%- set sex_ethnicity = sex_and_ethnicity('delius', 'gender', 'ethnicity') -%}

with

source as (
    select * from {{ source('delius', 'offender') }}
),

renamed as (
    select
        -- ids
        cast(offender_id as string) as offender_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        upper(nullif(trim(crn), '')) as crn,
        {{ standardise_pnc('pnc_number') }} as pnc_number,
        upper(nullif(trim(cro_number), '')) as cro_number,

        -- names: nDelius holds up to three forenames in separate fields
        first_name as first_name_source,
        second_name as second_name_source,
        third_name as third_name_source,
        surname as surname_source,
        previous_surname as previous_surname_source,
        {{ standardise_name(
            "concat_ws(' ', first_name, second_name, third_name)"
        ) }} as forenames,
        {{ standardise_name("concat_ws(' ', second_name, third_name)") }}
            as middle_names,
        {{ standardise_name('surname') }} as surname,
        {{ standardise_name('previous_surname') }} as previous_surname,

        -- person attributes
        {{ sex_ethnicity.columns }},

        -- dates
        nullif(trim(date_of_birth), '') as date_of_birth_source,
        {{ parse_date('date_of_birth', 'yyyy-mm-dd') }} as date_of_birth,
        nullif(trim(created_date), '') as created_date_source,
        {{ parse_date('created_date', 'yyyy-mm-dd') }} as created_date,

        -- raw values kept for the checks below
        nullif(trim(pnc_number), '') as pnc_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        -- nDelius keeps no address on the offender record (see
        -- stg_delius__offender_address): the standard columns stay null.
        cast(null as string) as postcode,
        cast(null as string) as postcode_outward,
        {{ first_reason(key_checks('offender_id') + [
            [is_garbled('first_name_source'), 'garbled_text:first_name'],
            [is_garbled('second_name_source'), 'garbled_text:second_name'],
            [is_garbled('third_name_source'), 'garbled_text:third_name'],
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('previous_surname_source'),
                'garbled_text:previous_surname'],
            ['surname is null and forenames is null', 'missing_name'],
            ['date_of_birth_source is not null and date_of_birth is null',
                'unparseable_date:date_of_birth'],
            ['created_date is null', 'unparseable_date:created_date'],
            ['not ' ~ is_valid_date('created_date'),
                'impossible_date:created_date'],
            ['not ' ~ is_valid_date('date_of_birth')
                ~ ' or date_of_birth > created_date',
                'impossible_date:date_of_birth'],
        ]) }} as quarantine_reason,
        {{ all_flags(date_of_birth_flags('date_of_birth_source')
            + sex_ethnicity.flags + [
            ['pnc_source is not null and pnc_number is null', 'invalid_pnc'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_id,
        source_row_number,
        crn,
        pnc_number,
        cro_number,
        forenames,
        forename,
        middle_names,
        surname,
        previous_surname,
        sex,
        sex_source_value,
        ethnicity_code,
        ethnicity_source_value,
        postcode,
        postcode_outward,
        date_of_birth,
        created_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
