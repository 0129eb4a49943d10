with

source as (
    select * from {{ source('delius', 'offender_address') }}
),

renamed as (
    select
        -- ids
        cast(offender_address_id as string) as offender_address_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(offender_id as string) as offender_id,

        -- address
        nullif(trim(address_number), '') as address_number,
        nullif(trim(street_name), '') as street_name,
        {{ standardise_postcode('postcode') }} as postcode,
        upper(nullif(trim(address_status), '')) as address_status,

        -- dates
        nullif(trim(start_date), '') as start_date_source,
        {{ parse_date('start_date', 'yyyy-mm-dd') }} as start_date,
        nullif(trim(end_date), '') as end_date_source,
        {{ parse_date('end_date', 'yyyy-mm-dd') }} as end_date,

        -- raw values kept for the checks below
        nullif(trim(postcode), '') as postcode_source
    from source
),

checked as (
    select
        *,
        {{ postcode_outward('postcode') }} as postcode_outward,
        coalesce(address_status = 'M', end_date_source is null)
            as is_current_address,
        {{ first_reason(key_checks('offender_address_id', 'offender_id') + [
            ['start_date is null', 'unparseable_date:start_date'],
            ['end_date_source is not null and end_date is null',
                'unparseable_date:end_date'],
            ['not ' ~ is_valid_date('start_date'),
                'impossible_date:start_date'],
            ['not ' ~ is_valid_date('end_date'), 'impossible_date:end_date'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['postcode_source is null', 'missing_postcode'],
            ['postcode_source is not null and postcode is null',
                'invalid_postcode'],
            [is_garbled('address_number'), 'garbled_text:address_number'],
            [is_garbled('street_name'), 'garbled_text:street_name'],
            ["coalesce(address_status not in ('M', 'P'), true)",
                'unknown_code:address_status'],
            ['end_date < start_date', 'end_date_before_start_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_address_id,
        source_row_number,
        offender_id,
        address_number,
        street_name,
        postcode,
        postcode_outward,
        address_status,
        is_current_address,
        start_date,
        end_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
