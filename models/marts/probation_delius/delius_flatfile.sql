with

events as (
    select * from {{ ref('int_delius_event_trusted') }}
),

offenders as (
    select * from {{ ref('int_delius_offender_trusted') }}
),

clusters as (
    select
        record_id,
        estimated_person_id
    from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'probation_delius'
),

event_addresses as (
    select * from {{ ref('int_delius_event_addresses_selected') }}
),

event_components as (
    select * from {{ ref('int_delius_event_components_summarised') }}
),

disposal_types as (
    select
        disposal_type_code,
        disposal_type_description
    from {{ ref('delius_disposal_types') }}
),

probation_areas as (
    select
        probation_area_code,
        probation_area_name
    from {{ ref('probation_areas') }}
),

ethnic_groups as (
    select
        ethnicity_code,
        ethnic_group
    from {{ ref('ethnicity_codes') }}
),

districts as (
    select
        outward_code,
        local_authority_code,
        local_authority_name,
        region
    from {{ ref('postcode_districts') }}
),

final as (
    select
        {{ pseudonymise('events.event_id', 'delius.event_id') }}
            as event_id_hash,
        {{ pseudonymise('clusters.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        {{ row_id_hash('probation_delius', 'events.offender_id') }}
            as row_id_hash,
        'probation_delius' as source_dataset,
        events.event_number,
        events.referral_date,
        case
            when events.event_category = 'pre_sentence' then 'pre_sentence'
            else 'sentence'
        end as event_type,
        events.event_category,
        events.disposal_type_code,
        disposal_types.disposal_type_description,
        events.disposal_length,
        events.disposal_length_unit,
        events.probation_area_code,
        probation_areas.probation_area_name,
        {{ delius_termination_columns(
            'event', 'events', 'events.referral_date'
        ) }},
        event_components.is_breached,
        event_components.is_recalled,
        {{ age_in_years('offenders.date_of_birth', 'events.referral_date') }}
            as age_at_referral,
        offenders.sex,
        offenders.ethnicity_code,
        ethnic_groups.ethnic_group,
        districts.local_authority_code,
        districts.local_authority_name,
        districts.region,
        event_addresses.address_basis as local_authority_basis,
        event_components.requirement_count,
        event_components.licence_condition_count,
        event_components.pss_requirement_count,
        event_components.court_report_count
    from events
    inner join offenders
        on events.offender_id = offenders.offender_id
    inner join clusters
        on
            {{ record_id('probation_delius', 'events.offender_id') }}
            = clusters.record_id
    inner join event_components
        on events.event_id = event_components.event_id
    left join event_addresses
        on events.event_id = event_addresses.event_id
    left join disposal_types
        on events.disposal_type_code = disposal_types.disposal_type_code
    left join probation_areas
        on events.probation_area_code = probation_areas.probation_area_code
    left join ethnic_groups
        on offenders.ethnicity_code = ethnic_groups.ethnicity_code
    left join districts
        on event_addresses.postcode_outward = districts.outward_code
)

select * from final
