with

source as (
    select * from {{ source('xhibit', 'warrants') }}
),

renamed as (
    select
        -- ids
        cast(warrant_id as string) as warrant_id,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(defendant_on_case_id as string) as defendant_on_case_id,

        -- codes
        upper(nullif(trim(warrant_type_code), '')) as warrant_type_code,
        {{ decode_code('upper(trim(warrant_type_code))', 'crown_warrant_types',
            'warrant_type_code', 'warrant_type') }} as warrant_type,

        -- dates (typed timestamps in the source)
        cast(issued_date as date) as issued_date,
        cast(executed_date as date) as executed_date,
        cast(withdrawn_date as date) as withdrawn_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('warrant_id', 'defendant_on_case_id') + [
            ['issued_date is null', 'unparseable_date:issued_date'],
            ['not ' ~ is_valid_date('issued_date'),
                'impossible_date:issued_date'],
            ['not ' ~ is_valid_date('executed_date')
                ~ ' or executed_date < issued_date',
                'impossible_date:executed_date'],
            ['not ' ~ is_valid_date('withdrawn_date')
                ~ ' or withdrawn_date < issued_date',
                'impossible_date:withdrawn_date'],
            ['warrant_type_code is null or not ' ~ code_in_seed(
                'warrant_type_code', 'crown_warrant_types',
                'warrant_type_code'), 'unknown_code:warrant_type_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['executed_date is null and withdrawn_date is null',
                'no_recorded_outcome'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        warrant_id,
        source_row_number,
        defendant_on_case_id,
        warrant_type_code,
        warrant_type,
        issued_date,
        executed_date,
        withdrawn_date,
        case
            when executed_date is not null then 'executed'
            when withdrawn_date is not null then 'withdrawn'
            else 'no_recorded_outcome'
        end as warrant_outcome,
        coalesce(executed_date, withdrawn_date) as warrant_outcome_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
