with

source as (
    select * from {{ source('npd', 'exclusions') }}
),

renamed as (
    select
        -- ids
        cast(exclusion_id as string) as exclusion_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({'sessions': 'integer'}) }} as raw_value_problem,
        nullif(upper(trim(upn)), '') as upn,
        cast(urn as string) as school_urn,

        -- codes
        nullif(trim(category), '') as category_code,
        nullif(trim(reasoncode), '') as reason_code,

        -- numbers (half-day sessions)
        try_cast(sessions as integer) as sessions,

        -- dates (typed in the source)
        cast(exclusionstartdate as date) as exclusion_start_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('exclusion_id', 'upn') + [
            ['exclusion_start_date is null',
                'unparseable_date:exclusion_start_date'],
            ['not ' ~ is_valid_date('exclusion_start_date'),
                'impossible_date:exclusion_start_date'],
            ['sessions < 0', 'negative_length:sessions'],
            ['not coalesce(' ~ code_in_seed('category_code',
                'npd_exclusion_categories', 'category_code') ~ ', false)',
                'unknown_code:category'],
            ['not coalesce(' ~ code_in_seed('reason_code',
                'npd_exclusion_reasons', 'reason_code') ~ ', false)',
                'unknown_code:reason_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        exclusion_id,
        source_row_number,
        upn,
        school_urn,
        category_code,
        reason_code,
        sessions,
        exclusion_start_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
