with

parties as (
    select * from {{ ref('stg_pcol__parties') }}
    where quarantine_reason is null
),

claims as (
    select * from {{ ref('stg_pcol__claims') }}
    where quarantine_reason is null
),

clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'civil_pcol'
),

party_roles as (
    select * from {{ ref('party_roles') }}
    where source_system = 'pcol'
),

postcode_districts as (
    select * from {{ ref('postcode_districts') }}
),

final as (
    select
        {{ pseudonymise('parties.party_id', 'pcol.party_id') }}
            as party_id_hash,
        {{ pseudonymise('parties.claim_number', 'pcol.claim_number') }}
            as claim_number_hash,
        -- Companies are never person-linked: no person id, no row id.
        {{ pseudonymise('clusters.estimated_person_id', 'person.dataset') }}
            as estimated_party_id,
        case
            when not parties.is_company
                then {{ row_id_hash('civil_pcol', 'parties.party_id') }}
        end as row_id_hash,
        parties.party_role_code,
        party_roles.role_description as party_role_description,
        parties.party_category,
        parties.party_number,
        case
            when parties.is_company then 'organisation' else 'individual'
        end as party_type,
        parties.date_of_birth is not null as has_date_of_birth,
        {{ age_in_years('parties.date_of_birth', 'claims.issue_date') }}
            as age_at_issue,
        parties.sex,
        postcode_districts.local_authority_code,
        postcode_districts.local_authority_name,
        postcode_districts.region
    from parties
    -- Parties of a quarantined claim are left out with their claim.
    inner join claims
        on parties.claim_number = claims.claim_number
    left join clusters
        on
            {{ record_id('civil_pcol', 'parties.party_id') }}
            = clusters.record_id
            and not parties.is_company
    left join party_roles
        on parties.party_role_code = party_roles.role_code
    left join postcode_districts
        on parties.postcode_outward = postcode_districts.outward_code
)

select * from final
