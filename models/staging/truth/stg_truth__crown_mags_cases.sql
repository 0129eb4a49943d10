with

source as (
    select * from {{ source('truth', 'crown_mags_cases') }}
),

renamed as (
    select
        -- ids
        cast(defendant_on_case_id as string) as defendant_on_case_id,
        cast(mags_defendant_case_id as string) as mags_defendant_case_id,
        {{ record_id('crown_xhibit', 'defendant_on_case_id') }}
            as crown_record_id,
        {{ record_id('mags_hocas', 'mags_defendant_case_id') }}
            as mags_record_id,

        -- strings
        cast(crown_case_type as string) as crown_case_type,
        cast(urn_recorded as string) as urn_recorded,

        -- booleans
        cast(mags_case_in_extract as boolean) as is_mags_case_in_extract
    from source
)

select * from renamed
