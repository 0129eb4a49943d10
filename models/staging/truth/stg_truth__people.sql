with

source as (
    select * from {{ source('truth', 'people') }}
),

renamed as (
    select
        -- ids
        cast(person_key as varchar) as person_key,
        cast(nullif(collides_with, '') as varchar) as collides_with_person_key,
        cast(nullif(pnc_number, '') as varchar) as pnc_number,
        cast(nullif(cro_number, '') as varchar) as cro_number,

        -- strings
        cast(sex as varchar) as sex,
        cast(ethnicity_code as varchar) as ethnicity_code,
        cast(ethnic_group as varchar) as ethnic_group,
        cast(forename as varchar) as forename,
        cast(nullif(middle_names, '') as varchar) as middle_names,
        cast(surname as varchar) as surname,
        cast(nullif(new_surname, '') as varchar) as new_surname,
        cast(nullif(collision, '') as varchar) as collision_type,

        -- booleans
        cast(is_child as boolean) as is_child,
        cast(is_criminal as boolean) as is_criminal,

        -- dates
        cast(date_of_birth as date) as date_of_birth,
        cast(surname_change_date as date) as surname_change_date
    from source
)

select * from renamed
