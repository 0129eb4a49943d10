with

source as (
    select * from {{ source('nomis', 'offender_sentences') }}
),

renamed as (
    select
        -- ids
        cast(sentence_id as string) as sentence_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'sentence_seq': 'integer',
            'sentence_length_days': 'integer',
        }) }} as raw_value_problem,
        cast(offender_book_id as string) as offender_book_id,

        -- codes
        upper(nullif(trim(imprisonment_status), '')) as imprisonment_status,
        case upper(trim(imprisonment_status))
            when 'REMAND' then 'remand'
            when 'SENTENCED' then 'sentenced'
            when 'RECALL' then 'recall'
        end as spell_type,

        -- numbers
        try_cast(sentence_seq as integer) as sentence_seq,
        try_cast(sentence_length_days as integer) as sentence_length_days,

        -- dates (typed dates in the source)
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('sentence_id', 'offender_book_id') + [
            ['start_date is null', 'unparseable_date:start_date'],
            ['not ' ~ is_valid_date('start_date'),
                'impossible_date:start_date'],
            ['not ' ~ is_valid_date('end_date') ~ ' or end_date < start_date',
                'impossible_date:end_date'],
            ['sentence_length_days < 0',
                'negative_length:sentence_length_days'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['spell_type is null', 'unknown_code:imprisonment_status'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        sentence_id,
        source_row_number,
        offender_book_id,
        sentence_seq,
        imprisonment_status,
        spell_type,
        sentence_length_days,
        start_date,
        end_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
