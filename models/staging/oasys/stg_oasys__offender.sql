{%- set sex_ethnicity = sex_and_ethnicity(
    'oasys', 'gender', 'ethnic_category'
) -%}

with

source as (
    select * from {{ source('oasys', 'offender') }}
),

renamed as (
    select
        -- ids
        cast(offender_pk as string) as offender_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        {{ standardise_pnc('pnc') }} as pnc_number,
        upper(nullif(trim(cms_prob_number), '')) as cms_prob_number,

        -- names: OASys holds two forenames in separate upper-case fields
        forename_1 as forename_1_source,
        forename_2 as forename_2_source,
        family_name as family_name_source,
        {{ standardise_name("concat_ws(' ', forename_1, forename_2)") }}
            as forenames,
        {{ standardise_name('forename_2') }} as middle_names,
        {{ standardise_name('family_name') }} as surname,

        -- person attributes
        {{ sex_ethnicity.columns }},

        -- dates: a typed date in the source
        cast(date_of_birth as date) as date_of_birth,

        -- raw values kept for the checks below
        nullif(trim(pnc), '') as pnc_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        -- OASys holds no address: the standard columns stay null.
        cast(null as string) as postcode,
        cast(null as string) as postcode_outward,
        {{ first_reason(key_checks('offender_pk') + [
            [is_garbled('forename_1_source'), 'garbled_text:forename_1'],
            [is_garbled('forename_2_source'), 'garbled_text:forename_2'],
            [is_garbled('family_name_source'), 'garbled_text:family_name'],
            ['surname is null and forenames is null', 'missing_name'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:date_of_birth'],
        ]) }} as quarantine_reason,
        {{ all_flags(date_of_birth_flags() + sex_ethnicity.flags + [
            ['pnc_source is null', 'missing_pnc'],
            ['pnc_source is not null and pnc_number is null', 'invalid_pnc'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_pk,
        source_row_number,
        pnc_number,
        cms_prob_number,
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
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
