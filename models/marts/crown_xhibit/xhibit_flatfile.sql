{#- One row per defendant on a Crown Court case (Xhibit defendant on case),
    on its most serious (principal) offence (docs block
    courts_principal_offence_rule). -#}
with

defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

cases as (
    select * from {{ ref('int_xhibit_cases_trusted') }}
),

ranked_offences as (
    select * from {{ ref('int_xhibit_offences_ranked') }}
),

warrants as (
    select * from {{ ref('int_xhibit_warrants_trusted') }}
),

person_clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'crown_xhibit'
),

crown_case_types as (
    select * from {{ ref('crown_case_types') }}
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
        defendant_on_case_id,
        count(distinct offence_id) as number_of_offences,
        count(disposal_id) as number_of_disposals
    from ranked_offences
    group by defendant_on_case_id
),

warrants_per_defendant as (
    select
        defendant_on_case_id,
        count(*) as bench_warrant_count,
        count(*) filter (
            where warrant_outcome = 'executed'
        ) as bench_warrant_executed_count,
        min(issued_date) as first_bench_warrant_issued_date
    from warrants
    group by defendant_on_case_id
),

defendants_per_case as (
    select
        case_id,
        count(*) as number_of_defendants_on_case
    from defendants
    group by case_id
),

joined as (
    select
        defendants.defendant_on_case_id,
        defendants.case_id,
        person_clusters.estimated_person_id,
        cases.case_type,
        crown_case_types.description as case_type_description,
        cases.court_code,
        crown_courts.court_name,
        crown_courts.region as court_region,
        cases.originating_court_code,
        originating_courts.court_name as originating_court_name,
        defendants.date_of_birth,
        defendants.sex,
        defendants.ethnicity_code,
        ethnicity_codes.ethnic_group,
        postcode_districts.local_authority_code,
        postcode_districts.local_authority_name,
        postcode_districts.region,
        principal_offences.offence_id,
        principal_offences.disposal_id,
        principal_offences.offence_code,
        principal_offences.offence_description,
        principal_offences.offence_group,
        principal_offences.offence_class,
        principal_offences.seriousness_score,
        coalesce(offence_counts.number_of_offences, 0) as number_of_offences,
        coalesce(offence_counts.number_of_disposals, 0)
            as number_of_disposals,
        defendants_per_case.number_of_defendants_on_case,
        principal_offences.plea_code,
        principal_offences.plea_type,
        principal_offences.plea_date,
        principal_offences.plea_stage,
        cases.committal_date,
        cases.receipt_date,
        defendants.disposal_date,
        defendants.remand_status_code,
        defendants.remand_status,
        coalesce(warrants_per_defendant.bench_warrant_count, 0)
            as bench_warrant_count,
        coalesce(warrants_per_defendant.bench_warrant_executed_count, 0)
            as bench_warrant_executed_count,
        warrants_per_defendant.first_bench_warrant_issued_date,
        principal_offences.disposal_code,
        principal_offences.disposal_description,
        principal_offences.disposal_type,
        principal_offences.result_priority,
        principal_offences.custodial_length_months,
        principal_offences.order_length_months,
        principal_offences.amount,
        principal_offences.is_custodial,
        principal_offences.is_conviction
    from defendants
    left join cases
        on defendants.case_id = cases.case_id
    left join defendants_per_case
        on defendants.case_id = defendants_per_case.case_id
    left join principal_offences
        on
            defendants.defendant_on_case_id
            = principal_offences.defendant_on_case_id
    left join offence_counts
        on defendants.defendant_on_case_id = offence_counts.defendant_on_case_id
    left join warrants_per_defendant
        on
            defendants.defendant_on_case_id
            = warrants_per_defendant.defendant_on_case_id
    left join person_clusters
        on
            person_clusters.record_id
            = {{ record_id('crown_xhibit', 'defendants.defendant_on_case_id') }}
    left join crown_case_types
        on cases.case_type = crown_case_types.case_type_code
    left join courts as crown_courts
        on cases.court_code = crown_courts.court_code
    left join courts as originating_courts
        on cases.originating_court_code = originating_courts.court_code
    left join ethnicity_codes
        on defendants.ethnicity_code = ethnicity_codes.ethnicity_code
    left join postcode_districts
        on defendants.postcode_outward = postcode_districts.outward_code
),

final as (
    select
        -- keys
        {{ pseudonymise('defendant_on_case_id',
            'xhibit.defendant_on_case_id') }} as defendant_on_case_id_hash,
        {{ pseudonymise('case_id', 'xhibit.case_id') }} as case_id_hash,
        {{ row_id_hash('crown_xhibit', 'defendant_on_case_id') }}
            as row_id_hash,
        'crown_xhibit' as source_dataset,
        {{ pseudonymise('estimated_person_id', 'person.dataset') }}
            as estimated_defendant_id,

        -- case and courts
        case_type,
        case_type_description,
        court_code,
        court_name,
        court_region,
        originating_court_code,
        originating_court_name,

        -- person
        {{ age_in_years('date_of_birth', 'receipt_date') }}
            as age_at_receipt,
        {{ age_in_years('date_of_birth', 'disposal_date') }}
            as age_at_disposal,
        sex,
        ethnicity_code,
        ethnic_group,
        local_authority_code,
        local_authority_name,
        region,

        -- principal offence
        {{ pseudonymise('offence_id', 'xhibit.offence_id') }}
            as principal_offence_id_hash,
        {{ pseudonymise('disposal_id', 'xhibit.disposal_id') }}
            as principal_disposal_id_hash,
        offence_code,
        offence_description,
        offence_group,
        offence_class,
        seriousness_score,
        cast(number_of_offences as integer) as number_of_offences,
        cast(number_of_disposals as integer) as number_of_disposals,
        cast(number_of_defendants_on_case as integer)
            as number_of_defendants_on_case,

        -- plea
        plea_code,
        plea_type,
        plea_date,
        plea_stage,

        -- case timings
        committal_date,
        receipt_date,
        disposal_date,
        cast({{ dbt.datediff(
            'committal_date', 'receipt_date', 'day'
        ) }} as integer)
            as days_committal_to_receipt,
        cast({{ dbt.datediff(
            'receipt_date', 'plea_date', 'day'
        ) }} as integer)
            as days_receipt_to_plea,
        cast({{ dbt.datediff(
            'receipt_date', 'disposal_date', 'day'
        ) }} as integer)
            as days_receipt_to_disposal,
        remand_status_code,
        remand_status,

        -- failures to attend
        cast(bench_warrant_count as integer) as bench_warrant_count,
        cast(bench_warrant_executed_count as integer)
            as bench_warrant_executed_count,
        first_bench_warrant_issued_date,

        -- principal disposal and outcome
        disposal_code,
        disposal_description,
        disposal_type,
        result_priority,
        custodial_length_months,
        order_length_months,
        amount,
        is_custodial,
        is_conviction,
        case
            when disposal_type is null then 'no_disposal'
            when is_conviction and plea_type in ('guilty', 'guilty_lesser')
                then 'convicted_guilty_plea'
            when is_conviction then 'convicted_after_trial'
            when disposal_type = 'acquitted' then 'acquitted'
            else 'not_proceeded_with'
        end as outcome
    from joined
)

select * from final
