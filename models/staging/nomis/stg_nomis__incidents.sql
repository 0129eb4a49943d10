with

source as (
    select * from {{ source('nomis', 'incidents') }}
),

renamed as (
    select
        -- ids
        cast(incident_party_id as string) as incident_party_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(incident_case_id as string) as incident_case_id,
        cast(offender_book_id as string) as offender_book_id,

        -- codes
        nullif(trim(incident_type), '') as incident_type,
        {{ decode_code('incident_type', 'incident_types', 'incident_type_code',
            'incident_category') }} as incident_category,
        nullif(trim(agy_loc_id), '') as agy_loc_id,
        upper(nullif(trim(party_role), '')) as party_role,

        -- booleans
        case upper(trim(injury_flag))
            when 'Y' then true
            when 'N' then false
        end as has_injury,
        case upper(trim(hospital_flag))
            when 'Y' then true
            when 'N' then false
        end as has_hospital_attendance,

        -- dates (typed date in the source)
        cast(incident_date as date) as incident_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('incident_party_id', 'offender_book_id') + [
            ['incident_date is null', 'unparseable_date:incident_date'],
            ['not ' ~ is_valid_date('incident_date'),
                'impossible_date:incident_date'],
            ['not coalesce(' ~ code_in_seed('incident_type', 'incident_types',
                'incident_type_code') ~ ', false)',
                'unknown_code:incident_type'],
            ['not ' ~ code_in_seed('agy_loc_id', 'prisons', 'prison_code'),
                'unknown_code:agy_loc_id'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['agy_loc_id is null', 'missing_agy_loc_id'],
            ["party_role is null or party_role not in ('PERP', 'VICT', 'SELF')",
                'unknown_code:party_role'],
            ['has_injury is null', 'unknown_code:injury_flag'],
            ['has_hospital_attendance is null', 'unknown_code:hospital_flag'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        incident_party_id,
        source_row_number,
        incident_case_id,
        offender_book_id,
        incident_type,
        incident_category,
        agy_loc_id,
        party_role,
        has_injury,
        has_hospital_attendance,
        incident_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
