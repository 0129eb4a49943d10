with

source as (
    select * from {{ source('caseman', 'warrants') }}
),

renamed as (
    select
        -- ids
        cast(warrant_number as string) as warrant_number,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,

        -- codes
        nullif(trim(warrant_type_code), '') as warrant_type_code,
        {{ decode_code('warrant_type_code', 'civil_warrant_types',
            'warrant_type_code', 'warrant_type_description',
            {'source_system': 'caseman'}) }} as warrant_type_description,

        -- text
        nullif(trim(warrant_status), '') as warrant_status,

        -- numbers
        cast(warrant_amount as decimal(12, 2)) as warrant_amount,

        -- dates
        nullif(trim(issue_date), '') as issue_date_source,
        {{ parse_date('issue_date', 'dd/mm/yyyy') }} as issue_date,
        nullif(trim(executed_date), '') as executed_date_source,
        {{ parse_date('executed_date', 'dd/mm/yyyy') }} as executed_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('warrant_number', 'case_number') + [
            ['issue_date is null', 'unparseable_date:issue_date'],
            ['executed_date_source is not null and executed_date is null',
                'unparseable_date:executed_date'],
            ['not ' ~ is_valid_date('issue_date'), 'impossible_date:issue_date'],
            ['not ' ~ is_valid_date('executed_date'),
                'impossible_date:executed_date'],
            ['warrant_amount < 0', 'negative_length:warrant_amount'],
            ['warrant_type_code is null or not ' ~ code_in_seed(
                'warrant_type_code', 'civil_warrant_types', 'warrant_type_code',
                {'source_system': 'caseman'}),
                'unknown_code:warrant_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            [is_garbled('warrant_status'), 'garbled_text:warrant_status'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        warrant_number,
        source_row_number,
        case_number,
        warrant_type_code,
        warrant_type_description,
        warrant_status,
        warrant_amount,
        issue_date,
        executed_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
