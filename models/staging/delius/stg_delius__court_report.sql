with

source as (
    select * from {{ source('delius', 'court_report') }}
),

renamed as (
    select
        -- ids
        cast(court_report_id as string) as court_report_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(event_id as string) as event_id,

        -- codes
        nullif(trim(court_report_type_code), '') as court_report_type_code,
        nullif(trim(proposed_requirement_code), '')
            as proposed_requirement_code,
        {{ decode_code('proposed_requirement_code', 'requirement_types',
            'requirement_code', 'requirement_category') }}
            as proposed_requirement_category,

        -- dates
        nullif(trim(requested_date), '') as requested_date_source,
        {{ parse_date('requested_date', 'yyyy-mm-dd') }} as requested_date,
        nullif(trim(completed_date), '') as completed_date_source,
        {{ parse_date('completed_date', 'yyyy-mm-dd') }} as completed_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('court_report_id', 'event_id') + [
            ['requested_date is null', 'unparseable_date:requested_date'],
            ['completed_date is null', 'unparseable_date:completed_date'],
            ['not ' ~ is_valid_date('requested_date'),
                'impossible_date:requested_date'],
            ['not ' ~ is_valid_date('completed_date'),
                'impossible_date:completed_date'],
            ['court_report_type_code is null or not ' ~ code_in_seed(
                'court_report_type_code', 'court_report_types',
                'court_report_type_code'),
                'unknown_code:court_report_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['proposed_requirement_code is not null and not '
                ~ code_in_seed('proposed_requirement_code',
                'requirement_types', 'requirement_code'),
                'unknown_code:proposed_requirement_code'],
            ['completed_date < requested_date',
                'completed_date_before_requested_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        court_report_id,
        source_row_number,
        event_id,
        court_report_type_code,
        proposed_requirement_code,
        proposed_requirement_category,
        requested_date,
        completed_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
