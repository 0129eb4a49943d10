{%- set person = nomis_person() -%}

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
        {{ person.names }},

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
        {{ first_reason(
            key_checks('alias_offender_id', 'root_offender_id')
            + person.checks
        ) }} as quarantine_reason,
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
        {{ person.columns }},
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
