{#- Magistrates' defendant-cases and Crown defendants-on-case in one shape,
    for the journey linkage: the shared police reference, the date and court
    at which the case left (or arrived from) the magistrates' court, the
    offences charged, and the defendant's date of birth as recorded on the
    case. -#}
with

mags_cases as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

mags_offences as (
    select * from {{ ref('int_libra_offence_trusted') }}
),

crown_defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

crown_cases as (
    select * from {{ ref('int_xhibit_cases_trusted') }}
),

crown_offences as (
    select * from {{ ref('int_xhibit_offences_trusted') }}
),

mags_offence_lists as (
    select
        defendant_case_id,
        {{ array_agg_distinct('offence_code') }} as offence_codes
    from mags_offences
    group by defendant_case_id
),

crown_offence_lists as (
    select
        defendant_on_case_id,
        {{ array_agg_distinct('offence_code') }} as offence_codes
    from crown_offences
    group by defendant_on_case_id
),

mags as (
    select
        {{ record_id('mags_hocas', 'mags_cases.defendant_case_id') }}
            as record_id,
        'mags_hocas' as source_dataset,
        mags_cases.police_urn,
        mags_cases.disposal_date as court_date,
        mags_cases.court_code,
        mags_offence_lists.offence_codes,
        mags_cases.date_of_birth
    from mags_cases
    left join mags_offence_lists
        on mags_cases.defendant_case_id = mags_offence_lists.defendant_case_id
),

-- Every Crown case type can link: trials and committals for sentence were
-- sent or committed by a magistrates' court, appeals come from a conviction
-- there.
crown as (
    select
        {{ record_id(
            'crown_xhibit', 'crown_defendants.defendant_on_case_id'
        ) }} as record_id,
        'crown_xhibit' as source_dataset,
        crown_cases.police_urn,
        crown_cases.committal_date as court_date,
        crown_cases.originating_court_code as court_code,
        crown_offence_lists.offence_codes,
        crown_defendants.date_of_birth
    from crown_defendants
    inner join crown_cases
        on crown_defendants.case_id = crown_cases.case_id
    left join crown_offence_lists
        on
            crown_defendants.defendant_on_case_id
            = crown_offence_lists.defendant_on_case_id
),

final as (
    select * from mags
    union all
    select * from crown
)

select * from final
