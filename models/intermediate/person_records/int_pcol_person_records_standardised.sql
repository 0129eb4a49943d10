with

parties as (
    select * from {{ ref('int_pcol_parties_trusted') }}
),

cases as (
    select * from {{ ref('int_pcol_claims_trusted') }}
),

-- A party whose case was quarantined is not published, so it is not
-- linked either. Companies are never person-linked.
people as (
    select
        parties.*,
        cases.issue_date
    from parties
    inner join cases
        on parties.claim_number = cases.claim_number
    where not parties.is_company
),

final as (
    {{ standardise_person_records('civil_pcol', 'people', {
        'source_record_id': 'party_id',
        'event_date': 'issue_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'postcode', 'postcode_outward', 'party_category',
    ]) }}
)

select * from final
