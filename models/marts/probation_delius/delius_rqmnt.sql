with

requirements as (
    select
        *,
        {{ pseudonymise('event_id', 'delius.event_id') }} as event_id_hash
    from {{ ref('int_delius_rqmnt_trusted') }}
),

events as (
    select
        event_id_hash,
        estimated_offender_id,
        row_id_hash
    from {{ ref('delius_flatfile') }}
),

requirement_types as (
    select
        requirement_code,
        requirement_description
    from {{ ref('requirement_types') }}
),

final as (
    select
        {{ pseudonymise('requirements.rqmnt_id', 'delius.rqmnt_id') }}
            as rqmnt_id_hash,
        events.event_id_hash,
        events.estimated_offender_id,
        events.row_id_hash,
        'probation_delius' as source_dataset,
        requirements.requirement_code,
        requirement_types.requirement_description,
        requirements.requirement_category,
        requirements.length as requirement_length,
        requirements.length_unit as requirement_length_unit,
        requirements.start_date,
        {{ delius_termination_columns(
            'requirement', 'requirements', 'requirements.start_date'
        ) }}
    from requirements
    inner join events
        on requirements.event_id_hash = events.event_id_hash
    left join requirement_types
        on requirements.requirement_code = requirement_types.requirement_code
)

select * from final
