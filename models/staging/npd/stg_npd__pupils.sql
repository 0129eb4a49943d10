with

source as (
    select * from {{ source('npd', 'pupils') }}
),

renamed as (
    select
        -- ids: the unique pupil number is the pupil's key
        nullif(upper(trim(upn)), '') as upn,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(urn as string) as school_urn,

        -- names: mixed case, forename(s) and surname in separate fields
        surname as surname_source,
        forename as forenames_source,
        {{ standardise_name('surname') }} as surname,
        {{ standardise_name('forename') }} as forenames,

        -- person attributes
        nullif(trim(gender), '') as sex_source_value,
        {{ decode_code('gender', 'sex_source_values', 'source_value', 'sex',
            {'source_system': 'npd'}) }} as sex,
        {{ standardise_postcode('postcode') }} as postcode,

        -- dates (typed in the source)
        cast(dob as date) as date_of_birth,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('upn') + [
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('forenames_source'), 'garbled_text:forename'],
            ['surname is null and forenames is null', 'missing_name'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:dob'],
            ['sex_source_value is not null and not coalesce('
                ~ code_in_seed('sex_source_value', 'sex_source_values',
                'source_value', {'source_system': 'npd'}) ~ ', false)',
                'unknown_code:gender'],
        ]) }} as quarantine_reason,
        {{ all_flags(date_of_birth_flags() + [
            ['sex is null', 'missing_sex'],
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        upn,
        source_row_number,
        school_urn,
        forenames,
        forename,
        middle_names,
        surname,
        sex,
        sex_source_value,
        postcode,
        postcode_outward,
        date_of_birth,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
