with

source as (
    select * from {{ source('libra', 'hearing') }}
),

renamed as (
    select
        -- ids
        cast(hearing_id as string) as hearing_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(defendant_case_id as string) as defendant_case_id,

        -- codes
        nullif(trim(hearing_type_code), '') as hearing_type_code,
        nullif(trim(court_code), '') as court_code,

        -- dates
        nullif(trim(hearing_date), '') as hearing_date_source,
        {{ parse_date('hearing_date', 'dd/mm/yyyy') }} as hearing_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('hearing_id', 'defendant_case_id') + [
            ['hearing_date is null', 'unparseable_date:hearing_date'],
            ['not ' ~ is_valid_date('hearing_date'),
                'impossible_date:hearing_date'],
            ['hearing_type_code is null or not ' ~ code_in_seed('hearing_type_code', 'hearing_types',
                'hearing_type_code', {'source_system': 'libra'}),
                'unknown_code:hearing_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts', 'court_code',
                {'court_type': 'magistrates'}), 'unknown_code:court_code'],
        ]) }} as quarantine_reason,
        cast(null as string) as dq_flags
    from renamed
),

final as (
    select
        hearing_id,
        source_row_number,
        defendant_case_id,
        hearing_type_code,
        court_code,
        hearing_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
