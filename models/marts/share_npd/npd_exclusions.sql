with

exclusions as (
    select * from {{ ref('int_npd_exclusions_trusted') }}
),

pupils as (
    select * from {{ ref('int_npd_pupils_trusted') }}
),

categories as (
    select * from {{ ref('npd_exclusion_categories') }}
),

final as (
    select
        {{ pseudonymise('exclusions.exclusion_id', 'npd.exclusion_id') }}
            as exclusion_id_hash,
        {{ pseudonymise('exclusions.upn', 'npd.upn') }} as pupil_id_hash,
        'share_npd' as source_dataset,
        exclusions.exclusion_start_date,
        exclusions.category_code,
        categories.is_permanent,
        exclusions.reason_code,
        exclusions.sessions,
        {{ age_in_years('pupils.date_of_birth',
            'exclusions.exclusion_start_date') }} as age_at_exclusion,
        pupils.sex
    from exclusions
    inner join pupils on exclusions.upn = pupils.upn
    left join categories
        on exclusions.category_code = categories.category_code
)

select * from final
