{#- CaseMan cases received from PCOL and PCOL possession claims in one
    shape, for the CaseMan-to-PCOL case linkage: the PCOL claim number the
    CaseMan case carries (when the clerk keyed it), the date each system
    opened the case, its court, the claimant's name, the defendants'
    surnames, the first defendant's forename and the property's postcode
    (the first defendant's address). -#}
with

caseman_cases as (
    select * from {{ ref('int_caseman_cases_trusted') }}
    where is_received_from_pcol
),

caseman_parties as (
    select * from {{ ref('int_caseman_parties_trusted') }}
),

pcol_claims as (
    select * from {{ ref('int_pcol_claims_trusted') }}
    where claim_category = 'possession'
),

pcol_parties as (
    select * from {{ ref('int_pcol_parties_trusted') }}
),

parties as (
    select
        'caseman' as source_system,
        case_number,
        party_category,
        party_number,
        is_company,
        organisation_name,
        forename,
        surname,
        postcode
    from caseman_parties
    union all
    select
        'pcol' as source_system,
        claim_number as case_number,
        party_category,
        party_number,
        is_company,
        organisation_name,
        forename,
        surname,
        postcode
    from pcol_parties
),

claimants as (
    select
        source_system,
        case_number,
        min(upper(coalesce(organisation_name, surname))) as claimant_name
    from parties
    where party_category = 'applicant' and party_number = 1
    group by source_system, case_number
),

first_defendants as (
    select
        source_system,
        case_number,
        min(forename) as first_defendant_forename,
        min(postcode) as property_postcode
    from parties
    where party_category = 'respondent' and party_number = 1
    group by source_system, case_number
),

defendant_surnames as (
    select
        source_system,
        case_number,
        {{ array_agg_distinct('surname') }} as defendant_surnames
    from parties
    where party_category = 'respondent' and not is_company
    group by source_system, case_number
),

cases as (
    select
        'caseman' as source_system,
        case_number,
        pcol_claim_number as pcol_reference,
        issue_date,
        court_code
    from caseman_cases
    union all
    select
        'pcol' as source_system,
        claim_number as case_number,
        cast(null as string) as pcol_reference,
        issue_date,
        court_code
    from pcol_claims
),

final as (
    select
        cases.source_system,
        cases.case_number,
        cases.pcol_reference,
        cases.issue_date,
        cases.court_code,
        claimants.claimant_name,
        defendant_surnames.defendant_surnames,
        first_defendants.first_defendant_forename,
        first_defendants.property_postcode
    from cases
    left join claimants
        on
            cases.source_system = claimants.source_system
            and cases.case_number = claimants.case_number
    left join first_defendants
        on
            cases.source_system = first_defendants.source_system
            and cases.case_number = first_defendants.case_number
    left join defendant_surnames
        on
            cases.source_system = defendant_surnames.source_system
            and cases.case_number = defendant_surnames.case_number
)

select * from final
