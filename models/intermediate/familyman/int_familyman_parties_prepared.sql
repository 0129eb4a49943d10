with

parties as (
    select * from {{ ref('int_familyman_parties_trusted') }}
),

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

-- The parties that are person records of the linkage (organisations, i.e.
-- local authorities, are not).
person_records as (
    select
        record_id,
        source_record_id
    from {{ ref('int_familyman_person_records_standardised') }}
),

final as (
    select
        parties.party_id,
        parties.case_number,
        person_records.record_id,
        parties.role_code,
        parties.party_category,
        parties.is_organisation,
        person_records.record_id is not null as is_person_record,
        parties.sex,
        parties.ethnicity_code,
        parties.postcode_outward,
        parties.is_represented,
        {{ age_in_years('parties.date_of_birth', 'cases.issue_date') }}
            as age_at_case_issue,
        case
            when person_records.record_id is not null
                then parties.date_of_birth is not null
        end as has_date_of_birth
    from parties
    -- A party of a quarantined case is not published: its case is not.
    inner join cases
        on parties.case_number = cases.case_number
    left join person_records
        on parties.party_id = person_records.source_record_id
)

select * from final
