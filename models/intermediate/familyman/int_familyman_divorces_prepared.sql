with

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

divorces as (
    select * from {{ ref('int_familyman_divorce_trusted') }}
),

parties as (
    select * from {{ ref('int_familyman_parties_prepared') }}
),

-- The petitioner (the first applicant of a joint application): the first
-- PET party keyed on the case.
petitioners as (
    select
        case_number,
        sex as petitioner_sex
    from parties
    where role_code = 'PET'
    qualify row_number() over (
        partition by case_number order by party_id
    ) = 1
),

-- One matrimonial record per case; a second one keyed for the same case
-- is left out (the first keyed is kept).
divorces_first as (
    select *
    from divorces
    qualify row_number() over (
        partition by case_number order by source_row_number
    ) = 1
),

final as (
    select
        divorces_first.case_number,
        divorces_first.fact_code,
        divorces_first.fact_description,
        divorces_first.is_joint_application,
        petitioners.petitioner_sex,
        cast(year(divorces_first.marriage_date) as integer) as marriage_year,
        cast(
            floor(
                {{ dbt.datediff(
                    'divorces_first.marriage_date', 'cases.issue_date', 'day'
                ) }} / 365.25
            ) as integer
        ) as years_married_at_issue
    from divorces_first
    inner join cases
        on divorces_first.case_number = cases.case_number
    left join petitioners
        on divorces_first.case_number = petitioners.case_number
)

select * from final
