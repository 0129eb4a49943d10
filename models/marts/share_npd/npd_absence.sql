with

absence as (
    select * from {{ ref('int_npd_absence_trusted') }}
),

pupils as (
    select * from {{ ref('int_npd_pupils_trusted') }}
),

final as (
    select
        {{ pseudonymise('absence.absence_id', 'npd.absence_id') }}
            as absence_id_hash,
        {{ pseudonymise('absence.upn', 'npd.upn') }} as pupil_id_hash,
        'share_npd' as source_dataset,
        absence.academic_year,
        make_date(cast(left(absence.academic_year, 4) as integer), 9, 1)
            as academic_year_start_date,
        absence.sessions_possible,
        absence.sessions_authorised,
        absence.sessions_unauthorised,
        pupils.sex
    from absence
    inner join pupils on absence.upn = pupils.upn
)

select * from final
