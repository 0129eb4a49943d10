{#- Every dataset's person records (int_<system>_person_records_standardised,
    one per dataset of the registry), unioned by column name, with the
    features the linkage compares that are derived for every dataset alike:
    the broad ethnic group, the 1 January birth-date indicator, the local
    authority of the postcode district, and the sound (Metaphone) and known
    variants of names. The columns and their types are this model's
    contract; the features are the ones listed here. -#}
{%- set features = [
    'ethnic_group',
    'is_dob_first_of_january',
    'postcode_local_authority',
    'forename_variants',
    'forename_metaphone',
    'surname_metaphone',
] -%}
{%- set columns = model.columns.keys() | reject('in', features) | list -%}

with

{% for dataset in datasets() %}
{%- set person_records =
    'int_' ~ dataset.system ~ '_person_records_standardised' %}
{{ dataset.code }} as (
    select * from {{ ref(person_records) }}
),

{% endfor %}
unioned as (
    {% for dataset in datasets() %}
    select {{ columns | join(', ') }} from {{ dataset.code }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

ethnic_groups as (
    select
        ethnicity_code,
        ethnic_group
    from {{ ref('ethnicity_codes') }}
),

-- Most moves stay within a local authority: two records in one authority's
-- districts are evidence of one person who moved, where the districts differ.
postcode_districts as (
    select
        outward_code,
        local_authority_code
    from {{ ref('postcode_districts') }}
),

-- Each name is encoded once (an encoding is a function of the name alone).
forename_list as (
    select distinct forename from unioned
    where forename is not null
),

surname_list as (
    select distinct surname from unioned
    where surname is not null
),

forenames as (
    select
        forename,
        {{ name_variants('forename') }} as forename_variants,
        {{ name_metaphone('forename') }} as forename_metaphone
    from forename_list
),

surnames as (
    select
        surname,
        {{ name_metaphone('surname') }} as surname_metaphone
    from surname_list
),

final as (
    select
        unioned.*,
        ethnic_groups.ethnic_group,
        coalesce(
            extract(month from unioned.date_of_birth) = 1
            and extract(day from unioned.date_of_birth) = 1,
            false
        ) as is_dob_first_of_january,
        postcode_districts.local_authority_code as postcode_local_authority,
        forenames.forename_variants,
        forenames.forename_metaphone,
        surnames.surname_metaphone
    from unioned
    left join ethnic_groups
        on unioned.ethnicity_code = ethnic_groups.ethnicity_code
    left join postcode_districts
        on unioned.postcode_outward = postcode_districts.outward_code
    left join forenames
        on unioned.forename = forenames.forename
    left join surnames
        on unioned.surname = surnames.surname
)

select * from final
