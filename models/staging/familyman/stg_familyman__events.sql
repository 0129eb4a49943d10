with

source as (
    select * from {{ source('familyman', 'events') }}
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
        {{ decode_code('event_code', 'family_event_types', 'event_code',
            'event_stage') }} as event_stage,
        nullif(trim(application_type_code), '') as application_type_code,
        nullif(trim(order_type_code), '') as order_type_code,

        -- dates
        nullif(trim(event_date), '') as event_date_source,
        {{ parse_date('event_date', 'yyyymmdd') }} as event_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('event_id', 'case_number') + [
            ['event_date is null', 'unparseable_date:event_date'],
            ['not ' ~ is_valid_date('event_date'), 'impossible_date:event_date'],
            ['event_code is null or not ' ~ code_in_seed('event_code',
                'family_event_types', 'event_code'), 'unknown_code:event_code'],
            ['application_type_code is not null and not ' ~ code_in_seed(
                'application_type_code', 'family_case_types', 'case_type_code'),
                'unknown_code:application_type_code'],
            ['order_type_code is not null and not ' ~ code_in_seed(
                'order_type_code', 'family_order_types', 'order_type_code'),
                'unknown_code:order_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["(event_code = 'APP') <> (application_type_code is not null)",
                'application_type_inconsistent'],
            ["(event_code in ('IOM', 'DNP', 'FOM'))"
                ~ " <> (order_type_code is not null)",
                'order_type_inconsistent'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        event_id,
        source_row_number,
        case_number,
        event_code,
        event_stage,
        application_type_code,
        order_type_code,
        event_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
