with

source as (
    select * from {{ source('oasys', 'rm2000') }}
),

renamed as (
    select
        -- ids
        cast(rm2000_pk as string) as rm2000_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,
        cast(parent_oasys_set_pk as string) as parent_oasys_set_pk,

        -- codes: risk categories on the rosh_levels list
        nullif(trim(rm2000_s_category), '') as rm2000_s_category,
        {{ decode_code('rm2000_s_category', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as rm2000_s_level,
        nullif(trim(rm2000_v_category), '') as rm2000_v_category,
        {{ decode_code('rm2000_v_category', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as rm2000_v_level,
        nullif(trim(rm2000_combined_category), '')
            as rm2000_combined_category,
        {{ decode_code('rm2000_combined_category', 'rosh_levels',
            'rosh_level_code', 'rosh_level') }} as rm2000_combined_level
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('rm2000_pk', 'oasys_set_pk') + [
            ['rm2000_s_category is null or not ' ~ code_in_seed(
                'rm2000_s_category', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:rm2000_s_category'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['parent_oasys_set_pk is null', 'missing_parent_assessment'],
            ['rm2000_v_category is not null and not ' ~ code_in_seed(
                'rm2000_v_category', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:rm2000_v_category'],
            ['rm2000_combined_category is not null and not ' ~ code_in_seed(
                'rm2000_combined_category', 'rosh_levels',
                'rosh_level_code'), 'unknown_code:rm2000_combined_category'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        rm2000_pk,
        source_row_number,
        oasys_set_pk,
        parent_oasys_set_pk,
        rm2000_s_category,
        rm2000_s_level,
        rm2000_v_category,
        rm2000_v_level,
        rm2000_combined_category,
        rm2000_combined_level,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
