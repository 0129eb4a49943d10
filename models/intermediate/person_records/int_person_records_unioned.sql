{%- set datasets = [
    'libra', 'xhibit', 'nomis', 'delius', 'oasys', 'familyman', 'caseman',
    'pcol',
] -%}

with

{% for dataset in datasets %}
{{ dataset }} as (
    select * from {{ ref('int_' ~ dataset ~ '_person_records_standardised') }}
),

{% endfor %}
unioned as (
    {% for dataset in datasets %}
    select * from {{ dataset }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

ethnic_groups as (
    select
        ethnicity_code,
        ethnic_group
    from {{ ref('ethnicity_codes') }}
),

final as (
    select
        unioned.*,
        ethnic_groups.ethnic_group,
        coalesce(
            extract(month from unioned.date_of_birth) = 1
            and extract(day from unioned.date_of_birth) = 1,
            false
        ) as is_dob_first_of_january
    from unioned
    left join ethnic_groups
        on unioned.ethnicity_code = ethnic_groups.ethnicity_code
)

select * from final
