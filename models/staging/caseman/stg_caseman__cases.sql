with

source as (
    select * from {{ source('caseman', 'cases') }}
),

renamed as (
    select
        -- ids
        cast(case_number as string) as case_number,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,

        -- codes
        nullif(trim(court_code), '') as court_code,
        nullif(trim(case_type_code), '') as case_type_code,
        {{ decode_code('case_type_code', 'civil_case_types', 'case_type_code',
            'claim_category', {'source_system': 'caseman'}) }}
            as claim_category,
        nullif(trim(track_code), '') as track_code,
        case trim(track_code)
            when 'SC' then 'small_claims'
            when 'FT' then 'fast_track'
            when 'MT' then 'multi_track'
        end as track,
        upper(nullif(trim(received_from), '')) as received_from,
        coalesce(
            upper(nullif(trim(received_from), '')) = 'PCOL', false
        ) as is_received_from_pcol,
        upper(replace(nullif(trim(pcol_claim_number), ''), ' ', ''))
            as pcol_claim_number,

        -- numbers
        cast(amount_claimed as decimal(12, 2)) as amount_claimed,
        cast(court_fee as decimal(12, 2)) as court_fee,

        -- dates
        nullif(trim(issue_date), '') as issue_date_source,
        {{ parse_date('issue_date', 'dd/mm/yyyy') }} as issue_date
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('case_number') + [
            ['issue_date is null', 'unparseable_date:issue_date'],
            ['not ' ~ is_valid_date('issue_date'), 'impossible_date:issue_date'],
            ['amount_claimed < 0', 'negative_length:amount_claimed'],
            ['court_fee < 0', 'negative_length:court_fee'],
            ['case_type_code is null or not ' ~ code_in_seed('case_type_code',
                'civil_case_types', 'case_type_code',
                {'source_system': 'caseman'}), 'unknown_code:case_type_code'],
            ['court_code is null or not ' ~ code_in_seed('court_code', 'courts',
                'court_code', {'court_type': 'county'}),
                'unknown_code:court_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['track_code is not null and track is null',
                'unknown_code:track_code'],
            ["received_from is not null and received_from <> 'PCOL'",
                'unknown_code:received_from'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        case_number,
        source_row_number,
        court_code,
        case_type_code,
        claim_category,
        track_code,
        track,
        received_from,
        is_received_from_pcol,
        pcol_claim_number,
        amount_claimed,
        court_fee,
        issue_date,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
