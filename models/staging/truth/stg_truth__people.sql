with

source as (
    select * from {{ source('truth', 'people') }}
),

renamed as (
    select
        -- ids
        cast(person_key as string) as person_key,
        cast(nullif(collides_with, '') as string) as collides_with_person_key,
        cast(nullif(pnc_number, '') as string) as pnc_number,
        cast(nullif(cro_number, '') as string) as cro_number,

        -- strings
        case cast(sex as string)
            when 'F' then 'female'
            when 'M' then 'male'
        end as sex,
        cast(ethnicity_code as string) as ethnicity_code,
        cast(ethnic_group as string) as ethnic_group,
        cast(forename as string) as forename,
        cast(nullif(middle_names, '') as string) as middle_names,
        cast(surname as string) as surname,
        cast(nullif(new_surname, '') as string) as new_surname,
        cast(nullif(collision, '') as string) as collision_type,

        -- booleans
        cast(is_child as boolean) as is_child,
        cast(is_criminal as boolean) as is_criminal,

        -- dates
        cast(date_of_birth as date) as date_of_birth,
        cast(surname_change_date as date) as surname_change_date
    from source
)

select * from renamed
