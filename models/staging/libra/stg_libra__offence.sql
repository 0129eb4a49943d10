with

source as (
    select * from {{ source('libra', 'offence') }}
),

renamed as (
    select
        -- ids
        cast(offence_id as string) as offence_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'offence_seq': 'integer',
            'custody_days': 'integer',
            'order_months': 'integer',
            'amount': 'decimal(12, 2)',
        }) }} as raw_value_problem,
        cast(defendant_case_id as string) as defendant_case_id,

        -- codes
        nullif(trim(offence_code), '') as offence_code,
        nullif(trim(plea_code), '') as plea_code,
        {{ decode_code('plea_code', 'plea_codes', 'plea_code', 'plea_type',
            {'source_system': 'libra'}) }} as plea_type,
        nullif(trim(result_code), '') as result_code,
        {{ decode_code('result_code', 'disposal_codes', 'disposal_code',
            'disposal_type', {'source_system': 'libra'}) }} as disposal_type,

        -- numbers
        try_cast(offence_seq as integer) as offence_seq,
        try_cast(custody_days as integer) as custody_days,
        try_cast(order_months as integer) as order_months,
        try_cast(amount as decimal(12, 2)) as amount,

        -- dates
        nullif(trim(offence_date), '') as offence_date_source,
        {{ parse_date('offence_date', 'dd/mm/yyyy') }} as offence_date,
        nullif(trim(result_date), '') as result_date_source,
        {{ parse_date('result_date', 'dd/mm/yyyy') }} as result_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('offence_id', 'defendant_case_id') + [
            ['offence_date_source is not null and offence_date is null',
                'unparseable_date:offence_date'],
            ['result_date is null', 'unparseable_date:result_date'],
            ['not ' ~ is_valid_date('offence_date'),
                'impossible_date:offence_date'],
            ['not ' ~ is_valid_date('result_date'), 'impossible_date:result_date'],
            ['offence_date > result_date', 'impossible_date:offence_date'],
            ['custody_days < 0', 'negative_length:custody_days'],
            ['order_months < 0', 'negative_length:order_months'],
            ['amount < 0', 'negative_length:amount'],
            ['offence_code is null or not ' ~ code_in_seed('offence_code', 'offence_codes',
                'offence_code'), 'unknown_code:offence_code'],
            ['result_code is null or not ' ~ code_in_seed('result_code', 'disposal_codes',
                'disposal_code', {'source_system': 'libra'}),
                'unknown_code:result_code'],
            ['plea_code is not null and not ' ~ code_in_seed('plea_code',
                'plea_codes', 'plea_code', {'source_system': 'libra'}),
                'unknown_code:plea_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['offence_date is null', 'missing_offence_date'],
            ['plea_code is null', 'missing_plea'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offence_id,
        source_row_number,
        defendant_case_id,
        offence_seq,
        offence_code,
        plea_code,
        plea_type,
        result_code,
        disposal_type,
        custody_days,
        order_months,
        amount,
        offence_date,
        result_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
