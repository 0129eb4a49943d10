with

movements as (
    select * from {{ ref('int_nomis_external_movements_trusted') }}
),

bookings as (
    select * from {{ ref('int_custody_bookings_linked') }}
),

journeys as (
    select * from {{ ref('int_custody_spells_merged') }}
),

movement_types as (
    select * from {{ ref('movement_types') }}
),

movement_reasons as (
    select * from {{ ref('movement_reasons') }}
),

prisons as (
    select * from {{ ref('prisons') }}
),

final as (
    select
        {{ pseudonymise('movements.movement_id', 'nomis.movement_id') }}
            as movement_id_hash,
        {{ pseudonymise('journeys.journey_id', 'nomis.custodial_journey_id') }}
            as journey_id_hash,
        {{ pseudonymise('bookings.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        case
            when bookings.is_person_linked
                then {{ row_id_hash('prison_nomis', 'bookings.offender_id') }}
        end as row_id_hash,
        'prison_nomis' as source_dataset,
        movements.movement_date,
        movements.movement_type,
        movement_types.movement_type_description,
        movements.movement_reason_code,
        movement_reasons.movement_reason_description,
        movements.spell_type,
        movements.release_type,
        movements.direction_code,
        movements.from_agy_loc_id as from_prison_code,
        from_prisons.prison_name as from_prison_name,
        from_prisons.prison_category as from_prison_category,
        movements.to_agy_loc_id as to_prison_code,
        to_prisons.prison_name as to_prison_name,
        to_prisons.prison_category as to_prison_category
    from movements
    left join bookings
        on movements.offender_book_id = bookings.offender_book_id
    left join journeys
        on
            bookings.person_key = journeys.person_key
            and movements.movement_date >= journeys.journey_start_date
            and (
                journeys.journey_end_date is null
                or movements.movement_date <= journeys.journey_end_date
            )
    left join movement_types
        on movements.movement_type = movement_types.movement_type
    left join movement_reasons
        on
            movements.movement_type = movement_reasons.movement_type
            and movements.movement_reason_code
            = movement_reasons.movement_reason_code
    left join prisons as from_prisons
        on movements.from_agy_loc_id = from_prisons.prison_code
    left join prisons as to_prisons
        on movements.to_agy_loc_id = to_prisons.prison_code
)

select * from final
