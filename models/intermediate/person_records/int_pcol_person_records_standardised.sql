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

-- The names of the other people party to each record's case: the same
-- joint defendant (a partner, a joint tenant or borrower) in two cases is
-- evidence that two records are one person.
co_parties as (
    {{ co_party_names('people', 'claim_number', 'party_id') }}
),

people_with_co_parties as (
    select
        people.*,
        co_parties.co_party_names
    from people
    left join co_parties
        on people.party_id = co_parties.party_id
),

final as (
    {{ standardise_person_records('civil_pcol', 'people_with_co_parties', {
        'source_record_id': 'party_id',
        'event_date': 'issue_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'postcode', 'postcode_outward', 'party_category', 'co_party_names',
    ]) }}
)

select * from final
