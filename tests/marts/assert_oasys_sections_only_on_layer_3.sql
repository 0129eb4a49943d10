{#- The layer 3 sections (1, 2, 5, 10, 13) of
    oasys_assessments_details_core_risk hold values on layer 3 assessments
    only, and every layer 3 assessment has its finance, emotional wellbeing
    and health totals or its offending information. Returns the rows that
    break either rule. -#}
with

core_risk as (
    select * from {{ ref('oasys_assessments_details_core_risk') }}
),

metadata as (
    select * from {{ ref('assessments_metadata') }}
),

final as (
    select
        core_risk.assessment_id_hash,
        metadata.assessment_class
    from core_risk
    inner join metadata
        on core_risk.assessment_id_hash = metadata.assessment_id_hash
    where
        (
            metadata.assessment_class != 'layer_3'
            and coalesce(
                core_risk.total_sanctions_count,
                core_risk.previous_convictions_count,
                core_risk.offending_information_score,
                core_risk.offence_victim_count,
                core_risk.finance_total,
                core_risk.ewb_total,
                core_risk.health_total
            ) is not null
        )
        or (
            metadata.assessment_class != 'layer_3'
            and coalesce(
                core_risk.has_breach_history,
                core_risk.is_offence_violent,
                core_risk.is_finance_linked_to_risk,
                core_risk.is_ewb_linked_to_risk
            ) is not null
        )
        or (
            metadata.assessment_class = 'layer_3'
            and core_risk.offending_information_score is null
            and core_risk.finance_total is null
            and core_risk.ewb_total is null
            and core_risk.health_total is null
        )
)

select * from final
