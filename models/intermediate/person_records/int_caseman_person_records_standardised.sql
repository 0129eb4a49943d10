with

parties as (
    select * from {{ ref('stg_caseman__parties') }}
    where quarantine_reason is null
),

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

final as (
    select
        'civil_caseman|' || parties.party_id as record_id,
        'civil_caseman' as source_dataset,
        'caseman' as source_system,
        'parties' as source_table,
        parties.party_id as source_record_id,
        parties.forename,
        parties.middle_names,
        parties.surname,
        cast(null as {{ array_type('varchar') }}) as forename_aliases,
        cast(null as {{ array_type('varchar') }}) as surname_aliases,
        cast(null as {{ array_type('date') }}) as date_of_birth_aliases,
        parties.date_of_birth,
        parties.sex,
        cast(null as varchar) as ethnicity_code,
        parties.postcode,
        parties.postcode_outward,
        cast(null as varchar) as pnc_number,
        cast(null as varchar) as cro_number,
        parties.party_category,
        cases.issue_date as event_date,
        true as is_linkable
    from parties
    -- A party whose case was quarantined is not published, so it is not
    -- linked either.
    inner join cases
        on parties.case_number = cases.case_number
    -- Companies are never person-linked.
    where not parties.is_company
)

select * from final
