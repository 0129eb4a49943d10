with

source as (
    select * from {{ source('caseman', 'judgments') }}
),

renamed as (
    select
        -- ids
        cast(judgment_id as string) as judgment_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,
        cast(against_party_id as string) as against_party_id,

        -- codes
        nullif(trim(judgment_type_code), '') as judgment_type_code,
        {{ decode_code('judgment_type_code', 'civil_judgment_types',
            'judgment_type_code', 'judgment_type_description',
            {'source_system': 'caseman'}) }} as judgment_type_description,
        upper(nullif(trim(payment_terms), '')) as payment_terms,

        -- numbers
        cast(judgment_amount as decimal(12, 2)) as judgment_amount,
        cast(costs_amount as decimal(12, 2)) as costs_amount,
        cast(total_amount as decimal(12, 2)) as total_amount,
        cast(instalment_amount as decimal(12, 2)) as instalment_amount,

        -- dates
        nullif(trim(judgment_date), '') as judgment_date_source,
        {{ parse_date('judgment_date', 'dd/mm/yyyy') }} as judgment_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('judgment_id', 'case_number') + [
            ['judgment_date is null', 'unparseable_date:judgment_date'],
            ['not ' ~ is_valid_date('judgment_date'),
                'impossible_date:judgment_date'],
            ['judgment_amount < 0', 'negative_length:judgment_amount'],
            ['costs_amount < 0', 'negative_length:costs_amount'],
            ['total_amount < 0', 'negative_length:total_amount'],
            ['instalment_amount < 0', 'negative_length:instalment_amount'],
            ['judgment_type_code is null or not ' ~ code_in_seed(
                'judgment_type_code', 'civil_judgment_types',
                'judgment_type_code', {'source_system': 'caseman'}),
                'unknown_code:judgment_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["coalesce(payment_terms, '') not in ('FORTHWITH', 'INSTALMENTS')",
                'unknown_code:payment_terms'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        judgment_id,
        source_row_number,
        case_number,
        against_party_id,
        judgment_type_code,
        judgment_type_description,
        payment_terms,
        judgment_amount,
        costs_amount,
        total_amount,
        instalment_amount,
        judgment_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
