{#- Trusted assault and self-harm incidents (seed incident_types,
    incident_category), each with the person of its booking and the custodial
    journey of that person running on the incident date. -#}
with

incidents as (
    select * from {{ ref('int_nomis_incidents_trusted') }}
    where
        incident_category in ('assault', 'self_harm')
),

bookings as (
    select * from {{ ref('int_custody_bookings_linked') }}
),

journeys as (
    select * from {{ ref('int_custody_spells_merged') }}
),

final as (
    select
        incidents.incident_party_id,
        incidents.incident_case_id,
        incidents.offender_book_id,
        bookings.offender_id,
        bookings.person_key,
        bookings.estimated_person_id,
        journeys.journey_id,
        incidents.incident_type,
        incidents.incident_category,
        incidents.agy_loc_id,
        incidents.party_role,
        incidents.has_injury,
        incidents.has_hospital_attendance,
        incidents.incident_date,
        coalesce(bookings.is_person_linked, false) as is_person_linked
    from incidents
    left join bookings
        on incidents.offender_book_id = bookings.offender_book_id
    left join journeys
        on
            bookings.person_key = journeys.person_key
            and incidents.incident_date >= journeys.journey_start_date
            and (
                journeys.journey_end_date is null
                or incidents.incident_date <= journeys.journey_end_date
            )
)

select * from final
