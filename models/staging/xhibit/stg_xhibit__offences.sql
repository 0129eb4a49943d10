with

source as (
    select * from {{ source('xhibit', 'offences') }}
),

renamed as (
    select
        -- ids
        cast(offence_id as string) as offence_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'count_number': 'integer',
        }) }} as raw_value_problem,
        cast(defendant_on_case_id as string) as defendant_on_case_id,

        -- codes
        nullif(trim(offence_code), '') as offence_code,
        nullif(trim(plea_code), '') as plea_code,
        {{ decode_code('plea_code', 'plea_codes', 'plea_code', 'plea_type',
            {'source_system': 'xhibit'}) }} as plea_type,

        -- numbers
        try_cast(count_number as integer) as count_number,

        -- dates (typed timestamps in the source)
        cast(plea_date as date) as plea_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('offence_id', 'defendant_on_case_id') + [
            ['not ' ~ is_valid_date('plea_date'), 'impossible_date:plea_date'],
            ['not coalesce(' ~ code_in_seed('offence_code', 'offence_codes',
                'offence_code') ~ ', false)', 'unknown_code:offence_code'],
            ['plea_code is not null and not ' ~ code_in_seed('plea_code',
                'plea_codes', 'plea_code', {'source_system': 'xhibit'}),
                'unknown_code:plea_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['plea_code is null', 'missing_plea'],
            ['plea_date is null', 'missing_plea_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offence_id,
        source_row_number,
        defendant_on_case_id,
        count_number,
        offence_code,
        plea_code,
        plea_type,
        plea_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
