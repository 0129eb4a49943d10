with

source as (
    select * from {{ source('truth', 'caseman_pcol_cases') }}
),

renamed as (
    select
        -- ids
        cast(case_number as string) as caseman_case_number,
        cast(claim_number as string) as pcol_claim_number,

        -- strings
        cast(reference_recorded as string) as reference_recorded,

        -- dates
        cast(received_date as date) as received_date
    from source
)

select * from renamed
