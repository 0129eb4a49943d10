with

source as (
    select * from {{ source('pcol', 'warrants') }}
),

renamed as (
    select
        -- ids
        cast(warrant_id as string) as warrant_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(claim_number as string) as claim_number,

        -- codes
        nullif(trim(warrant_type_code), '') as warrant_type_code,
        {{ decode_code('warrant_type_code', 'civil_warrant_types',
            'warrant_type_code', 'warrant_type_description',
            {'source_system': 'pcol'}) }} as warrant_type_description,

        -- text
        nullif(trim(status), '') as warrant_status,

        -- numbers
        cast(warrant_amount as decimal(12, 2)) as warrant_amount,

        -- dates (typed in the extract)
        cast(issue_date as date) as issue_date,
        cast(eviction_date as date) as eviction_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('warrant_id', 'claim_number') + [
            ['issue_date is null', 'unparseable_date:issue_date'],
            ['not ' ~ is_valid_date('issue_date'), 'impossible_date:issue_date'],
            ['not ' ~ is_valid_date('eviction_date'),
                'impossible_date:eviction_date'],
            ['warrant_amount < 0', 'negative_length:warrant_amount'],
            ['warrant_type_code is null or not ' ~ code_in_seed(
                'warrant_type_code', 'civil_warrant_types', 'warrant_type_code',
                {'source_system': 'pcol'}), 'unknown_code:warrant_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            [is_garbled('warrant_status'), 'garbled_text:status'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        warrant_id,
        source_row_number,
        claim_number,
        warrant_type_code,
        warrant_type_description,
        warrant_status,
        warrant_amount,
        issue_date,
        eviction_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
