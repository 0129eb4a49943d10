with

parties as (
    select * from {{ ref('int_caseman_parties_trusted') }}
),

cases as (
    select * from {{ ref('int_caseman_cases_trusted') }}
),

-- A party whose case was quarantined is not published, so it is not
-- linked either. Companies are never person-linked. Nor are the parties of
-- a claim received from PCOL: they are the PCOL claim's parties again,
-- linked as PCOL's records.
people as (
    select
        parties.*,
        cases.issue_date
    from parties
    inner join cases
        on parties.case_number = cases.case_number
    where not parties.is_company and not cases.is_received_from_pcol
),

-- The names of the other people party to each record's case: the same
-- joint defendant (a partner, a joint tenant or borrower) in two cases is
-- evidence that two records are one person.
co_parties as (
    {{ co_party_names('people', 'case_number', 'party_id') }}
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
    {{ standardise_person_records('civil_caseman', 'people_with_co_parties', {
        'source_record_id': 'party_id',
        'event_date': 'issue_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'postcode', 'postcode_outward', 'party_category', 'co_party_names',
    ]) }}
)

select * from final
