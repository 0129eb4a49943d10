with

source as (
    select * from {{ source('nomis', 'offender_bookings') }}
),

renamed as (
    select
        -- ids
        cast(offender_book_id as string) as offender_book_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(offender_id as string) as offender_id,
        nullif(trim(booking_no), '') as booking_no,

        -- codes
        nullif(trim(agy_loc_id), '') as agy_loc_id,

        -- booleans
        case upper(trim(active_flag))
            when 'Y' then true
            when 'N' then false
        end as is_active,

        -- dates (typed dates in the source)
        cast(booking_begin_date as date) as booking_begin_date,
        cast(booking_end_date as date) as booking_end_date,

        -- raw values kept for the checks below
        nullif(trim(active_flag), '') as active_flag_source
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('offender_book_id', 'offender_id') + [
            ['booking_begin_date is null',
                'unparseable_date:booking_begin_date'],
            ['not ' ~ is_valid_date('booking_begin_date'),
                'impossible_date:booking_begin_date'],
            ['not ' ~ is_valid_date('booking_end_date')
                ~ ' or booking_end_date < booking_begin_date',
                'impossible_date:booking_end_date'],
            ['not coalesce(' ~ code_in_seed('agy_loc_id', 'prisons',
                'prison_code') ~ ', false)', 'unknown_code:agy_loc_id'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['is_active is null', 'unknown_code:active_flag'],
            ['booking_end_date is null and not is_active',
                'missing_booking_end_date'],
            ['booking_end_date is not null and is_active',
                'active_booking_with_end_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_book_id,
        source_row_number,
        offender_id,
        booking_no,
        agy_loc_id,
        is_active,
        booking_begin_date,
        booking_end_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
