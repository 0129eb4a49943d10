with

pss_requirements as (
    select
        *,
        {{ pseudonymise('event_id', 'delius.event_id') }} as event_id_hash
    from {{ ref('int_delius_pss_rqmnt_trusted') }}
),

events as (
    select
        event_id_hash,
        estimated_offender_id,
        row_id_hash
    from {{ ref('delius_flatfile') }}
),

pss_requirement_types as (
    select
        pss_requirement_code,
        pss_requirement_description
    from {{ ref('pss_requirement_types') }}
),

final as (
    select
        {{ pseudonymise(
            'pss_requirements.pss_rqmnt_id', 'delius.pss_rqmnt_id'
        ) }} as pss_rqmnt_id_hash,
        events.event_id_hash,
        events.estimated_offender_id,
        events.row_id_hash,
        'probation_delius' as source_dataset,
        pss_requirements.pss_requirement_code,
        pss_requirement_types.pss_requirement_description,
        pss_requirements.start_date,
        {{ delius_termination_columns(
            'pss', 'pss_requirements', 'pss_requirements.start_date'
        ) }}
    from pss_requirements
    inner join events
        on pss_requirements.event_id_hash = events.event_id_hash
    left join pss_requirement_types
        on
            pss_requirements.pss_requirement_code
            = pss_requirement_types.pss_requirement_code
)

select * from final
