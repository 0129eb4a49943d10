{%- set sex_ethnicity = sex_and_ethnicity(
    'libra', 'sex', 'self_defined_ethnicity'
) -%}

with

source as (
    select * from {{ source('libra', 'defendant_case') }}
),

renamed as (
    select
        -- ids
        cast(defendant_case_id as string) as defendant_case_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        nullif(trim(case_number), '') as case_number,
        upper(nullif(trim(urn), '')) as police_urn,
        nullif(trim(court_code), '') as court_code,
        {{ standardise_pnc('pnc_id') }} as pnc_number,

        -- names: Libra holds 'SURNAME, Forenames' in one field
        defendant_name as defendant_name_source,
        {{ standardise_name("split_part(defendant_name, ',', 1)") }} as surname,
        {{ standardise_name("split_part(defendant_name, ',', 2)") }}
            as forenames,

        -- person attributes
        {{ sex_ethnicity.columns }},
        nullif(trim(address_line_1), '') as address_line_1,
        {{ standardise_postcode('postcode') }} as postcode,
        nullif(trim(remand_status_code), '') as remand_status_code,
        {{ decode_code('remand_status_code', 'remand_status_codes',
            'remand_status_code', 'remand_status',
            {'source_system': 'libra'}) }} as remand_status,

        -- dates
        nullif(trim(date_of_birth), '') as date_of_birth_source,
        {{ parse_date('date_of_birth', 'dd/mm/yyyy') }} as date_of_birth,
        nullif(trim(first_hearing_date), '') as first_hearing_date_source,
        {{ parse_date('first_hearing_date', 'dd/mm/yyyy') }}
            as first_hearing_date,
        nullif(trim(disposal_date), '') as disposal_date_source,
        {{ parse_date('disposal_date', 'dd/mm/yyyy') }} as disposal_date,

        -- raw values kept for the checks below
        postcode as postcode_source,
        pnc_id as pnc_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('defendant_case_id') + [
            [is_garbled('defendant_name_source'), 'garbled_text:defendant_name'],
            ['surname is null and forenames is null', 'missing_name'],
            ['date_of_birth_source is not null and date_of_birth is null',
                'unparseable_date:date_of_birth'],
            ['first_hearing_date is null', 'unparseable_date:first_hearing_date'],
            ['disposal_date is null', 'unparseable_date:disposal_date'],
            ['not ' ~ is_valid_date('first_hearing_date'),
                'impossible_date:first_hearing_date'],
            ['not ' ~ is_valid_date('disposal_date'),
                'impossible_date:disposal_date'],
            ['not ' ~ is_valid_date('date_of_birth')
                ~ ' or date_of_birth > first_hearing_date',
                'impossible_date:date_of_birth'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts', 'court_code',
                {'court_type': 'magistrates'}), 'unknown_code:court_code'],
            ['remand_status_code is not null and remand_status is null'
                ~ ' and not ' ~ code_in_seed('remand_status_code',
                'remand_status_codes', 'remand_status_code',
                {'source_system': 'libra'}), 'unknown_code:remand_status_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["defendant_name_source not like '%,%'", 'name_without_comma'],
        ] + date_of_birth_flags(
            'date_of_birth_source'
        ) + sex_ethnicity.flags + [
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            [is_garbled('address_line_1'), 'garbled_text:address_line_1'],
            [is_garbled('case_number'), 'garbled_text:case_number'],
            ['pnc_source is not null and pnc_number is null', 'invalid_pnc'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        defendant_case_id,
        source_row_number,
        case_number,
        police_urn,
        court_code,
        pnc_number,
        forenames,
        forename,
        middle_names,
        surname,
        sex,
        sex_source_value,
        ethnicity_code,
        ethnicity_source_value,
        address_line_1,
        postcode,
        postcode_outward,
        remand_status_code,
        remand_status,
        date_of_birth,
        first_hearing_date,
        disposal_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
