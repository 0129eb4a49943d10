with

source as (
    select * from {{ source('pcol', 'hearings') }}
),

renamed as (
    select
        -- ids
        cast(hearing_id as string) as hearing_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(claim_number as string) as claim_number,

        -- codes
        nullif(trim(hearing_type_code), '') as hearing_type_code,
        {{ decode_code('hearing_type_code', 'hearing_types',
            'hearing_type_code', 'hearing_type_description',
            {'source_system': 'pcol'}) }} as hearing_type_description,
        nullif(trim(court_code), '') as court_code,

        -- text
        nullif(trim(outcome), '') as hearing_outcome,

        -- numbers
        cast(duration_minutes as integer) as duration_minutes,

        -- dates (typed in the extract)
        cast(hearing_date as date) as hearing_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('hearing_id', 'claim_number') + [
            ['hearing_date is null', 'unparseable_date:hearing_date'],
            ['not ' ~ is_valid_date('hearing_date'),
                'impossible_date:hearing_date'],
            ['duration_minutes < 0', 'negative_length:duration_minutes'],
            ['hearing_type_code is null or not ' ~ code_in_seed(
                'hearing_type_code', 'hearing_types', 'hearing_type_code',
                {'source_system': 'pcol'}), 'unknown_code:hearing_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'county'}),
                'unknown_code:court_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            [is_garbled('hearing_outcome'), 'garbled_text:outcome'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        hearing_id,
        source_row_number,
        claim_number,
        hearing_type_code,
        hearing_type_description,
        court_code,
        duration_minutes,
        hearing_outcome,
        hearing_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
