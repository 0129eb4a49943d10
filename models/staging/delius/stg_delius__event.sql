{%- set termination = delius_termination('event', 'referral_date') -%}

with

source as (
    select * from {{ source('delius', 'event') }}
),

renamed as (
    select
        -- ids
        cast(event_id as string) as event_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'event_number': 'integer',
            'disposal_length': 'integer',
        }) }} as raw_value_problem,
        cast(offender_id as string) as offender_id,

        -- codes
        nullif(trim(disposal_type_code), '') as disposal_type_code,
        {{ decode_code('disposal_type_code', 'delius_disposal_types',
            'disposal_type_code', 'event_category') }} as event_category,
        nullif(trim(probation_area_code), '') as probation_area_code,

        -- numbers
        try_cast(event_number as integer) as event_number,
        try_cast(disposal_length as integer) as disposal_length,
        lower(nullif(trim(length_unit), '')) as disposal_length_unit,

        -- dates
        nullif(trim(referral_date), '') as referral_date_source,
        {{ parse_date('referral_date', 'yyyy-mm-dd') }} as referral_date,

        -- termination: reason, outcome, date and running flag
        {{ termination.columns }}
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('event_id', 'offender_id')
            + termination.date_checks + [
            ['disposal_length < 0', 'negative_length:disposal_length'],
            ['disposal_type_code is null or not ' ~ code_in_seed(
                'disposal_type_code', 'delius_disposal_types',
                'disposal_type_code'), 'unknown_code:disposal_type_code'],
            ['probation_area_code is null or not ' ~ code_in_seed(
                'probation_area_code', 'probation_areas',
                'probation_area_code'), 'unknown_code:probation_area_code'],
            termination.code_check,
        ]) }} as quarantine_reason,
        {{ all_flags(termination.flags) }} as dq_flags
    from renamed
),

final as (
    select
        event_id,
        source_row_number,
        offender_id,
        event_number,
        disposal_type_code,
        event_category,
        probation_area_code,
        disposal_length,
        disposal_length_unit,
        termination_reason_code,
        termination_outcome,
        is_running,
        referral_date,
        termination_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
