with

parties as (
    select * from {{ ref('int_civil_parties_prepared') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('party_id', 'pcol.party_id') }} as party_id_hash,
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as case_number_hash,
        {{ pseudonymise('estimated_person_id', 'person.dataset') }}
            as estimated_party_id,
        -- Companies are not person records: no row id.
        case
            when is_person_record
                then {{ row_id_hash('civil_pcol', 'party_id') }}
        end as row_id_hash,
        'civil_pcol' as source_dataset,
        party_role_code,
        party_role_description,
        party_category,
        party_number,
        party_type,
        is_represented,
        has_date_of_birth,
        age_at_issue,
        sex,
        local_authority_code,
        local_authority_name,
        region
    from parties
)

select * from final
