{#- Trusted P-NOMIS offences held against custody spells, each with the
    person of its booking, the custodial journey of that person running on
    the spell's start, the offence and sentence type decoded, and its rank
    for the journey's main offence (docs block prisons_main_offence_rule). -#}
with

charges as (
    select * from {{ ref('int_nomis_offender_charges_trusted') }}
),

sentences as (
    select * from {{ ref('int_nomis_offender_sentences_trusted') }}
),

bookings as (
    select * from {{ ref('int_custody_bookings_linked') }}
),

journeys as (
    select * from {{ ref('int_custody_spells_merged') }}
),

offence_codes as (
    select * from {{ ref('offence_codes') }}
),

sentence_types as (
    select * from {{ ref('prison_sentence_types') }}
),

spell_starts as (
    -- the spell a charge is held against (a duplicated sequence number
    -- takes its earliest start)
    select
        offender_book_id,
        sentence_seq,
        min(start_date) as spell_start_date
    from sentences
    group by offender_book_id, sentence_seq
),

joined as (
    select
        charges.offender_charge_id,
        charges.offender_book_id,
        charges.sentence_seq,
        bookings.offender_id,
        bookings.person_key,
        bookings.estimated_person_id,
        charges.offence_code,
        offence_codes.offence_description,
        offence_codes.offence_group,
        offence_codes.offence_class,
        offence_codes.seriousness_score,
        charges.offence_date,
        charges.charge_status_type,
        charges.sentence_calc_type,
        charges.sentence_type,
        sentence_types.is_indeterminate,
        charges.sentence_length_days,
        coalesce(spell_starts.spell_start_date, bookings.booking_begin_date)
            as spell_start_date,
        coalesce(bookings.is_person_linked, false) as is_person_linked
    from charges
    left join bookings
        on charges.offender_book_id = bookings.offender_book_id
    left join spell_starts
        on
            charges.offender_book_id = spell_starts.offender_book_id
            and charges.sentence_seq = spell_starts.sentence_seq
    left join offence_codes
        on charges.offence_code = offence_codes.offence_code
    left join sentence_types
        on charges.sentence_type = sentence_types.sentence_type
),

assigned as (
    select
        joined.*,
        journeys.journey_id
    from joined
    left join journeys
        on
            joined.person_key = journeys.person_key
            and joined.spell_start_date >= journeys.journey_start_date
            and (
                journeys.journey_end_date is null
                or joined.spell_start_date <= journeys.journey_end_date
            )
),

final as (
    select
        *,
        case
            when journey_id is not null
                then row_number() over (
                    partition by journey_id
                    order by
                        coalesce(charge_status_type = 'sentenced', false) desc,
                        coalesce(is_indeterminate, false) desc,
                        sentence_length_days desc nulls last,
                        seriousness_score desc nulls last,
                        offence_code asc nulls last,
                        offender_charge_id asc
                )
        end as main_offence_rank
    from assigned
)

select * from final
