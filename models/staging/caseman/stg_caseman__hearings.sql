with

source as (
    select * from {{ source('caseman', 'hearings') }}
),

renamed as (
    select
        -- ids
        cast(hearing_id as string) as hearing_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,

        -- codes
        nullif(trim(hearing_type_code), '') as hearing_type_code,
        {{ decode_code('hearing_type_code', 'hearing_types',
            'hearing_type_code', 'hearing_type_description',
            {'source_system': 'caseman'}) }} as hearing_type_description,
        nullif(trim(court_code), '') as court_code,

        -- text
        nullif(trim(hearing_outcome), '') as hearing_outcome,

        -- numbers
        cast(time_allowed_minutes as integer) as time_allowed_minutes,

        -- dates
        nullif(trim(hearing_date), '') as hearing_date_source,
        {{ parse_date('hearing_date', 'dd/mm/yyyy') }} as hearing_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('hearing_id', 'case_number') + [
            ['hearing_date is null', 'unparseable_date:hearing_date'],
            ['not ' ~ is_valid_date('hearing_date'),
                'impossible_date:hearing_date'],
            ['time_allowed_minutes < 0',
                'negative_length:time_allowed_minutes'],
            ['hearing_type_code is null or not ' ~ code_in_seed(
                'hearing_type_code', 'hearing_types', 'hearing_type_code',
                {'source_system': 'caseman'}),
                'unknown_code:hearing_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'county'}),
                'unknown_code:court_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            [is_garbled('hearing_outcome'), 'garbled_text:hearing_outcome'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        hearing_id,
        source_row_number,
        case_number,
        hearing_type_code,
        hearing_type_description,
        court_code,
        time_allowed_minutes,
        hearing_outcome,
        hearing_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
