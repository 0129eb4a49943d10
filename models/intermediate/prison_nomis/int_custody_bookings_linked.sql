{#- Each trusted P-NOMIS booking with the person it belongs to: the linkage's
    per-dataset person id of the booking's offender record. A booking whose
    offender record was quarantined (so never linked) keeps its own record id
    as person key and is flagged as not linked. -#}
with

bookings as (
    select * from {{ ref('int_nomis_offender_bookings_trusted') }}
),

clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'prison_nomis'
),

linked as (
    select
        bookings.offender_book_id,
        bookings.offender_id,
        clusters.estimated_person_id,
        coalesce(
            clusters.estimated_person_id,
            {{ record_id('prison_nomis', 'bookings.offender_id') }}
        ) as person_key,
        clusters.record_id is not null as is_person_linked,
        bookings.agy_loc_id as booking_prison_code,
        bookings.booking_begin_date,
        bookings.booking_end_date
    from bookings
    left join clusters
        on
            {{ record_id('prison_nomis', 'bookings.offender_id') }}
            = clusters.record_id
),

final as (
    select
        offender_book_id,
        offender_id,
        person_key,
        estimated_person_id,
        is_person_linked,
        booking_prison_code,
        booking_begin_date,
        booking_end_date
    from linked
)

select * from final
