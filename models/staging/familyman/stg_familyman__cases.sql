with

source as (
    select * from {{ source('familyman', 'cases') }}
),

renamed as (
    select
        -- ids
        cast(case_number as string) as case_number,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,

        -- codes
        nullif(trim(court_code), '') as court_code,
        nullif(trim(case_type_code), '') as case_type_code,
        {{ decode_code('case_type_code', 'family_case_types', 'case_type_code',
            'law_type') }} as law_type,
        nullif(trim(order_type_code), '') as order_type_code,
        {{ decode_code('order_type_code', 'family_order_types',
            'order_type_code', 'order_type_description') }}
            as order_type_description,
        upper(nullif(trim(case_status), '')) as case_status,

        -- numbers
        cast(number_of_children as integer) as number_of_children,

        -- dates
        nullif(trim(issue_date), '') as issue_date_source,
        {{ parse_date('issue_date', 'yyyymmdd') }} as issue_date,
        nullif(trim(closed_date), '') as closed_date_source,
        {{ parse_date('closed_date', 'yyyymmdd') }} as closed_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('case_number') + [
            ['issue_date is null', 'unparseable_date:issue_date'],
            ['closed_date_source is not null and closed_date is null',
                'unparseable_date:closed_date'],
            ['not ' ~ is_valid_date('issue_date'), 'impossible_date:issue_date'],
            ['not ' ~ is_valid_date('closed_date')
                ~ ' or closed_date < issue_date', 'impossible_date:closed_date'],
            ['number_of_children < 0', 'negative_length:number_of_children'],
            ['case_type_code is null or not ' ~ code_in_seed('case_type_code',
                'family_case_types', 'case_type_code'),
                'unknown_code:case_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'family'}),
                'unknown_code:court_code'],
            ['order_type_code is not null and not ' ~ code_in_seed(
                'order_type_code', 'family_order_types', 'order_type_code'),
                'unknown_code:order_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["coalesce(case_status, '') not in ('OPEN', 'CLOSED')",
                'unknown_code:case_status'],
            ["(case_status = 'CLOSED') <> (closed_date_source is not null)",
                'case_status_inconsistent'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        case_number,
        source_row_number,
        court_code,
        case_type_code,
        law_type,
        order_type_code,
        order_type_description,
        case_status,
        number_of_children,
        issue_date,
        closed_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
