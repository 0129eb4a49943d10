with

incidents as (
    select * from {{ ref('int_custody_incidents_assigned') }}
),

offenders as (
    select * from {{ ref('int_nomis_offenders_trusted') }}
),

incident_types as (
    select * from {{ ref('incident_types') }}
),

prisons as (
    select * from {{ ref('prisons') }}
),

final as (
    select
        {{ pseudonymise('incidents.incident_party_id',
            'nomis.incident_party_id') }} as incident_party_id_hash,
        {{ pseudonymise('incidents.incident_case_id',
            'nomis.incident_case_id') }} as incident_case_id_hash,
        {{ pseudonymise('incidents.journey_id',
            'nomis.custodial_journey_id') }} as journey_id_hash,
        {{ pseudonymise('incidents.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        case
            when incidents.is_person_linked
                then {{ row_id_hash('prison_nomis', 'incidents.offender_id') }}
        end as row_id_hash,
        'prison_nomis' as source_dataset,
        incidents.incident_date,
        incidents.incident_type as incident_type_code,
        incident_types.incident_type_description,
        incidents.incident_category,
        incidents.party_role,
        incidents.has_injury,
        incidents.has_hospital_attendance,
        incidents.agy_loc_id as prison_code,
        prisons.prison_name,
        prisons.prison_category,
        {{ age_in_years('offenders.date_of_birth', 'incidents.incident_date') }}
            as age_at_incident,
        offenders.sex
    from incidents
    left join offenders
        on incidents.offender_id = offenders.offender_id
    left join incident_types
        on incidents.incident_type = incident_types.incident_type_code
    left join prisons
        on incidents.agy_loc_id = prisons.prison_code
)

select * from final
