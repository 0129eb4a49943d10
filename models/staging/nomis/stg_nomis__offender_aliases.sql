with

source as (
    select * from {{ source('nomis', 'offender_aliases') }}
),

renamed as (
    select
        -- ids
        cast(alias_offender_id as string) as alias_offender_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(root_offender_id as string) as root_offender_id,

        -- codes
        upper(nullif(trim(alias_name_type), '')) as alias_name_type,

        -- names: upper-case alias surname, forename and middle names
        last_name as last_name_source,
        first_name as first_name_source,
        middle_name as middle_name_source,
        {{ standardise_name('last_name') }} as surname,
        {{ standardise_name("concat_ws(' ', first_name, middle_name)") }}
            as forenames,

        -- person attributes the alias table does not hold
        cast(null as string) as sex,
        cast(null as string) as sex_source_value,
        cast(null as string) as ethnicity_code,
        cast(null as string) as ethnicity_source_value,
        cast(null as string) as postcode,
        cast(null as string) as pnc_number,

        -- dates (typed dates in the source)
        cast(birth_date as date) as date_of_birth,
        cast(create_date as date) as create_date
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('alias_offender_id', 'root_offender_id') + [
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
        {{ all_flags(date_of_birth_flags() + [
            ['alias_name_type is null'
                ~ " or alias_name_type not in ('A', 'M', 'V')",
                'unknown_code:alias_name_type'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        alias_offender_id,
        source_row_number,
        root_offender_id,
        alias_name_type,
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
        date_of_birth,
        create_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
