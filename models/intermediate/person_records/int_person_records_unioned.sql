{#- Every dataset's person records (int_<system>_person_records_standardised,
    one per dataset of the registry), unioned by column name, with the
    features the linkage compares that are derived for every dataset alike:
    the broad ethnic group, the 1 January birth-date indicator, and the
    sound (Metaphone) and known variants of names. The columns and their
    types are this model's contract; the features are the ones listed here. -#}
{%- set features = [
    'ethnic_group',
    'is_dob_first_of_january',
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
        forenames.forename_variants,
        forenames.forename_metaphone,
        surnames.surname_metaphone
    from unioned
    left join ethnic_groups
        on unioned.ethnicity_code = ethnic_groups.ethnicity_code
    left join forenames
        on unioned.forename = forenames.forename
    left join surnames
        on unioned.surname = surnames.surname
)

select * from final
