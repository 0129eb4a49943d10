with

licence_conditions as (
    select
        *,
        {{ pseudonymise('event_id', 'delius.event_id') }} as event_id_hash
    from {{ ref('int_delius_lic_condition_trusted') }}
),

events as (
    select
        event_id_hash,
        estimated_offender_id,
        row_id_hash
    from {{ ref('delius_flatfile') }}
),

condition_types as (
    select
        licence_condition_code,
        licence_condition_description
    from {{ ref('licence_conditions') }}
),

final as (
    select
        {{ pseudonymise(
            'licence_conditions.lic_condition_id', 'delius.lic_condition_id'
        ) }} as lic_condition_id_hash,
        events.event_id_hash,
        events.estimated_offender_id,
        events.row_id_hash,
        'probation_delius' as source_dataset,
        licence_conditions.licence_condition_code,
        condition_types.licence_condition_description,
        licence_conditions.licence_condition_category,
        licence_conditions.start_date,
        {{ delius_termination_columns(
            'licence_condition', 'licence_conditions',
            'licence_conditions.start_date'
        ) }}
    from licence_conditions
    inner join events
        on licence_conditions.event_id_hash = events.event_id_hash
    left join condition_types
        on
            licence_conditions.licence_condition_code
            = condition_types.licence_condition_code
)

select * from final
