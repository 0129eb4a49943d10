{%- set termination = delius_termination('licence_condition', 'start_date') -%}

with

source as (
    select * from {{ source('delius', 'lic_condition') }}
),

renamed as (
    select
        -- ids
        cast(lic_condition_id as string) as lic_condition_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(event_id as string) as event_id,

        -- codes
        nullif(trim(licence_condition_code), '') as licence_condition_code,
        {{ decode_code('licence_condition_code', 'licence_conditions',
            'licence_condition_code', 'licence_condition_category') }}
            as licence_condition_category,

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
        {{ first_reason(key_checks('lic_condition_id', 'event_id')
            + termination.date_checks + [
            ['licence_condition_code is null or not ' ~ code_in_seed(
                'licence_condition_code', 'licence_conditions',
                'licence_condition_code'),
                'unknown_code:licence_condition_code'],
            termination.code_check,
        ]) }} as quarantine_reason,
        {{ all_flags(termination.flags) }} as dq_flags
    from renamed
),

final as (
    select
        lic_condition_id,
        source_row_number,
        event_id,
        licence_condition_code,
        licence_condition_category,
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
