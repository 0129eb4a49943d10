with

source as (
    select * from {{ source('xhibit', 'cases') }}
),

renamed as (
    select
        -- ids
        cast(case_id as string) as case_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        nullif(trim(case_number), '') as case_number,
        upper(nullif(trim(police_urn), '')) as police_urn,

        -- codes
        nullif(trim(case_type), '') as case_type,
        nullif(trim(court_code), '') as court_code,
        nullif(trim(originating_court_code), '') as originating_court_code,

        -- dates (typed timestamps in the source)
        cast(receipt_date as date) as receipt_date,
        cast(committal_date as date) as committal_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('case_id') + [
            ['receipt_date is null', 'unparseable_date:receipt_date'],
            ['committal_date is null', 'unparseable_date:committal_date'],
            ['not ' ~ is_valid_date('receipt_date'),
                'impossible_date:receipt_date'],
            ['not ' ~ is_valid_date('committal_date')
                ~ ' or committal_date > receipt_date',
                'impossible_date:committal_date'],
            ['not coalesce(' ~ code_in_seed('case_type', 'crown_case_types',
                'case_type_code') ~ ', false)', 'unknown_code:case_type'],
            ['not coalesce(' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'crown'}) ~ ', false)',
                'unknown_code:court_code'],
            ['not coalesce(' ~ code_in_seed('originating_court_code', 'courts',
                'court_code', {'court_type': 'magistrates'}) ~ ', false)',
                'unknown_code:originating_court_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            [is_garbled('case_number'), 'garbled_text:case_number'],
            ['police_urn is null', 'missing_police_urn'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        case_id,
        source_row_number,
        case_number,
        police_urn,
        case_type,
        court_code,
        originating_court_code,
        receipt_date,
        committal_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
