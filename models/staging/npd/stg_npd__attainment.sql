with

source as (
    select * from {{ source('npd', 'attainment') }}
),

renamed as (
    select
        -- ids
        cast(result_id as string) as result_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({'ks4_ptscap': 'decimal(12, 2)'}) }}
            as raw_value_problem,
        nullif(upper(trim(upn)), '') as upn,

        -- codes
        nullif(trim(keystage), '') as key_stage,
        nullif(trim(academicyear), '') as academic_year,

        -- numbers
        ks2_englev as ks2_english_level,
        ks2_matlev as ks2_maths_level,
        try_cast(ks4_ptscap as decimal(12, 2)) as ks4_capped_points,

        -- booleans
        ks4_level2_em as has_ks4_five_a_to_c_english_maths
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('result_id', 'upn') + [
            ["coalesce(key_stage, '') not in ('KS2', 'KS4')",
                'unknown_code:key_stage'],
            ["not " ~ regexp_like("coalesce(academic_year, '')",
                '^[0-9]{4}/[0-9]{2}$'), 'unknown_code:academic_year'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["key_stage = 'KS2' and (ks2_english_level = 0"
                ~ " or ks2_maths_level = 0)", 'ks2_absent_or_not_assessed'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        result_id,
        source_row_number,
        upn,
        key_stage,
        academic_year,
        ks2_english_level,
        ks2_maths_level,
        ks4_capped_points,
        has_ks4_five_a_to_c_english_maths,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
