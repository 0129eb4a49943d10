{%- set party = case_party(
    'familyman', 'role_code', 'person', 'organisation'
) -%}
{%- set sex_ethnicity = sex_and_ethnicity(
    'familyman', 'gender', 'ethnicity', person_when=party.person_when
) -%}

with

source as (
    select * from {{ source('familyman', 'parties') }}
),

renamed as (
    select
        -- ids
        cast(party_id as string) as party_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,

        -- role and kind of party
        {{ party.columns }},

        -- names: a local authority's name is held in the surname field
        forenames as forenames_source,
        surname as surname_source,
        case
            when {{ party.is_organisation }} then nullif(trim(surname), '')
        end as organisation_name,
        case
            when {{ party.is_person }} then upper(nullif(trim(title), ''))
        end as title,
        case
            when {{ party.is_person }} then {{ standardise_name('forenames') }}
        end as forenames,
        case
            when {{ party.is_person }} then {{ standardise_name('surname') }}
        end as surname,

        -- person attributes
        {{ sex_ethnicity.columns }},
        nullif(trim(address_line_1), '') as address_line_1,
        {{ standardise_postcode('postcode') }} as postcode,
        case trim(is_represented)
            when 'Y' then true
            when 'N' then false
        end as is_represented,

        -- dates
        nullif(trim(date_of_birth), '') as date_of_birth_source,
        {{ parse_date('date_of_birth', 'yyyymmdd') }} as date_of_birth,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source,
        nullif(trim(is_represented), '') as is_represented_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('party_id', 'case_number') + [
            [is_garbled('forenames_source'), 'garbled_text:forenames'],
            [is_garbled('surname_source'), 'garbled_text:surname'],
        ] + party.missing_name + [
            ['date_of_birth_source is not null and date_of_birth is null',
                'unparseable_date:date_of_birth'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:date_of_birth'],
            party.role_check,
        ]) }} as quarantine_reason,
        {{ all_flags([
            party.type_flag,
        ] + date_of_birth_flags(
            'date_of_birth_source', person_when=party.person_when
        ) + sex_ethnicity.flags + [
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            [is_garbled('address_line_1'), 'garbled_text:address_line_1'],
            ["coalesce(is_represented_source, '') not in ('Y', 'N')",
                'unknown_code:is_represented'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        party_id,
        source_row_number,
        case_number,
        role_code,
        party_category,
        party_type,
        is_organisation,
        organisation_name,
        title,
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
        is_represented,
        date_of_birth,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
