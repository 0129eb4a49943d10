{#- Custodial journeys: the custody spells of one linked person merged when
    they overlap or the next admission comes at most
    var('custodial_journey_max_gap_days') days after the release before it.
    See docs block prisons_custodial_journey_rule. -#}
{%- set max_gap_days = var('custodial_journey_max_gap_days', 1) -%}

with

spells as (
    select * from {{ ref('int_custody_spells_built') }}
),

ordered_spells as (
    select
        *,
        -- latest release among the person's earlier spells (an open spell
        -- counts as never released)
        max(coalesce(spell_end_date, cast('9999-12-31' as date))) over (
            partition by person_key
            order by spell_start_date, spell_end_date nulls last, spell_id
            rows between unbounded preceding and 1 preceding
        ) as previous_release_date
    from spells
),

flagged_spells as (
    select
        *,
        case
            when previous_release_date is null then 1
            when
                {{ dbt.datediff(
                    'previous_release_date', 'spell_start_date', 'day'
                ) }}
                > {{ max_gap_days }}
                then 1
            else 0
        end as is_journey_start
    from ordered_spells
),

assigned_spells as (
    select
        *,
        cast(sum(is_journey_start) over (
            partition by person_key
            order by spell_start_date, spell_end_date nulls last, spell_id
            rows between unbounded preceding and current row
        ) as integer) as journey_number
    from flagged_spells
),

ranked_spells as (
    select
        *,
        row_number() over (
            partition by person_key, journey_number
            order by spell_start_date, spell_end_date nulls last, spell_id
        ) as spell_rank_first,
        row_number() over (
            partition by person_key, journey_number
            order by
                spell_end_date desc nulls first,
                spell_start_date desc,
                spell_id desc
        ) as spell_rank_last
    from assigned_spells
),

journeys as (
    select
        person_key,
        journey_number,
        any_value(spell_id) filter (
            where spell_rank_first = 1
        ) as journey_id,
        any_value(offender_book_id) filter (
            where spell_rank_first = 1
        ) as first_offender_book_id,
        any_value(offender_id) filter (
            where spell_rank_first = 1
        ) as first_offender_id,
        any_value(spell_type) filter (
            where spell_rank_first = 1
        ) as first_spell_type,
        any_value(admission_reason_code) filter (
            where spell_rank_first = 1
        ) as admission_reason_code,
        any_value(reception_prison_code) filter (
            where spell_rank_first = 1
        ) as reception_prison_code,
        any_value(release_reason_code) filter (
            where spell_rank_last = 1
        ) as release_reason_code,
        any_value(release_type) filter (
            where spell_rank_last = 1
        ) as release_type,
        any_value(release_prison_code) filter (
            where spell_rank_last = 1
        ) as release_prison_code,
        coalesce(bool_or(is_person_linked), false) as is_person_linked,
        min(spell_start_date) as journey_start_date,
        case
            when count(*) = count(spell_end_date) then max(spell_end_date)
        end as journey_end_date,
        count(*) > count(spell_end_date) as is_in_custody_at_extract,
        cast(count(*) as integer) as spell_count,
        cast(count(distinct offender_book_id) as integer) as booking_count,
        cast(count(distinct offender_id) as integer) as offender_record_count,
        coalesce(bool_or(has_remand), false) as has_remand,
        coalesce(bool_or(has_sentence), false) as has_sentence,
        coalesce(bool_or(has_recall), false) as has_recall,
        cast(sum(transfer_count) as integer) as transfer_count,
        max(sentence_length_days) as sentence_length_days
    from ranked_spells
    group by person_key, journey_number
),

sequenced_journeys as (
    select
        *,
        lag(journey_end_date) over (
            partition by person_key
            order by journey_number
        ) as previous_release_date
    from journeys
),

final as (
    select
        journey_id,
        person_key,
        case when is_person_linked then person_key end
            as estimated_person_id,
        is_person_linked,
        journey_number,
        first_offender_book_id,
        first_offender_id,
        journey_start_date,
        journey_end_date,
        is_in_custody_at_extract,
        spell_count,
        booking_count,
        offender_record_count,
        first_spell_type,
        admission_reason_code,
        has_remand,
        has_sentence,
        has_recall,
        reception_prison_code,
        release_prison_code,
        release_reason_code,
        release_type,
        transfer_count,
        sentence_length_days,
        coalesce(first_spell_type = 'recall', false) as starts_with_recall,
        cast(
            {{ dbt.datediff(
                'journey_start_date', 'journey_end_date', 'day'
            ) }} as integer
        ) as days_in_custody,
        cast(
            {{ dbt.datediff(
                'previous_release_date', 'journey_start_date', 'day'
            ) }}
            as integer
        ) as days_since_previous_release
    from sequenced_journeys
)

select * from final
