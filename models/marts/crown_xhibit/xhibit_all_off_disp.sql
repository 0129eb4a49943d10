{#- One row per offence and disposal within a Crown Court case: every
    offence of every defendant on case with each of its disposals (an
    offence without a disposal appears once), ranked under the principal
    offence rule. -#}
with

ranked_offences as (
    select * from {{ ref('int_xhibit_offences_ranked') }}
),

defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

cases as (
    select * from {{ ref('int_xhibit_cases_trusted') }}
),

person_clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'crown_xhibit'
),

final as (
    select
        -- keys
        {{ pseudonymise('ranked_offences.offence_id', 'xhibit.offence_id') }}
            as offence_id_hash,
        {{ pseudonymise('ranked_offences.disposal_id',
            'xhibit.disposal_id') }} as disposal_id_hash,
        {{ pseudonymise('ranked_offences.defendant_on_case_id',
            'xhibit.defendant_on_case_id') }} as defendant_on_case_id_hash,
        {{ pseudonymise('defendants.case_id', 'xhibit.case_id') }}
            as case_id_hash,
        {{ row_id_hash(
            'crown_xhibit', 'ranked_offences.defendant_on_case_id'
        ) }} as row_id_hash,
        'crown_xhibit' as source_dataset,
        {{ pseudonymise('person_clusters.estimated_person_id',
            'person.dataset') }} as estimated_defendant_id,
        cases.court_code,
        cases.case_type,

        -- offence
        ranked_offences.count_number,
        cast(ranked_offences.principal_offence_rank as integer)
            as principal_offence_rank,
        ranked_offences.is_principal_offence,
        ranked_offences.offence_code,
        ranked_offences.offence_description,
        ranked_offences.offence_group,
        ranked_offences.offence_class,
        ranked_offences.seriousness_score,

        -- plea
        ranked_offences.plea_code,
        ranked_offences.plea_type,
        ranked_offences.plea_date,
        ranked_offences.plea_stage,

        -- disposal
        ranked_offences.disposal_date,
        ranked_offences.disposal_code,
        ranked_offences.disposal_description,
        ranked_offences.disposal_type,
        ranked_offences.result_priority,
        ranked_offences.custodial_length_months,
        ranked_offences.order_length_months,
        ranked_offences.amount,
        ranked_offences.is_custodial,
        ranked_offences.is_conviction
    from ranked_offences
    inner join defendants
        on
            ranked_offences.defendant_on_case_id
            = defendants.defendant_on_case_id
    left join cases
        on defendants.case_id = cases.case_id
    left join person_clusters
        on
            person_clusters.record_id
            = {{ record_id(
                'crown_xhibit', 'ranked_offences.defendant_on_case_id'
            ) }}
)

select * from final
