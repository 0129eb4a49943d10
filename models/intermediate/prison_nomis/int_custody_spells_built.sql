{#- Custody spells: on each booking, an admission (ADM) opens a spell and the
    next release (REL) closes it; transfers (TRN) and any other movement stay
    inside the spell. See docs block prisons_custody_spell_rule. -#}
with

bookings as (
    select * from {{ ref('int_custody_bookings_linked') }}
),

movements as (
    select * from {{ ref('int_nomis_external_movements_trusted') }}
),

sentences as (
    select * from {{ ref('int_nomis_offender_sentences_trusted') }}
),

ordered_movements as (
    select
        movements.offender_book_id,
        movements.movement_id,
        movements.movement_type,
        movements.movement_reason_code,
        movements.spell_type,
        movements.release_type,
        movements.from_agy_loc_id,
        movements.to_agy_loc_id,
        movements.movement_date,
        row_number() over (
            partition by movements.offender_book_id
            order by
                movements.movement_date,
                movements.movement_seq,
                movements.movement_id
        ) as movement_order
    from movements
    inner join bookings
        on movements.offender_book_id = bookings.offender_book_id
),

numbered_movements as (
    -- spell_seq counts the admissions up to the movement: 0 for movements
    -- before the first trusted admission of the booking
    select
        *,
        sum(case when movement_type = 'ADM' then 1 else 0 end) over (
            partition by offender_book_id
            order by movement_order
            rows between unbounded preceding and current row
        ) as spell_seq
    from ordered_movements
),

spell_movements as (
    select
        offender_book_id,
        spell_seq,
        min(movement_date) as first_movement_date,
        min(movement_date) filter (
            where movement_type = 'ADM'
        ) as admission_date,
        min_by(movement_reason_code, movement_order) filter (
            where movement_type = 'ADM'
        ) as admission_reason_code,
        min_by(spell_type, movement_order) filter (
            where movement_type = 'ADM'
        ) as admission_spell_type,
        min_by(to_agy_loc_id, movement_order) filter (
            where movement_type = 'ADM'
        ) as admission_prison_code,
        min(movement_date) filter (
            where movement_type = 'REL'
        ) as release_date,
        min_by(movement_reason_code, movement_order) filter (
            where movement_type = 'REL'
        ) as release_reason_code,
        min_by(release_type, movement_order) filter (
            where movement_type = 'REL'
        ) as release_type,
        min_by(from_agy_loc_id, movement_order) filter (
            where movement_type = 'REL'
        ) as release_from_prison_code,
        max_by(to_agy_loc_id, movement_order) filter (
            where movement_type = 'TRN' and to_agy_loc_id is not null
        ) as last_transfer_prison_code,
        cast(count(*) filter (
            where movement_type = 'TRN'
        ) as integer) as transfer_count
    from numbered_movements
    group by offender_book_id, spell_seq
),

first_statuses as (
    -- the booking's first custody status, typing a spell whose admission is
    -- missing
    select
        offender_book_id,
        spell_type as first_status_spell_type
    from sentences
    qualify row_number() over (
        partition by offender_book_id
        order by start_date, sentence_seq, sentence_id
    ) = 1
),

booking_spells as (
    -- a booking without any trusted movement is one spell of its own dates
    select
        bookings.offender_book_id,
        bookings.offender_id,
        bookings.person_key,
        bookings.estimated_person_id,
        bookings.is_person_linked,
        bookings.booking_prison_code,
        bookings.booking_begin_date,
        bookings.booking_end_date,
        spell_movements.first_movement_date,
        spell_movements.admission_date,
        spell_movements.admission_reason_code,
        spell_movements.admission_spell_type,
        spell_movements.admission_prison_code,
        spell_movements.release_date,
        spell_movements.release_reason_code,
        spell_movements.release_type,
        spell_movements.release_from_prison_code,
        spell_movements.last_transfer_prison_code,
        first_statuses.first_status_spell_type,
        coalesce(spell_movements.spell_seq, 0) as spell_seq,
        coalesce(spell_movements.transfer_count, 0) as transfer_count
    from bookings
    left join spell_movements
        on bookings.offender_book_id = spell_movements.offender_book_id
    left join first_statuses
        on bookings.offender_book_id = first_statuses.offender_book_id
),

dated_spells as (
    select
        *,
        coalesce(
            admission_date,
            least(booking_begin_date, first_movement_date),
            booking_begin_date
        ) as spell_start_date
    from booking_spells
),

bounded_spells as (
    select
        *,
        lead(spell_start_date) over (
            partition by offender_book_id
            order by spell_seq
        ) as next_admission_date
    from dated_spells
),

ended_spells as (
    select
        *,
        case
            when release_date is not null then release_date
            when next_admission_date is not null then next_admission_date
            when booking_end_date >= spell_start_date then booking_end_date
        end as spell_end_date,
        case
            when release_date is not null then 'release'
            when next_admission_date is not null then 'next_admission'
            when booking_end_date >= spell_start_date then 'booking_end'
        end as spell_end_source
    from bounded_spells
),

spells as (
    select
        offender_book_id || '-' || cast(spell_seq as string) as spell_id,
        offender_book_id,
        spell_seq,
        offender_id,
        person_key,
        estimated_person_id,
        is_person_linked,
        spell_start_date,
        spell_end_date,
        spell_end_source,
        admission_reason_code,
        transfer_count,
        release_reason_code,
        release_type,
        case
            when admission_date is not null then 'admission'
            else 'booking_begin'
        end as spell_start_source,
        coalesce(admission_spell_type, first_status_spell_type) as spell_type,
        coalesce(admission_prison_code, booking_prison_code)
            as reception_prison_code,
        case
            when spell_end_date is not null
                then coalesce(
                    release_from_prison_code,
                    last_transfer_prison_code,
                    admission_prison_code,
                    booking_prison_code
                )
        end as release_prison_code
    from ended_spells
),

spell_statuses as (
    -- each custody status belongs to the latest spell of its booking that
    -- had started by the status's start date and was still running then
    select
        spells.spell_id,
        sentences.sentence_id,
        sentences.spell_type,
        sentences.sentence_length_days
    from sentences
    inner join spells
        on
            sentences.offender_book_id = spells.offender_book_id
            and sentences.start_date >= spells.spell_start_date
            and (
                spells.spell_end_date is null
                or sentences.start_date <= spells.spell_end_date
            )
    qualify row_number() over (
        partition by sentences.sentence_id
        order by spells.spell_start_date desc, spells.spell_seq desc
    ) = 1
),

statuses_per_spell as (
    select
        spell_id,
        bool_or(spell_type = 'remand') as has_remand_status,
        bool_or(spell_type = 'sentenced') as has_sentenced_status,
        bool_or(spell_type = 'recall') as has_recall_status,
        max(sentence_length_days) filter (
            where spell_type = 'sentenced'
        ) as sentence_length_days
    from spell_statuses
    group by spell_id
),

final as (
    select
        spells.spell_id,
        spells.offender_book_id,
        spells.spell_seq,
        spells.offender_id,
        spells.person_key,
        spells.estimated_person_id,
        spells.is_person_linked,
        spells.spell_type,
        spells.admission_reason_code,
        spells.reception_prison_code,
        spells.transfer_count,
        spells.release_reason_code,
        spells.release_type,
        spells.release_prison_code,
        statuses_per_spell.sentence_length_days,
        spells.spell_start_date,
        spells.spell_end_date,
        spells.spell_start_source,
        spells.spell_end_source,
        spells.spell_end_date is null as is_open,
        coalesce(spells.spell_type = 'remand', false)
        or coalesce(statuses_per_spell.has_remand_status, false)
            as has_remand,
        coalesce(spells.spell_type = 'sentenced', false)
        or coalesce(statuses_per_spell.has_sentenced_status, false)
            as has_sentence,
        coalesce(spells.spell_type = 'recall', false)
        or coalesce(statuses_per_spell.has_recall_status, false)
            as has_recall
    from spells
    left join statuses_per_spell
        on spells.spell_id = statuses_per_spell.spell_id
)

select * from final
