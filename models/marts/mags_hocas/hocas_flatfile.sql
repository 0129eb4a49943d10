{#- One row per defendant per magistrates' case (Libra defendant-case), on
    its principal offence (docs block courts_principal_offence_rule). -#}
with

defendant_cases as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

ranked_offences as (
    select * from {{ ref('int_libra_offences_ranked') }}
),

hearing_summaries as (
    select * from {{ ref('int_libra_hearings_summarised') }}
),

person_clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'mags_hocas'
),

courts as (
    select * from {{ ref('courts') }}
),

ethnicity_codes as (
    select * from {{ ref('ethnicity_codes') }}
),

postcode_districts as (
    select * from {{ ref('postcode_districts') }}
),

principal_offences as (
    select * from ranked_offences
    where is_principal_offence
),

offence_counts as (
    select
        defendant_case_id,
        count(*) as number_of_offences,
        bool_or(
            disposal_type in ('sent_for_trial', 'committed_for_sentence')
        ) as has_offence_sent_to_crown_court
    from ranked_offences
    group by defendant_case_id
),

-- Co-defendants share a case number and police reference; a case number
-- alone can repeat across unrelated cases of one court.
defendants_per_case as (
    select
        defendant_case_id,
        count(*) over (
            partition by court_code, case_number, police_urn
        ) as number_of_defendants_on_case
    from defendant_cases
),

final as (
    select
        -- keys
        {{ pseudonymise(
            'defendant_cases.defendant_case_id', 'libra.defendant_case_id'
        ) }} as defendant_case_id_hash,
        {{ pseudonymise('defendant_cases.case_number', 'libra.case_number') }}
            as case_number_hash,
        {{ row_id_hash('mags_hocas', 'defendant_cases.defendant_case_id') }}
            as row_id_hash,
        'mags_hocas' as source_dataset,
        {{ pseudonymise('person_clusters.estimated_person_id',
            'person.dataset') }} as estimated_defendant_id,

        -- court
        defendant_cases.court_code,
        courts.court_name,
        courts.region as court_region,

        -- person
        {{ age_in_years('defendant_cases.date_of_birth',
            'defendant_cases.first_hearing_date') }} as age_at_first_hearing,
        {{ age_in_years('defendant_cases.date_of_birth',
            'defendant_cases.disposal_date') }} as age_at_disposal,
        defendant_cases.sex,
        defendant_cases.ethnicity_code,
        ethnicity_codes.ethnic_group,
        postcode_districts.local_authority_code,
        postcode_districts.local_authority_name,
        postcode_districts.region,

        -- principal offence
        {{ pseudonymise('principal_offences.offence_id', 'libra.offence_id') }}
            as principal_offence_id_hash,
        principal_offences.offence_code,
        principal_offences.offence_description,
        principal_offences.offence_group,
        principal_offences.offence_class,
        principal_offences.seriousness_score,
        principal_offences.offence_date,
        cast(coalesce(offence_counts.number_of_offences, 0) as integer)
            as number_of_offences,
        cast(defendants_per_case.number_of_defendants_on_case as integer)
            as number_of_defendants_on_case,

        -- plea
        principal_offences.plea_code,
        principal_offences.plea_type,
        principal_offences.plea_stage,

        -- case timings
        defendant_cases.first_hearing_date,
        defendant_cases.disposal_date,
        hearing_summaries.number_of_hearings,
        hearing_summaries.has_trial_listed,
        cast(
            {{ dbt.datediff(
                'defendant_cases.first_hearing_date', 'defendant_cases.disposal_date', 'day'
            ) }} as integer
        ) as days_first_hearing_to_disposal,
        defendant_cases.remand_status_code,
        defendant_cases.remand_status,

        -- principal disposal
        principal_offences.disposal_code,
        principal_offences.disposal_description,
        principal_offences.disposal_type,
        principal_offences.result_priority,
        principal_offences.custodial_length_days,
        principal_offences.order_length_months,
        principal_offences.amount,
        principal_offences.is_custodial,
        principal_offences.is_conviction,
        coalesce(offence_counts.has_offence_sent_to_crown_court, false)
            as has_offence_sent_to_crown_court
    from defendant_cases
    left join principal_offences
        on
            defendant_cases.defendant_case_id
            = principal_offences.defendant_case_id
    left join offence_counts
        on defendant_cases.defendant_case_id = offence_counts.defendant_case_id
    left join defendants_per_case
        on
            defendant_cases.defendant_case_id
            = defendants_per_case.defendant_case_id
    left join hearing_summaries
        on
            defendant_cases.defendant_case_id
            = hearing_summaries.defendant_case_id
    left join person_clusters
        on
            person_clusters.record_id
            = {{ record_id('mags_hocas', 'defendant_cases.defendant_case_id') }}
    left join courts
        on defendant_cases.court_code = courts.court_code
    left join ethnicity_codes
        on defendant_cases.ethnicity_code = ethnicity_codes.ethnicity_code
    left join postcode_districts
        on defendant_cases.postcode_outward = postcode_districts.outward_code
)

select * from final
