with

source as (
    select * from {{ source('pnc', 'persons') }}
),

renamed as (
    select
        -- ids: the PNC id is the person's key
        nullif(upper(trim(pnc_id)), '') as pnc_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,

        -- names: upper case, surname and all forenames in one field
        surname as surname_source,
        forenames as forenames_source,
        {{ standardise_name('surname') }} as surname,
        {{ standardise_name('forenames') }} as forenames,

        -- person attributes
        nullif(trim(sex), '') as sex_source_value,
        {{ decode_code('sex', 'sex_source_values', 'source_value', 'sex',
            {'source_system': 'pnc'}) }} as sex,
        {{ standardise_postcode('postcode') }} as postcode,

        -- dates (yyyymmdd text)
        nullif(trim(birth_date), '') as date_of_birth_source,
        {{ parse_date('birth_date', 'yyyymmdd') }} as date_of_birth,

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
        {{ first_reason(key_checks('pnc_id') + [
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('forenames_source'), 'garbled_text:forenames'],
            ['surname is null and forenames is null', 'missing_name'],
            ['date_of_birth_source is not null and date_of_birth is null',
                'unparseable_date:birth_date'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:birth_date'],
            ['sex_source_value is not null and not coalesce('
                ~ code_in_seed('sex_source_value', 'sex_source_values',
                'source_value', {'source_system': 'pnc'}) ~ ', false)',
                'unknown_code:sex'],
        ]) }} as quarantine_reason,
        {{ all_flags(date_of_birth_flags('date_of_birth_source') + [
            ['sex is null', 'missing_sex'],
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        pnc_id,
        source_row_number,
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
