{#- OASys went live in 2001-02: an earlier date is impossible (the window
    starts at var oasys_earliest_date; see stg_oasys__oasys_set for why the
    warehouse-wide window is not enough). -#}

with

source as (
    select * from {{ source('oasys', 'rmp') }}
),

renamed as (
    select
        -- ids
        cast(rmp_pk as string) as rmp_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'mappa_level': 'integer',
        }) }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- numbers
        try_cast(mappa_level as integer) as mappa_level,

        -- dates: Oracle 'dd-MON-yy' text
        nullif(trim(plan_date), '') as plan_date_source,
        {{ parse_date('plan_date', 'dd-MON-yy') }} as plan_date,
        nullif(trim(review_date), '') as review_date_source,
        {{ parse_date('review_date', 'dd-MON-yy') }} as review_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('rmp_pk', 'oasys_set_pk') + [
            ['plan_date is null', 'unparseable_date:plan_date'],
            ['review_date is null', 'unparseable_date:review_date'],
            ['not ' ~ is_valid_date('plan_date', 'oasys_earliest_date'),
                'impossible_date:plan_date'],
            ['not ' ~ is_valid_date('review_date', 'oasys_earliest_date'),
                'impossible_date:review_date'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['mappa_level not between 1 and 3', 'unknown_code:mappa_level'],
            ['review_date < plan_date', 'review_date_before_plan_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        rmp_pk,
        source_row_number,
        oasys_set_pk,
        mappa_level,
        plan_date,
        review_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
