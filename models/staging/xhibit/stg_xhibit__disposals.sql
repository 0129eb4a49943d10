with

source as (
    select * from {{ source('xhibit', 'disposals') }}
),

renamed as (
    select
        -- ids
        cast(disposal_id as string) as disposal_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'custody_months': 'integer',
            'order_months': 'integer',
            'fine_amount': 'decimal(12, 2)',
        }) }} as raw_value_problem,
        cast(offence_id as string) as offence_id,

        -- codes
        nullif(trim(disposal_code), '') as disposal_code,
        {{ decode_code('disposal_code', 'disposal_codes', 'disposal_code',
            'disposal_type', {'source_system': 'xhibit'}) }} as disposal_type,

        -- numbers
        try_cast(custody_months as integer) as custody_months,
        try_cast(order_months as integer) as order_months,
        try_cast(fine_amount as decimal(12, 2)) as fine_amount,

        -- dates (typed timestamps in the source)
        cast(disposal_date as date) as disposal_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('disposal_id', 'offence_id') + [
            ['disposal_date is null', 'unparseable_date:disposal_date'],
            ['not ' ~ is_valid_date('disposal_date'),
                'impossible_date:disposal_date'],
            ['custody_months < 0', 'negative_length:custody_months'],
            ['order_months < 0', 'negative_length:order_months'],
            ['fine_amount < 0', 'negative_length:fine_amount'],
            ['not coalesce(' ~ code_in_seed('disposal_code', 'disposal_codes',
                'disposal_code', {'source_system': 'xhibit'}) ~ ', false)',
                'unknown_code:disposal_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        disposal_id,
        source_row_number,
        offence_id,
        disposal_code,
        disposal_type,
        custody_months,
        order_months,
        fine_amount,
        disposal_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
