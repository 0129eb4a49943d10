with

defendants as (
    select * from {{ ref('stg_libra__defendant_case') }}
    where quarantine_reason is null
),

final as (
    select
        'mags_hocas|' || defendant_case_id as record_id,
        'mags_hocas' as source_dataset,
        'libra' as source_system,
        'defendant_case' as source_table,
        defendant_case_id as source_record_id,
        forename,
        middle_names,
        surname,
        cast(null as {{ array_type('varchar') }}) as forename_aliases,
        cast(null as {{ array_type('varchar') }}) as surname_aliases,
        cast(null as {{ array_type('date') }}) as date_of_birth_aliases,
        date_of_birth,
        sex,
        ethnicity_code,
        postcode,
        postcode_outward,
        pnc_number,
        cast(null as varchar) as cro_number,
        cast(null as varchar) as party_category,
        first_hearing_date as event_date,
        true as is_linkable
    from defendants
)

select * from final
