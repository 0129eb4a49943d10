with

attainment as (
    select * from {{ ref('int_npd_attainment_trusted') }}
),

pupils as (
    select * from {{ ref('int_npd_pupils_trusted') }}
),

final as (
    select
        {{ pseudonymise('attainment.result_id', 'npd.result_id') }}
            as result_id_hash,
        {{ pseudonymise('attainment.upn', 'npd.upn') }} as pupil_id_hash,
        'share_npd' as source_dataset,
        attainment.key_stage,
        attainment.academic_year,
        make_date(cast(left(attainment.academic_year, 4) as integer), 9, 1)
            as academic_year_start_date,
        attainment.ks2_english_level,
        attainment.ks2_maths_level,
        attainment.ks4_capped_points,
        attainment.has_ks4_five_a_to_c_english_maths,
        pupils.sex
    from attainment
    inner join pupils on attainment.upn = pupils.upn
)

select * from final
