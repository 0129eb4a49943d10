{%- set sex_ethnicity = sex_and_ethnicity('xhibit', 'sex', 'ethnicity') -%}

with

source as (
    select * from {{ source('xhibit', 'defendants') }}
),

renamed as (
    select
        -- ids
        cast(defendant_on_case_id as string) as defendant_on_case_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_id as string) as case_id,
        {{ standardise_pnc('pnc_number') }} as pnc_number,

        -- names: Xhibit holds surname (sometimes upper case), first forename
        -- and other forenames in separate fields
        surname as surname_source,
        forename_1 as forename_1_source,
        forename_2 as forename_2_source,
        {{ standardise_name('surname') }} as surname,
        {{ standardise_name("concat_ws(' ', forename_1, forename_2)") }}
            as forenames,

        -- person attributes
        {{ sex_ethnicity.columns }},
        {{ standardise_postcode('postcode') }} as postcode,
        nullif(trim(remand_status_code), '') as remand_status_code,
        {{ decode_code('remand_status_code', 'remand_status_codes',
            'remand_status_code', 'remand_status',
            {'source_system': 'xhibit'}) }} as remand_status,

        -- dates (typed timestamps in the source)
        cast(date_of_birth as date) as date_of_birth,
        cast(disposal_date as date) as disposal_date,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source,
        nullif(trim(pnc_number), '') as pnc_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('defendant_on_case_id', 'case_id') + [
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('forename_1_source'), 'garbled_text:forename_1'],
            [is_garbled('forename_2_source'), 'garbled_text:forename_2'],
            ['surname is null and forenames is null', 'missing_name'],
            ['disposal_date is null', 'unparseable_date:disposal_date'],
            ['not ' ~ is_valid_date('disposal_date'),
                'impossible_date:disposal_date'],
            ['not ' ~ is_valid_date('date_of_birth')
                ~ ' or date_of_birth > disposal_date',
                'impossible_date:date_of_birth'],
            ['not coalesce(' ~ code_in_seed('remand_status_code',
                'remand_status_codes', 'remand_status_code',
                {'source_system': 'xhibit'}) ~ ', false)',
                'unknown_code:remand_status_code'],
        ]) }} as quarantine_reason,
        {{ all_flags(date_of_birth_flags() + sex_ethnicity.flags + [
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            ['pnc_source is not null and pnc_number is null', 'invalid_pnc'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        defendant_on_case_id,
        source_row_number,
        case_id,
        pnc_number,
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
        remand_status_code,
        remand_status,
        date_of_birth,
        disposal_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
