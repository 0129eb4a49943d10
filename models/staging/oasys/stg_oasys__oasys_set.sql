{#- OASys went live in 2001-02: an earlier date is impossible. Two-digit
    years parse as 1969-1999 or 2000-2068, so the warehouse-wide window cannot
    catch a mistyped year such as 2091 ('91' reads as 1991): the window
    starts at var oasys_earliest_date. -#}

with

source as (
    select * from {{ source('oasys', 'oasys_set') }}
),

renamed as (
    select
        -- ids
        cast(oasys_set_pk as string) as oasys_set_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(offender_pk as string) as offender_pk,
        cast(parent_oasys_set_pk as string) as parent_oasys_set_pk,

        -- codes
        nullif(trim(assessment_type_code), '') as assessment_type_code,
        {{ decode_code('assessment_type_code', 'oasys_assessment_types',
            'assessment_type_code', 'assessment_class') }}
            as assessment_class,
        upper(nullif(trim(assessment_status), '')) as assessment_status,
        upper(nullif(trim(setting), '')) as setting,

        -- dates: Oracle 'dd-MON-yy' text
        nullif(trim(initiation_date), '') as initiation_date_source,
        {{ parse_date('initiation_date', 'dd-MON-yy') }} as initiation_date,
        nullif(trim(date_completed), '') as date_completed_source,
        {{ parse_date('date_completed', 'dd-MON-yy') }} as date_completed
    from source
),

checked as (
    select
        *,
        assessment_class in (
            'layer_1', 'layer_2', 'layer_3', 'oasys_1', 'oasys_2'
        ) as is_main_assessment,
        {{ first_reason(key_checks('oasys_set_pk', 'offender_pk') + [
            ['initiation_date is null', 'unparseable_date:initiation_date'],
            ['date_completed_source is not null and date_completed is null',
                'unparseable_date:date_completed'],
            ['not ' ~ is_valid_date('initiation_date', 'oasys_earliest_date'),
                'impossible_date:initiation_date'],
            ['not ' ~ is_valid_date('date_completed', 'oasys_earliest_date'),
                'impossible_date:date_completed'],
            ['assessment_type_code is null or not ' ~ code_in_seed(
                'assessment_type_code', 'oasys_assessment_types',
                'assessment_type_code'), 'unknown_code:assessment_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["assessment_class not in ('layer_1', 'layer_2', 'layer_3',"
                ~ " 'oasys_1', 'oasys_2') and parent_oasys_set_pk is null",
                'sub_assessment_without_parent'],
            ["coalesce(assessment_status not in"
                ~ " ('COMPLETE', 'SIGNED', 'LOCKED_INCOMPLETE'), true)",
                'unknown_code:assessment_status'],
            ["coalesce(setting not in ('PRISON', 'COMMUNITY'), true)",
                'unknown_code:setting'],
            ["date_completed_source is null"
                ~ " and assessment_status <> 'LOCKED_INCOMPLETE'",
                'missing_date_completed'],
            ['date_completed < initiation_date',
                'date_completed_before_initiation_date'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        oasys_set_pk,
        source_row_number,
        offender_pk,
        parent_oasys_set_pk,
        assessment_type_code,
        assessment_class,
        is_main_assessment,
        assessment_status,
        setting,
        initiation_date,
        date_completed,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
