with

parties as (
    select * from {{ ref('int_familyman_parties_prepared') }}
),

clusters as (
    select
        record_id,
        estimated_person_id
    from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'familyman'
),

roles as (
    select
        role_code,
        role_description,
        is_child
    from {{ ref('party_roles') }}
    where source_system = 'familyman'
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

parties_linked as (
    select
        parties.*,
        clusters.estimated_person_id
    from parties
    left join clusters
        on parties.record_id = clusters.record_id
),

-- Published family cases per linked person: repeat involvement.
cases_per_person as (
    select
        estimated_person_id,
        count(distinct case_number) as number_of_cases_of_party
    from parties_linked
    where estimated_person_id is not null
    group by estimated_person_id
),

final as (
    select
        {{ pseudonymise('parties_linked.party_id', 'familyman.party_id') }}
            as party_id_hash,
        {{ pseudonymise('parties_linked.case_number',
            'familyman.case_number') }} as case_number_hash,
        case
            when parties_linked.is_person_record
                then {{ row_id_hash('familyman', 'parties_linked.party_id') }}
        end as row_id_hash,
        'familyman' as source_dataset,
        {{ pseudonymise('parties_linked.estimated_person_id',
            'person.dataset') }} as estimated_party_id,
        parties_linked.role_code,
        roles.role_description,
        parties_linked.party_category,
        roles.is_child,
        parties_linked.is_organisation,
        parties_linked.is_represented,
        parties_linked.age_at_case_issue,
        parties_linked.sex,
        parties_linked.ethnicity_code,
        ethnic_groups.ethnic_group,
        districts.local_authority_code,
        districts.local_authority_name,
        districts.region,
        parties_linked.has_date_of_birth,
        cast(cases_per_person.number_of_cases_of_party as integer)
            as number_of_cases_of_party
    from parties_linked
    left join cases_per_person
        on
            parties_linked.estimated_person_id
            = cases_per_person.estimated_person_id
    left join roles
        on parties_linked.role_code = roles.role_code
    left join ethnic_groups
        on parties_linked.ethnicity_code = ethnic_groups.ethnicity_code
    left join districts
        on parties_linked.postcode_outward = districts.outward_code
)

select * from final
