with

source as (
    select * from {{ source('pcol', 'parties') }}
),

renamed as (
    select
        -- ids
        cast(party_id as varchar) as party_id,
        file_row_number as source_row_number,
        cast(claim_number as varchar) as claim_number,

        -- role and kind of party
        nullif(trim(party_role_code), '') as party_role_code,
        {{ decode_code('party_role_code', 'party_roles', 'role_code',
            'party_category', {'source_system': 'pcol'}) }} as party_category,
        cast(party_number as integer) as party_number,
        nullif(trim(party_type), '') as party_type,
        coalesce(trim(party_type) = 'company', false) as is_company,

        -- names: typed by the claimant, separate fields
        forename as forename_source,
        surname as surname_source,
        organisation_name as organisation_name_source,
        case
            when trim(party_type) = 'company'
                then nullif(trim(organisation_name), '')
        end as organisation_name,
        case
            when coalesce(trim(party_type), '') <> 'company'
                then upper(nullif(trim(title), ''))
        end as title,
        case
            when coalesce(trim(party_type), '') <> 'company'
                then {{ standardise_name('forename') }}
        end as forenames,
        case
            when coalesce(trim(party_type), '') <> 'company'
                then {{ standardise_name('surname') }}
        end as surname,

        -- address
        nullif(trim(address_line_1), '') as address_line_1,
        nullif(trim(address_line_2), '') as address_line_2,
        {{ standardise_postcode('postcode') }} as postcode,

        -- dates (typed in the extract)
        cast(date_of_birth as date) as date_of_birth,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source
    from source
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        cast(null as varchar) as sex,
        cast(null as varchar) as sex_source_value,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason([
            ['party_id is null', 'null_key'],
            ['row_number() over (partition by party_id
                order by source_row_number) > 1', 'duplicate_key'],
            ['claim_number is null', 'null_parent_key'],
            [is_garbled('forename_source'), 'garbled_text:forename'],
            [is_garbled('surname_source'), 'garbled_text:surname'],
            [is_garbled('organisation_name_source'),
                'garbled_text:organisation_name'],
            ['not is_company and surname is null and forenames is null',
                'missing_name'],
            ['is_company and organisation_name is null', 'missing_name'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:date_of_birth'],
            ['party_role_code is null or not ' ~ code_in_seed(
                'party_role_code', 'party_roles', 'role_code',
                {'source_system': 'pcol'}), 'unknown_code:party_role_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["coalesce(party_type, '') not in ('individual', 'company')",
                'unknown_code:party_type'],
        ] + date_of_birth_flags(person_when='not is_company') + [
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
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
