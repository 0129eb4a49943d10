{#- Movement reason codes are listed per movement type in seed
    movement_reasons (composite key), so a reason is checked against the
    reasons of the row's own movement type. -#}
{%- set reason_checks = ['false'] -%}
{%- for row in seed_rows('movement_types', ['movement_type']) -%}
    {%- do reason_checks.append(
        "(movement_type = '" ~ row[0] ~ "' and "
        ~ code_in_seed('movement_reason_code', 'movement_reasons',
            'movement_reason_code', {'movement_type': row[0]}) ~ ')'
    ) -%}
{%- endfor -%}

with

source as (
    select * from {{ source('nomis', 'external_movements') }}
),

renamed as (
    select
        -- ids
        cast(movement_id as string) as movement_id,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'movement_seq': 'integer',
        }) }} as raw_value_problem,
        cast(offender_book_id as string) as offender_book_id,

        -- codes
        nullif(trim(movement_type), '') as movement_type,
        nullif(trim(movement_reason_code), '') as movement_reason_code,
        case
            when trim(movement_type) = 'ADM'
                then {{ decode_code('movement_reason_code', 'movement_reasons',
                    'movement_reason_code', 'spell_type',
                    {'movement_type': 'ADM'}) }}
        end as spell_type,
        case
            when trim(movement_type) = 'REL'
                then {{ decode_code('movement_reason_code', 'movement_reasons',
                    'movement_reason_code', 'release_type',
                    {'movement_type': 'REL'}) }}
        end as release_type,
        upper(nullif(trim(direction_code), '')) as direction_code,
        nullif(trim(from_agy_loc_id), '') as from_agy_loc_id,
        nullif(trim(to_agy_loc_id), '') as to_agy_loc_id,

        -- numbers
        try_cast(movement_seq as integer) as movement_seq,

        -- dates (typed date in the source; time held as HH:MM text)
        cast(movement_date as date) as movement_date,
        nullif(trim(movement_time), '') as movement_time
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('movement_id', 'offender_book_id') + [
            ['movement_date is null', 'unparseable_date:movement_date'],
            ['not ' ~ is_valid_date('movement_date'),
                'impossible_date:movement_date'],
            ['not coalesce(' ~ code_in_seed('movement_type', 'movement_types',
                'movement_type') ~ ', false)', 'unknown_code:movement_type'],
            ['not coalesce(' ~ reason_checks | join(' or ') ~ ', false)',
                'unknown_code:movement_reason_code'],
            ['not ' ~ code_in_seed('from_agy_loc_id', 'prisons',
                'prison_code'), 'unknown_code:from_agy_loc_id'],
            ['not ' ~ code_in_seed('to_agy_loc_id', 'prisons', 'prison_code'),
                'unknown_code:to_agy_loc_id'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ["direction_code is null or direction_code not in ('IN', 'OUT')",
                'unknown_code:direction_code'],
            ["to_agy_loc_id is null and movement_type in ('ADM', 'TRN')",
                'missing_to_agy_loc_id'],
            ["from_agy_loc_id is null and movement_type in ('REL', 'TRN')",
                'missing_from_agy_loc_id'],
            ['movement_time is null or not ' ~ regexp_like('movement_time',
                '^([01][0-9]|2[0-3]):[0-5][0-9]$'), 'invalid_movement_time'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        movement_id,
        source_row_number,
        offender_book_id,
        movement_seq,
        movement_type,
        movement_reason_code,
        spell_type,
        release_type,
        direction_code,
        from_agy_loc_id,
        to_agy_loc_id,
        movement_date,
        movement_time,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
