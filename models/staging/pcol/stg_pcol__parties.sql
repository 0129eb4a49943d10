{%- set party = case_party(
    'pcol', 'party_role_code', 'individual', 'company'
) -%}

with

source as (
    select * from {{ source('pcol', 'parties') }}
),

renamed as (
    select
        -- ids
        cast(party_id as string) as party_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(claim_number as string) as claim_number,

        -- role and kind of party
        {{ party.columns }},
        cast(party_number as integer) as party_number,

        -- names: typed by the claimant, separate fields
        forename as forename_source,
        surname as surname_source,
        organisation_name as organisation_name_source,
        case
            when {{ party.is_organisation }}
                then nullif(trim(organisation_name), '')
        end as organisation_name,
        case
            when {{ party.is_person }} then upper(nullif(trim(title), ''))
        end as title,
        case
            when {{ party.is_person }} then {{ standardise_name('forename') }}
        end as forenames,
        case
            when {{ party.is_person }} then {{ standardise_name('surname') }}
        end as surname,

        -- address
        nullif(trim(address_line_1), '') as address_line_1,
        nullif(trim(address_line_2), '') as address_line_2,
        {{ standardise_postcode('postcode') }} as postcode,

        -- dates (typed in the extract)
        cast(date_of_birth as date) as date_of_birth,

        -- legal representation
        cast(is_represented as boolean) as is_represented,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        cast(null as string) as sex,
        cast(null as string) as sex_source_value,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('party_id', 'claim_number') + [
            [is_garbled('forename_source'), 'garbled_text:forename'],
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('organisation_name_source'),
                'garbled_text:organisation_name'],
        ] + party.missing_name + [
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:date_of_birth'],
            party.role_check,
        ]) }} as quarantine_reason,
        {{ all_flags([
            party.type_flag,
        ] + date_of_birth_flags(person_when=party.person_when) + [
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            [is_garbled('address_line_1'), 'garbled_text:address_line_1'],
            [is_garbled('address_line_2'), 'garbled_text:address_line_2'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        party_id,
        source_row_number,
        claim_number,
        party_role_code,
        party_category,
        party_number,
        party_type,
        is_company,
        organisation_name,
        title,
        forenames,
        forename,
        middle_names,
        surname,
        sex,
        sex_source_value,
        address_line_1,
        address_line_2,
        postcode,
        postcode_outward,
        date_of_birth,
        is_represented,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
