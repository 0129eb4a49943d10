with

source as (
    select * from {{ source('nomis', 'offender_charges') }}
),

renamed as (
    select
        -- ids
        cast(offender_charge_id as string) as offender_charge_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'sentence_seq': 'integer',
            'sentence_length_days': 'integer',
        }) }} as raw_value_problem,
        cast(offender_book_id as string) as offender_book_id,

        -- codes
        upper(nullif(trim(offence_code), '')) as offence_code,
        upper(nullif(trim(charge_status), '')) as charge_status,
        case upper(trim(charge_status))
            when 'SENTENCED' then 'sentenced'
            when 'REMAND' then 'remand'
        end as charge_status_type,
        upper(nullif(trim(sentence_calc_type), '')) as sentence_calc_type,
        {{ decode_code('upper(trim(sentence_calc_type))',
            'sentence_calc_types', 'sentence_calc_type',
            'sentence_type') }} as sentence_type,

        -- numbers
        try_cast(sentence_seq as integer) as sentence_seq,
        try_cast(sentence_length_days as integer) as sentence_length_days,

        -- dates (typed dates in the source)
        cast(offence_date as date) as offence_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('offender_charge_id', 'offender_book_id') + [
            ['not ' ~ is_valid_date('offence_date'),
                'impossible_date:offence_date'],
            ['sentence_length_days < 0',
                'negative_length:sentence_length_days'],
            ['offence_code is not null and not ' ~ code_in_seed(
                'offence_code', 'offence_codes', 'offence_code'),
                'unknown_code:offence_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['offence_code is null', 'missing_offence_code'],
            ['charge_status_type is null', 'unknown_code:charge_status'],
            ['sentence_calc_type is not null and sentence_type is null',
                'unknown_code:sentence_calc_type'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        offender_charge_id,
        source_row_number,
        offender_book_id,
        sentence_seq,
        offence_code,
        charge_status,
        charge_status_type,
        sentence_calc_type,
        sentence_type,
        sentence_length_days,
        offence_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
