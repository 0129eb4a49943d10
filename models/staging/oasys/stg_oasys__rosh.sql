with

source as (
    select * from {{ source('oasys', 'rosh') }}
),

renamed as (
    select
        -- ids
        cast(rosh_pk as string) as rosh_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- codes: risk levels on the rosh_levels list (risk to prisoners is
        -- assessed in custody only)
        nullif(trim(risk_to_children), '') as risk_to_children,
        {{ decode_code('risk_to_children', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as risk_to_children_level,
        nullif(trim(risk_to_public), '') as risk_to_public,
        {{ decode_code('risk_to_public', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as risk_to_public_level,
        nullif(trim(risk_to_known_adult), '') as risk_to_known_adult,
        {{ decode_code('risk_to_known_adult', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as risk_to_known_adult_level,
        nullif(trim(risk_to_staff), '') as risk_to_staff,
        {{ decode_code('risk_to_staff', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as risk_to_staff_level,
        nullif(trim(risk_to_prisoners), '') as risk_to_prisoners,
        {{ decode_code('risk_to_prisoners', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as risk_to_prisoners_level
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('rosh_pk', 'oasys_set_pk') + [
            ['risk_to_children is null or not ' ~ code_in_seed(
                'risk_to_children', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:risk_to_children'],
            ['risk_to_public is null or not ' ~ code_in_seed(
                'risk_to_public', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:risk_to_public'],
            ['risk_to_known_adult is null or not ' ~ code_in_seed(
                'risk_to_known_adult', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:risk_to_known_adult'],
            ['risk_to_staff is null or not ' ~ code_in_seed(
                'risk_to_staff', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:risk_to_staff'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['risk_to_prisoners is not null and not ' ~ code_in_seed(
                'risk_to_prisoners', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:risk_to_prisoners'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        rosh_pk,
        source_row_number,
        oasys_set_pk,
        risk_to_children,
        risk_to_children_level,
        risk_to_public,
        risk_to_public_level,
        risk_to_known_adult,
        risk_to_known_adult_level,
        risk_to_staff,
        risk_to_staff_level,
        risk_to_prisoners,
        risk_to_prisoners_level,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
