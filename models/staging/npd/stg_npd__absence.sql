with

source as (
    select * from {{ source('npd', 'absence') }}
),

renamed as (
    select
        -- ids
        cast(absence_id as string) as absence_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'sessionspossible': 'integer',
            'sessionsauthorised': 'integer',
            'sessionsunauthorised': 'integer',
        }) }} as raw_value_problem,
        nullif(upper(trim(upn)), '') as upn,

        -- codes
        nullif(trim(academicyear), '') as academic_year,

        -- numbers (half-day sessions)
        try_cast(sessionspossible as integer) as sessions_possible,
        try_cast(sessionsauthorised as integer) as sessions_authorised,
        try_cast(sessionsunauthorised as integer) as sessions_unauthorised
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('absence_id', 'upn') + [
            ['sessions_possible < 0', 'negative_length:sessions_possible'],
            ['sessions_authorised < 0',
                'negative_length:sessions_authorised'],
            ['sessions_unauthorised < 0',
                'negative_length:sessions_unauthorised'],
            ["not " ~ regexp_like("coalesce(academic_year, '')",
                '^[0-9]{4}/[0-9]{2}$'), 'unknown_code:academic_year'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['sessions_authorised + sessions_unauthorised > sessions_possible',
                'sessions_missed_exceed_possible'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        absence_id,
        source_row_number,
        upn,
        academic_year,
        sessions_possible,
        sessions_authorised,
        sessions_unauthorised,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
