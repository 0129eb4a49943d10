{#- OASys went live in 2001-02: an earlier date is impossible (the window
    starts at var oasys_earliest_date; see stg_oasys__oasys_set for why the
    warehouse-wide window is not enough). -#}

with

source as (
    select * from {{ source('oasys', 'isp') }}
),

renamed as (
    select
        -- ids
        cast(isp_pk as string) as isp_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'objectives_count': 'integer',
        }) }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- numbers
        try_cast(objectives_count as integer) as objectives_count,

        -- booleans
        upper(nullif(trim(offender_attended), ''))
            as offender_attended_source,
        case upper(trim(offender_attended))
            when 'Y' then true
            when 'N' then false
        end as has_offender_attended,

        -- dates: Oracle 'dd-MON-yy' text
        nullif(trim(meeting_date), '') as meeting_date_source,
        {{ parse_date('meeting_date', 'dd-MON-yy') }} as meeting_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('isp_pk', 'oasys_set_pk') + [
            ['meeting_date is null', 'unparseable_date:meeting_date'],
            ['not ' ~ is_valid_date('meeting_date', 'oasys_earliest_date'),
                'impossible_date:meeting_date'],
            ['objectives_count < 0', 'negative_length:objectives_count'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['offender_attended_source is not null'
                ~ ' and has_offender_attended is null',
                'unknown_code:offender_attended'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        isp_pk,
        source_row_number,
        oasys_set_pk,
        objectives_count,
        has_offender_attended,
        meeting_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
