with

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

case_types as (
    select
        case_type_code,
        case_type_description
    from {{ ref('family_case_types') }}
),

courts as (
    select
        court_code,
        court_name,
        region
    from {{ ref('courts') }}
),

party_counts as (
    select * from {{ ref('int_familyman_case_parties_counted') }}
),

people as (
    select * from {{ ref('family_people') }}
),

event_counts as (
    select * from {{ ref('int_familyman_case_events_counted') }}
),

divorces as (
    select * from {{ ref('int_familyman_divorces_prepared') }}
),

-- Children's guardians and interveners (category 'other') are left out: a
-- guardian is a professional who sits in many cases.
repeat_parties as (
    select
        case_number_hash,
        bool_or(
            party_category <> 'other' and number_of_cases_of_party > 1
        ) as has_repeat_party
    from people
    group by case_number_hash
),

cases_hashed as (
    select
        {{ pseudonymise('case_number', 'familyman.case_number') }}
            as case_number_hash,
        *
    from cases
),

final as (
    select
        cases_hashed.case_number_hash,
        cases_hashed.case_type_code,
        case_types.case_type_description,
        cases_hashed.law_type,
        cases_hashed.court_code,
        courts.court_name,
        courts.region as court_region,
        cases_hashed.case_status,
        cases_hashed.issue_date,
        cases_hashed.closed_date,
        cast(
            {{ dbt.datediff(
                'cases_hashed.issue_date', 'cases_hashed.closed_date', 'day'
            ) }} as integer
        ) as case_duration_days,
        cases_hashed.order_type_code,
        cases_hashed.order_type_description,
        cases_hashed.number_of_children,
        event_counts.number_of_applications,
        event_counts.number_of_hearings,
        event_counts.number_of_interim_orders,
        divorces.marriage_year,
        divorces.years_married_at_issue,
        divorces.fact_code as divorce_fact_code,
        divorces.fact_description as divorce_fact_description,
        divorces.is_joint_application,
        divorces.petitioner_sex,
        event_counts.decree_nisi_date,
        event_counts.decree_absolute_date,
        party_counts.number_of_parties,
        party_counts.number_of_applicants,
        party_counts.number_of_respondents,
        party_counts.number_of_child_parties,
        party_counts.number_of_other_parties,
        party_counts.number_of_organisation_parties,
        coalesce(repeat_parties.has_repeat_party, false) as has_repeat_party
    from cases_hashed
    inner join party_counts
        on cases_hashed.case_number = party_counts.case_number
    inner join event_counts
        on cases_hashed.case_number = event_counts.case_number
    left join divorces
        on cases_hashed.case_number = divorces.case_number
    left join case_types
        on cases_hashed.case_type_code = case_types.case_type_code
    left join courts
        on cases_hashed.court_code = courts.court_code
    left join repeat_parties
        on cases_hashed.case_number_hash = repeat_parties.case_number_hash
)

select * from final
