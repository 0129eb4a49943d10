{#- The Data First dataset of each person-record table, as in
    int_person_records_unioned; other tables (P-NOMIS offender aliases) are
    not person records of the linker and get a null record_id. -#}
{%- set datasets = [
    ('libra', 'defendant_case', 'mags_hocas'),
    ('xhibit', 'defendants', 'crown_xhibit'),
    ('nomis', 'offenders', 'prison_nomis'),
    ('delius', 'offender', 'probation_delius'),
    ('oasys', 'offender', 'prison_oasys'),
    ('familyman', 'parties', 'familyman'),
    ('caseman', 'parties', 'civil_caseman'),
    ('pcol', 'parties', 'civil_pcol'),
] -%}

with

source as (
    select * from {{ source('truth', 'person_records') }}
),

renamed as (
    select
        -- ids
        case
            {%- for system, table, dataset in datasets %}
            when
                source_system = '{{ system }}'
                and source_table = '{{ table }}'
                then '{{ dataset }}|' || cast(record_key as varchar)
            {%- endfor %}
        end as record_id,
        cast(person_key as varchar) as person_key,
        cast(record_key as varchar) as record_key,

        -- strings
        case
            {%- for system, table, dataset in datasets %}
            when
                source_system = '{{ system }}'
                and source_table = '{{ table }}'
                then '{{ dataset }}'
            {%- endfor %}
        end as source_dataset,
        cast(source_system as varchar) as source_system,
        cast(source_table as varchar) as source_table,

        -- dates
        cast(record_date as date) as record_date
    from source
)

select * from renamed
