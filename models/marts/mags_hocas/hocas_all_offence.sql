{#- One row per offence dealt with in a magistrates' defendant-case (every
    offence, not only the principal one), with its rank under the principal
    offence rule. -#}
with

ranked_offences as (
    select * from {{ ref('int_libra_offences_ranked') }}
),

defendant_cases as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

person_clusters as (
    select * from {{ ref('linkage_person_clusters') }}
    where source_dataset = 'mags_hocas'
),

final as (
    select
        -- keys
        {{ pseudonymise('ranked_offences.offence_id', 'libra.offence_id') }}
            as offence_id_hash,
        {{ pseudonymise(
            'ranked_offences.defendant_case_id', 'libra.defendant_case_id'
        ) }} as defendant_case_id_hash,
        {{ pseudonymise('defendant_cases.case_number', 'libra.case_number') }}
            as case_number_hash,
        {{ row_id_hash('mags_hocas', 'ranked_offences.defendant_case_id') }}
            as row_id_hash,
        'mags_hocas' as source_dataset,
        {{ pseudonymise('person_clusters.estimated_person_id',
            'person.dataset') }} as estimated_defendant_id,
        defendant_cases.court_code,

        -- offence
        ranked_offences.offence_seq,
        cast(ranked_offences.principal_offence_rank as integer)
            as principal_offence_rank,
        ranked_offences.is_principal_offence,
        ranked_offences.offence_code,
        ranked_offences.offence_description,
        ranked_offences.offence_group,
        ranked_offences.offence_class,
        ranked_offences.seriousness_score,
        ranked_offences.offence_date,

        -- plea
        ranked_offences.plea_code,
        ranked_offences.plea_type,
        ranked_offences.plea_stage,

        -- result
        ranked_offences.result_date as disposal_date,
        ranked_offences.disposal_code,
        ranked_offences.disposal_description,
        ranked_offences.disposal_type,
        ranked_offences.result_priority,
        ranked_offences.custodial_length_days,
        ranked_offences.order_length_months,
        ranked_offences.amount,
        ranked_offences.is_custodial,
        ranked_offences.is_conviction
    from ranked_offences
    inner join defendant_cases
        on ranked_offences.defendant_case_id = defendant_cases.defendant_case_id
    left join person_clusters
        on
            person_clusters.record_id
            = {{ record_id('mags_hocas', 'ranked_offences.defendant_case_id') }}
)

select * from final
