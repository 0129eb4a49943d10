with

source as (
    select * from {{ source('familyman', 'divorce') }}
),

renamed as (
    select
        -- ids
        cast(divorce_id as string) as divorce_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(case_number as string) as case_number,

        -- codes
        nullif(trim(fact_code), '') as fact_code,
        {{ decode_code('fact_code', 'divorce_facts', 'fact_code',
            'fact_description') }} as fact_description,

        -- booleans
        case upper(trim(is_joint_application))
            when 'Y' then true
            when 'N' then false
        end as is_joint_application,

        -- dates
        nullif(trim(marriage_date), '') as marriage_date_source,
        {{ parse_date('marriage_date', 'yyyymmdd') }} as marriage_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('divorce_id', 'case_number') + [
            ['marriage_date_source is not null and marriage_date is null',
                'unparseable_date:marriage_date'],
            ['not ' ~ is_valid_date('marriage_date'),
                'impossible_date:marriage_date'],
            ['fact_code is not null and not ' ~ code_in_seed('fact_code',
                'divorce_facts', 'fact_code'), 'unknown_code:fact_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['marriage_date is null', 'missing_marriage_date'],
            ['is_joint_application is null',
                'unknown_code:is_joint_application'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        divorce_id,
        source_row_number,
        case_number,
        fact_code,
        fact_description,
        is_joint_application,
        marriage_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
