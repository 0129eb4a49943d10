{#- A person's name is one field, 'Mr John Paul SMITH': a courtesy title
    (often), forenames in mixed case and the surname in capitals. -#}
{%- set title_pattern = '^(?i:mr|mrs|ms|miss|master|mx|dr)[.]? +' -%}
{#- The surname: the trailing words in capitals (two letters or more, so
    that a middle initial stays with the forenames). -#}
{%- set capitals_pattern = "^(?:(.*?) +)?([A-Z][A-Z''’-]*[A-Z]"
    ~ "(?: +[A-Z][A-Z''’-]*[A-Z])*)$" -%}
{#- When capitals do not mark the surname (all one case, or surname in mixed
    case): the last word, with any particles before it ('de Lacy'). -#}
{%- set last_word_pattern = "^(?:(.+?) +)?((?:(?i:de|da|di|du|del|della|"
    ~ "der|den|van|von|le|la|mac|mc|st) +)*[^ ]+)$" -%}
{%- set capitals_forenames = "regexp_extract(person_name, '"
    ~ capitals_pattern ~ "', 1)" -%}
{%- set capitals_surname = "regexp_extract(person_name, '"
    ~ capitals_pattern ~ "', 2)" -%}
{%- set last_word_forenames = "regexp_extract(person_name, '"
    ~ last_word_pattern ~ "', 1)" -%}
{%- set last_word_surname = "regexp_extract(person_name, '"
    ~ last_word_pattern ~ "', 2)" -%}
{#- A name with lower-case letters whose last words are in capitals marks
    its surname; otherwise the split is by position. -#}
{%- set capitals_marked = "upper(person_name) <> person_name and "
    ~ capitals_surname ~ " <> ''" -%}
{%- set party = case_party(
    'caseman', 'party_role_code', 'individual', 'company'
) -%}

with

source as (
    select * from {{ source('caseman', 'parties') }}
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
        cast(party_number as integer) as party_number,

        -- name: a company's registered name, or a person's name in one field
        name as name_source,
        case
            when {{ party.is_organisation }} then nullif(trim(name), '')
        end as organisation_name,
        case
            when {{ party.is_person }}
                then upper(
                    nullif(
                        regexp_extract(
                            trim(name),
                            '^(?i:(mr|mrs|ms|miss|master|mx|dr))[.]? ',
                            1
                        ),
                        ''
                    )
                )
        end as title,
        case
            when {{ party.is_person }}
                then nullif(trim({{ regexp_replace_all(
                    regexp_replace_all('trim(name)', ' +', ' '),
                    title_pattern, '') }}), '')
        end as person_name,

        -- address
        nullif(trim(address_line_1), '') as address_line_1,
        nullif(trim(address_line_2), '') as address_line_2,
        {{ standardise_postcode('postcode') }} as postcode,
        cast(is_represented as boolean) as is_represented,

        -- dates
        nullif(trim(date_of_birth), '') as date_of_birth_source,
        {{ parse_date('date_of_birth', 'dd/mm/yyyy') }} as date_of_birth,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source
    from source
),

name_parts as (
    select
        *,
        coalesce({{ capitals_marked }}, false) as has_capitals_surname,
        {{ standardise_name("case when " ~ capitals_marked
            ~ " then " ~ capitals_forenames ~ " else " ~ last_word_forenames
            ~ " end") }} as forenames,
        {{ standardise_name("case when " ~ capitals_marked
            ~ " then " ~ capitals_surname ~ " else " ~ last_word_surname
            ~ " end") }} as surname
    from renamed
),

checked as (
    select
        *,
        {{ first_name_part('forenames') }} as forename,
        {{ other_name_parts('forenames') }} as middle_names,
        cast(null as string) as sex,
        cast(null as string) as sex_source_value,
        {{ postcode_outward('postcode') }} as postcode_outward,
        {{ first_reason(key_checks('party_id', 'case_number') + [
            [is_garbled('name_source'), 'garbled_text:name'],
        ] + party.missing_name + [
            ['date_of_birth_source is not null and date_of_birth is null',
                'unparseable_date:date_of_birth'],
            ['not ' ~ is_valid_date('date_of_birth'),
                'impossible_date:date_of_birth'],
            party.role_check,
        ]) }} as quarantine_reason,
        {{ all_flags([
            party.type_flag,
            ['not is_company and person_name is not null'
                ~ ' and not has_capitals_surname', 'name_split_by_position'],
        ] + date_of_birth_flags(
            'date_of_birth_source', person_when=party.person_when
        ) + [
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            [is_garbled('address_line_1'), 'garbled_text:address_line_1'],
            [is_garbled('address_line_2'), 'garbled_text:address_line_2'],
        ]) }} as dq_flags
    from name_parts
),

final as (
    select
        party_id,
        source_row_number,
        case_number,
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
        is_represented,
        date_of_birth,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
