with

source as (
    select * from {{ source('pnc', 'court_appearances') }}
),

renamed as (
    select
        -- ids
        cast(appearance_id as string) as appearance_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({'custody_days': 'integer'}) }}
            as raw_value_problem,
        nullif(upper(trim(pnc_id)), '') as pnc_id,

        -- codes
        nullif(trim(court_type), '') as court_type,
        nullif(trim(offence_code), '') as offence_code,
        nullif(trim(disposal_code), '') as disposal_code,
        {{ decode_code('disposal_code', 'pnc_disposal_codes',
            'pnc_disposal_code', 'disposal_type') }} as disposal_type,

        -- numbers
        try_cast(custody_days as integer) as custody_days,

        -- dates (yyyymmdd text)
        {{ parse_date('appearance_date', 'yyyymmdd') }} as appearance_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('appearance_id', 'pnc_id') + [
            ['appearance_date is null', 'unparseable_date:appearance_date'],
            ['not ' ~ is_valid_date('appearance_date'),
                'impossible_date:appearance_date'],
            ['custody_days < 0', 'negative_length:custody_days'],
            ["coalesce(court_type, '') not in ('M', 'C')",
                'unknown_code:court_type'],
            ['not coalesce(' ~ code_in_seed('offence_code', 'offence_codes',
                'offence_code') ~ ', false)', 'unknown_code:offence_code'],
            ['not coalesce(' ~ code_in_seed('disposal_code',
                'pnc_disposal_codes', 'pnc_disposal_code') ~ ', false)',
                'unknown_code:disposal_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        appearance_id,
        source_row_number,
        pnc_id,
        court_type,
        offence_code,
        disposal_code,
        disposal_type,
        custody_days,
        appearance_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
