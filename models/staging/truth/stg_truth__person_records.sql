{#- The Data First dataset of each person-record table (the registry, macro
    datasets()); other tables (P-NOMIS offender aliases) are not person
    records of the linker and get a null record_id. -#}

with

source as (
    select * from {{ source('truth', 'person_records') }}
),

renamed as (
    select
        -- ids
        case
            {%- for dataset in datasets() %}
            when
                source_system = '{{ dataset.system }}'
                and source_table = '{{ dataset.person_table }}'
                then {{ record_id(dataset.code, 'record_key') }}
            {%- endfor %}
        end as record_id,
        cast(person_key as string) as person_key,
        cast(record_key as string) as record_key,

        -- strings
        case
            {%- for dataset in datasets() %}
            when
                source_system = '{{ dataset.system }}'
                and source_table = '{{ dataset.person_table }}'
                then '{{ dataset.code }}'
            {%- endfor %}
        end as source_dataset,
        cast(source_system as string) as source_system,
        cast(source_table as string) as source_table,

        -- dates
        cast(record_date as date) as record_date
    from source
)

select * from renamed
