with

source as (
    select * from {{ source('pcol', 'judgments') }}
),

renamed as (
    select
        -- ids
        cast(judgment_id as string) as judgment_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(claim_number as string) as claim_number,

        -- codes
        nullif(trim(judgment_type_code), '') as judgment_type_code,
        {{ decode_code('judgment_type_code', 'civil_judgment_types',
            'judgment_type_code', 'judgment_type_description',
            {'source_system': 'pcol'}) }} as judgment_type_description,

        -- numbers
        cast(arrears_amount as decimal(12, 2)) as arrears_amount,
        cast(costs_amount as decimal(12, 2)) as costs_amount,

        -- dates (typed in the extract)
        cast(order_date as date) as order_date,
        cast(possession_date as date) as possession_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('judgment_id', 'claim_number') + [
            ['order_date is null', 'unparseable_date:order_date'],
            ['not ' ~ is_valid_date('order_date'), 'impossible_date:order_date'],
            ['not ' ~ is_valid_date('possession_date')
                ~ ' or possession_date < order_date',
                'impossible_date:possession_date'],
            ['arrears_amount < 0', 'negative_length:arrears_amount'],
            ['costs_amount < 0', 'negative_length:costs_amount'],
            ['judgment_type_code is null or not ' ~ code_in_seed(
                'judgment_type_code', 'civil_judgment_types',
                'judgment_type_code', {'source_system': 'pcol'}),
                'unknown_code:judgment_type_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        judgment_id,
        source_row_number,
        claim_number,
        judgment_type_code,
        judgment_type_description,
        arrears_amount,
        costs_amount,
        order_date,
        possession_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
