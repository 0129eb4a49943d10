with

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

parties as (
    select * from {{ ref('int_familyman_parties_prepared') }}
),

counted as (
    select
        case_number,
        count(*) as number_of_parties,
        count(*) filter (
            where party_category = 'applicant'
        ) as number_of_applicants,
        count(*) filter (
            where party_category = 'respondent'
        ) as number_of_respondents,
        count(*) filter (
            where party_category = 'child'
        ) as number_of_child_parties,
        count(*) filter (
            where party_category = 'other'
        ) as number_of_other_parties,
        count(*) filter (
            where is_organisation
        ) as number_of_organisation_parties
    from parties
    group by case_number
),

final as (
    select
        cases.case_number,
        cast(coalesce(counted.number_of_parties, 0) as integer)
            as number_of_parties,
        cast(coalesce(counted.number_of_applicants, 0) as integer)
            as number_of_applicants,
        cast(coalesce(counted.number_of_respondents, 0) as integer)
            as number_of_respondents,
        cast(coalesce(counted.number_of_child_parties, 0) as integer)
            as number_of_child_parties,
        cast(coalesce(counted.number_of_other_parties, 0) as integer)
            as number_of_other_parties,
        cast(coalesce(counted.number_of_organisation_parties, 0) as integer)
            as number_of_organisation_parties
    from cases
    left join counted
        on cases.case_number = counted.case_number
)

select * from final
