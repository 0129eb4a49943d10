with

source as (
    select * from {{ source('pcol', 'claim_events') }}
),

renamed as (
    select
        -- ids
        cast(event_id as string) as event_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(claim_number as string) as claim_number,

        -- codes
        nullif(trim(event_type_code), '') as event_type_code,
        {{ decode_code('event_type_code', 'civil_event_types', 'event_code',
            'event_stage', {'source_system': 'pcol'}) }} as event_stage,

        -- dates (typed in the extract)
        cast(event_date as date) as event_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('event_id', 'claim_number') + [
            ['event_date is null', 'unparseable_date:event_date'],
            ['not ' ~ is_valid_date('event_date'), 'impossible_date:event_date'],
            ['event_type_code is null or not ' ~ code_in_seed(
                'event_type_code', 'civil_event_types', 'event_code',
                {'source_system': 'pcol'}), 'unknown_code:event_type_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        event_id,
        source_row_number,
        claim_number,
        event_type_code,
        event_stage,
        event_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
