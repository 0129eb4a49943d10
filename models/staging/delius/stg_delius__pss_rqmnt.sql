{%- set termination = delius_termination('pss', 'start_date') -%}

with

source as (
    select * from {{ source('delius', 'pss_rqmnt') }}
),

renamed as (
    select
        -- ids
        cast(pss_rqmnt_id as string) as pss_rqmnt_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(event_id as string) as event_id,

        -- codes
        nullif(trim(pss_requirement_code), '') as pss_requirement_code,

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
        {{ first_reason(key_checks('pss_rqmnt_id', 'event_id')
            + termination.date_checks + [
            ['pss_requirement_code is null or not ' ~ code_in_seed(
                'pss_requirement_code', 'pss_requirement_types',
                'pss_requirement_code'), 'unknown_code:pss_requirement_code'],
            termination.code_check,
        ]) }} as quarantine_reason,
        {{ all_flags(termination.flags) }} as dq_flags
    from renamed
),

final as (
    select
        pss_rqmnt_id,
        source_row_number,
        event_id,
        pss_requirement_code,
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
