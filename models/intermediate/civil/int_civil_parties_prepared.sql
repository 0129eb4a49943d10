{#-
    The trusted parties of both civil systems' trusted cases in one shape,
    with their linkage record id and estimated person (individuals only:
    organisations are never person records), their role decoded (seed
    party_roles), their type, age at the case's issue in place of the date
    of birth, and their local authority in place of the postcode. Parties of
    a quarantined case are left out with their case. The parties of a
    CaseMan case received from PCOL are the PCOL claim's parties again: they
    are not person records (the PCOL ones are).
-#}
with

caseman_received as (
    select
        case_number,
        is_received_from_pcol
    from {{ ref('int_caseman_cases_trusted') }}
),

caseman_parties as (
    select
        'caseman' as source_system,
        parties.party_id,
        parties.case_number,
        case
            when
                not parties.is_company
                and not coalesce(caseman_received.is_received_from_pcol, false)
                then {{ record_id('civil_caseman', 'parties.party_id') }}
        end as record_id,
        coalesce(caseman_received.is_received_from_pcol, false)
            as is_received_from_pcol,
        parties.party_role_code,
        parties.party_category,
        parties.party_number,
        parties.is_company,
        parties.is_represented,
        parties.date_of_birth,
        parties.sex,
        parties.postcode_outward
    from {{ ref('int_caseman_parties_trusted') }} as parties
    left join caseman_received
        on parties.case_number = caseman_received.case_number
),

pcol_parties as (
    select
        'pcol' as source_system,
        party_id,
        claim_number as case_number,
        case
            when not is_company
                then {{ record_id('civil_pcol', 'party_id') }}
        end as record_id,
        false as is_received_from_pcol,
        party_role_code,
        party_category,
        party_number,
        is_company,
        is_represented,
        date_of_birth,
        sex,
        postcode_outward
    from {{ ref('int_pcol_parties_trusted') }}
),

cases as (
    select
        source_system,
        case_number,
        issue_date
    from {{ ref('int_civil_cases_unioned') }}
),

clusters as (
    select
        record_id,
        estimated_person_id
    from {{ ref('linkage_person_clusters') }}
    where source_dataset in (
        {%- for dataset in datasets() if dataset.kind == 'civil' %}
        '{{ dataset.code }}'{{ ',' if not loop.last }}
        {%- endfor %}
    )
),

party_roles as (
    select
        source_system,
        role_code,
        role_description
    from {{ ref('party_roles') }}
),

postcode_districts as (
    select
        outward_code,
        local_authority_code,
        local_authority_name,
        region
    from {{ ref('postcode_districts') }}
),

parties as (
    select * from caseman_parties
    union all
    select * from pcol_parties
),

final as (
    select
        parties.source_system,
        parties.party_id,
        parties.case_number,
        parties.record_id,
        clusters.estimated_person_id,
        parties.record_id is not null as is_person_record,
        parties.is_received_from_pcol,
        parties.party_role_code,
        party_roles.role_description as party_role_description,
        parties.party_category,
        parties.party_number,
        case
            when parties.is_company then 'organisation' else 'individual'
        end as party_type,
        parties.is_represented,
        parties.date_of_birth is not null as has_date_of_birth,
        {{ age_in_years('parties.date_of_birth', 'cases.issue_date') }}
            as age_at_issue,
        parties.sex,
        postcode_districts.local_authority_code,
        postcode_districts.local_authority_name,
        postcode_districts.region
    from parties
    inner join cases
        on
            parties.source_system = cases.source_system
            and parties.case_number = cases.case_number
    -- Companies are never person-linked: no record id, no person.
    left join clusters
        on parties.record_id = clusters.record_id
    left join party_roles
        on
            parties.source_system = party_roles.source_system
            and parties.party_role_code = party_roles.role_code
    left join postcode_districts
        on parties.postcode_outward = postcode_districts.outward_code
)

select * from final
