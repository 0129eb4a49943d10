with

source as (
    select * from {{ source('caseman', 'case_events') }}
),

renamed as (
    select
        -- ids
        cast(event_id as string) as event_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,

        -- codes
        nullif(trim(event_code), '') as event_code,
        {{ decode_code('event_code', 'civil_event_types', 'event_code',
            'event_stage', {'source_system': 'caseman'}) }} as event_stage,

        -- numbers
        cast(event_sequence as integer) as event_sequence,

        -- dates
        nullif(trim(event_date), '') as event_date_source,
        {{ parse_date('event_date', 'dd/mm/yyyy') }} as event_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('event_id', 'case_number') + [
            ['event_date is null', 'unparseable_date:event_date'],
            ['not ' ~ is_valid_date('event_date'), 'impossible_date:event_date'],
            ['event_sequence < 0', 'negative_length:event_sequence'],
            ['event_code is null or not ' ~ code_in_seed('event_code',
                'civil_event_types', 'event_code',
                {'source_system': 'caseman'}), 'unknown_code:event_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        event_id,
        source_row_number,
        case_number,
        event_sequence,
        event_code,
        event_stage,
        event_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
