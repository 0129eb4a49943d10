with

appearances as (
    select * from {{ ref('int_pnc_court_appearances_trusted') }}
),

persons as (
    select * from {{ ref('int_pnc_persons_trusted') }}
),

disposal_types as (
    select * from {{ ref('disposal_types') }}
),

final as (
    select
        {{ pseudonymise('appearances.appearance_id', 'pnc.appearance_id') }}
            as appearance_id_hash,
        {{ pseudonymise('appearances.pnc_id', 'pnc.pnc_id') }}
            as offender_id_hash,
        'share_pnc' as source_dataset,
        appearances.appearance_date,
        appearances.court_type,
        appearances.offence_code,
        appearances.disposal_code,
        appearances.disposal_type,
        coalesce(disposal_types.is_custodial, false) as is_custodial,
        appearances.custody_days,
        {{ age_in_years(
            'persons.date_of_birth', 'appearances.appearance_date'
        ) }} as age_at_appearance,
        persons.sex
    from appearances
    inner join persons on appearances.pnc_id = persons.pnc_id
    left join disposal_types
        on appearances.disposal_type = disposal_types.disposal_type
)

select * from final
