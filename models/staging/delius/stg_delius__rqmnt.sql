{%- set termination = delius_termination('requirement', 'start_date') -%}

with

source as (
    select * from {{ source('delius', 'rqmnt') }}
),

renamed as (
    select
        -- ids
        cast(rqmnt_id as string) as rqmnt_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'length': 'integer',
        }) }} as raw_value_problem,
        cast(event_id as string) as event_id,

        -- codes
        nullif(trim(requirement_code), '') as requirement_code,
        {{ decode_code('requirement_code', 'requirement_types',
            'requirement_code', 'requirement_category') }}
            as requirement_category,
        {{ decode_code('requirement_code', 'requirement_types',
            'requirement_code', 'length_unit') }} as length_unit,

        -- numbers
        try_cast(length as integer) as length,

        -- dates
        nullif(trim(start_date), '') as start_date_source,
        {{ parse_date('start_date', 'yyyy-mm-dd') }} as start_date,

        -- termination: reason, outcome, date and running flag
        {{ termination.columns }}
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('rqmnt_id', 'event_id')
            + termination.date_checks + [
            ['length < 0', 'negative_length:length'],
            ['requirement_code is null or not ' ~ code_in_seed(
                'requirement_code', 'requirement_types', 'requirement_code'),
                'unknown_code:requirement_code'],
            termination.code_check,
        ]) }} as quarantine_reason,
        {{ all_flags(termination.flags) }} as dq_flags
    from renamed
),

final as (
    select
        rqmnt_id,
        source_row_number,
        event_id,
        requirement_code,
        requirement_category,
        length,
        length_unit,
        termination_reason_code,
        termination_outcome,
        is_running,
        start_date,
        termination_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
