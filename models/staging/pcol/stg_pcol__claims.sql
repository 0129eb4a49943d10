with

source as (
    select * from {{ source('pcol', 'claims') }}
),

renamed as (
    select
        -- ids
        cast(claim_number as string) as claim_number,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,

        -- codes
        nullif(trim(court_code), '') as court_code,
        nullif(trim(claim_type_code), '') as claim_type_code,
        {{ decode_code('claim_type_code', 'civil_case_types', 'case_type_code',
            'claim_category', {'source_system': 'pcol'}) }} as claim_category,

        -- numbers
        cast(arrears_amount as decimal(12, 2)) as arrears_amount,
        cast(daily_rent_amount as decimal(12, 2)) as daily_rent_amount,
        cast(court_fee as decimal(12, 2)) as court_fee,

        -- dates (typed in the extract)
        cast(issue_date as date) as issue_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('claim_number') + [
            ['issue_date is null', 'unparseable_date:issue_date'],
            ['not ' ~ is_valid_date('issue_date'), 'impossible_date:issue_date'],
            ['arrears_amount < 0', 'negative_length:arrears_amount'],
            ['daily_rent_amount < 0', 'negative_length:daily_rent_amount'],
            ['court_fee < 0', 'negative_length:court_fee'],
            ['claim_type_code is null or not ' ~ code_in_seed(
                'claim_type_code', 'civil_case_types', 'case_type_code',
                {'source_system': 'pcol'}), 'unknown_code:claim_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'county'}),
                'unknown_code:court_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        claim_number,
        source_row_number,
        court_code,
        claim_type_code,
        claim_category,
        arrears_amount,
        daily_rent_amount,
        court_fee,
        issue_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
