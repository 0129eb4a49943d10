with

journeys as (
    select * from {{ ref('int_custody_spells_merged') }}
),

offenders as (
    select * from {{ ref('int_nomis_offenders_trusted') }}
),

incidents as (
    select * from {{ ref('int_custody_incidents_assigned') }}
),

charges as (
    select * from {{ ref('int_custody_charges_ranked') }}
),

sentence_types as (
    select * from {{ ref('prison_sentence_types') }}
),

movement_reasons as (
    select * from {{ ref('movement_reasons') }}
),

prisons as (
    select * from {{ ref('prisons') }}
),

ethnicity_codes as (
    select * from {{ ref('ethnicity_codes') }}
),

incidents_per_journey as (
    select
        journey_id,
        cast(count(*) as integer) as incident_count,
        cast(count(*) filter (
            where incident_category = 'assault'
        ) as integer) as assault_incident_count,
        cast(count(*) filter (
            where incident_category = 'self_harm'
        ) as integer) as self_harm_incident_count
    from incidents
    where journey_id is not null
    group by journey_id
),

charges_per_journey as (
    select
        journey_id,
        cast(count(*) as integer) as offence_count,
        any_value(offence_code) filter (
            where main_offence_rank = 1
        ) as main_offence_code,
        any_value(offence_description) filter (
            where main_offence_rank = 1
        ) as main_offence_description,
        any_value(offence_group) filter (
            where main_offence_rank = 1
        ) as main_offence_group,
        any_value(offence_class) filter (
            where main_offence_rank = 1
        ) as main_offence_class,
        any_value(seriousness_score) filter (
            where main_offence_rank = 1
        ) as main_offence_seriousness_score,
        any_value(sentence_calc_type) filter (
            where main_offence_rank = 1
        ) as main_sentence_calc_type,
        any_value(
            case
                when charge_status_type = 'sentenced'
                    then coalesce(sentence_type, 'unknown')
            end
        ) filter (
            where main_offence_rank = 1
        ) as main_sentence_type
    from charges
    where journey_id is not null
    group by journey_id
),

typed_journeys as (
    select
        journeys.*,
        charges_per_journey.offence_count,
        charges_per_journey.main_offence_code,
        charges_per_journey.main_offence_description,
        charges_per_journey.main_offence_group,
        charges_per_journey.main_offence_class,
        charges_per_journey.main_offence_seriousness_score,
        charges_per_journey.main_sentence_calc_type,
        case
            when charges_per_journey.main_sentence_type is not null
                then charges_per_journey.main_sentence_type
            when journeys.has_sentence then 'unknown'
            when journeys.has_recall then 'recall'
            when journeys.has_remand then 'remand'
            else 'unknown'
        end as sentence_type
    from journeys
    left join charges_per_journey
        on journeys.journey_id = charges_per_journey.journey_id
),

final as (
    select
        {{ pseudonymise('journeys.journey_id', 'nomis.custodial_journey_id') }}
            as journey_id_hash,
        {{ pseudonymise('journeys.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        case
            when journeys.is_person_linked
                then {{ row_id_hash('prison_nomis',
                    'journeys.first_offender_id') }}
        end as row_id_hash,
        'prison_nomis' as source_dataset,
        journeys.journey_number,
        journeys.journey_start_date,
        journeys.journey_end_date,
        journeys.is_in_custody_at_extract,
        journeys.days_in_custody,
        journeys.days_since_previous_release,
        journeys.spell_count,
        journeys.booking_count,
        journeys.offender_record_count,
        journeys.first_spell_type,
        journeys.starts_with_recall,
        journeys.has_remand,
        journeys.has_sentence,
        journeys.has_recall,
        journeys.admission_reason_code,
        admission_reasons.movement_reason_description
            as admission_reason_description,
        journeys.sentence_length_days,
        journeys.sentence_type,
        sentence_types.sentence_type_description,
        sentence_types.is_indeterminate as is_indeterminate_sentence,
        journeys.main_sentence_calc_type,
        coalesce(journeys.offence_count, 0) as offence_count,
        journeys.main_offence_code,
        journeys.main_offence_description,
        journeys.main_offence_group,
        journeys.main_offence_class,
        journeys.main_offence_seriousness_score,
        journeys.reception_prison_code,
        reception_prisons.prison_name as reception_prison_name,
        reception_prisons.prison_category as reception_prison_category,
        journeys.release_prison_code,
        release_prisons.prison_name as release_prison_name,
        release_prisons.prison_category as release_prison_category,
        journeys.transfer_count,
        journeys.release_reason_code,
        release_reasons.movement_reason_description
            as release_reason_description,
        journeys.release_type,
        coalesce(incidents_per_journey.incident_count, 0) as incident_count,
        coalesce(incidents_per_journey.assault_incident_count, 0)
            as assault_incident_count,
        coalesce(incidents_per_journey.self_harm_incident_count, 0)
            as self_harm_incident_count,
        {{ age_in_years('offenders.date_of_birth',
            'journeys.journey_start_date') }} as age_at_reception,
        offenders.sex,
        offenders.ethnicity_code,
        ethnicity_codes.ethnic_group
    from typed_journeys as journeys
    left join sentence_types
        on journeys.sentence_type = sentence_types.sentence_type
    left join offenders
        on journeys.first_offender_id = offenders.offender_id
    left join ethnicity_codes
        on offenders.ethnicity_code = ethnicity_codes.ethnicity_code
    left join movement_reasons as admission_reasons
        on
            admission_reasons.movement_type = 'ADM'
            and journeys.admission_reason_code
            = admission_reasons.movement_reason_code
    left join movement_reasons as release_reasons
        on
            release_reasons.movement_type = 'REL'
            and journeys.release_reason_code
            = release_reasons.movement_reason_code
    left join prisons as reception_prisons
        on journeys.reception_prison_code = reception_prisons.prison_code
    left join prisons as release_prisons
        on journeys.release_prison_code = release_prisons.prison_code
    left join incidents_per_journey
        on journeys.journey_id = incidents_per_journey.journey_id
)

select * from final
