{#- One row per main OASys assessment (layer 1/2/3, OASys 1/2) with its
    reoffending predictors, overall risk of serious harm and criminogenic
    need scores; on a layer 3 assessment also the scored sections 1, 2, 5,
    10 and 13 (null on other types). Values outside the source's defined
    ranges (flagged in staging) are published as null. -#}
with

core_risk as (
    select * from {{ ref('int_oasys_core_risk_trusted') }}
),

assessments as (
    select * from {{ ref('int_oasys_assessments_joined') }}
    where is_main_assessment
),

in_range as (
    select
        core_risk.oasys_set_pk,
        core_risk.rosh_level_code,
        core_risk.rosh_level,
        case
            when core_risk.ogrs3_1yr between 0 and 100 then core_risk.ogrs3_1yr
        end as ogrs3_1yr,
        case
            when core_risk.ogrs3_2yr between 0 and 100 then core_risk.ogrs3_2yr
        end as ogrs3_2yr,
        case
            when core_risk.ogp_1yr between 0 and 100 then core_risk.ogp_1yr
        end as ogp_1yr,
        case
            when core_risk.ovp_1yr between 0 and 100 then core_risk.ovp_1yr
        end as ovp_1yr,
        case
            when core_risk.accommodation_score between 0 and 2
                then core_risk.accommodation_score
        end as accommodation_score,
        case
            when core_risk.ete_score between 0 and 2 then core_risk.ete_score
        end as ete_score,
        case
            when core_risk.relationships_score between 0 and 2
                then core_risk.relationships_score
        end as relationships_score,
        case
            when core_risk.lifestyle_score between 0 and 2
                then core_risk.lifestyle_score
        end as lifestyle_score,
        case
            when core_risk.drug_misuse_score between 0 and 2
                then core_risk.drug_misuse_score
        end as drug_misuse_score,
        case
            when core_risk.alcohol_misuse_score between 0 and 2
                then core_risk.alcohol_misuse_score
        end as alcohol_misuse_score,
        case
            when core_risk.thinking_behaviour_score between 0 and 2
                then core_risk.thinking_behaviour_score
        end as thinking_behaviour_score,
        case
            when core_risk.attitudes_score between 0 and 2
                then core_risk.attitudes_score
        end as attitudes_score,
        case
            when core_risk.total_sanctions_count between 0 and 500
                then core_risk.total_sanctions_count
        end as total_sanctions_count,
        case
            when core_risk.previous_convictions_count between 0 and 500
                then core_risk.previous_convictions_count
        end as previous_convictions_count,
        case
            when core_risk.age_at_first_sanction between 8 and 100
                then core_risk.age_at_first_sanction
        end as age_at_first_sanction,
        case
            when core_risk.age_at_first_conviction between 8 and 100
                then core_risk.age_at_first_conviction
        end as age_at_first_conviction,
        case
            when core_risk.previous_custodial_sentences_count between 0 and 500
                then core_risk.previous_custodial_sentences_count
        end as previous_custodial_sentences_count,
        case
            when core_risk.offending_information_score between 0 and 6
                then core_risk.offending_information_score
        end as offending_information_score,
        case
            when core_risk.offence_victim_count between 0 and 100
                then core_risk.offence_victim_count
        end as offence_victim_count,
        case
            when core_risk.finance_situation_score between 0 and 2
                then core_risk.finance_situation_score
        end as finance_situation_score,
        case
            when core_risk.finance_management_score between 0 and 2
                then core_risk.finance_management_score
        end as finance_management_score,
        case
            when core_risk.finance_illegal_earnings_score between 0 and 2
                then core_risk.finance_illegal_earnings_score
        end as finance_illegal_earnings_score,
        case
            when core_risk.finance_gambling_score between 0 and 2
                then core_risk.finance_gambling_score
        end as finance_gambling_score,
        case
            when core_risk.finance_debt_score between 0 and 2
                then core_risk.finance_debt_score
        end as finance_debt_score,
        case
            when core_risk.finance_reliance_on_others_score between 0 and 2
                then core_risk.finance_reliance_on_others_score
        end as finance_reliance_on_others_score,
        case
            when core_risk.ewb_difficulties_coping_score between 0 and 2
                then core_risk.ewb_difficulties_coping_score
        end as ewb_difficulties_coping_score,
        case
            when
                core_risk.ewb_psychological_problems_score between 0 and 2
                then core_risk.ewb_psychological_problems_score
        end as ewb_psychological_problems_score,
        case
            when core_risk.ewb_social_isolation_score between 0 and 2
                then core_risk.ewb_social_isolation_score
        end as ewb_social_isolation_score,
        case
            when core_risk.ewb_attitude_to_self_score between 0 and 2
                then core_risk.ewb_attitude_to_self_score
        end as ewb_attitude_to_self_score,
        case
            when core_risk.ewb_self_harm_suicide_score between 0 and 2
                then core_risk.ewb_self_harm_suicide_score
        end as ewb_self_harm_suicide_score,
        case
            when
                core_risk.ewb_psychiatric_problems_score between 0 and 2
                then core_risk.ewb_psychiatric_problems_score
        end as ewb_psychiatric_problems_score,
        case
            when
                core_risk.ewb_psychiatric_treatment_score between 0 and 2
                then core_risk.ewb_psychiatric_treatment_score
        end as ewb_psychiatric_treatment_score,
        case
            when core_risk.health_physical_condition_score between 0 and 2
                then core_risk.health_physical_condition_score
        end as health_physical_condition_score,
        case
            when core_risk.health_disability_score between 0 and 2
                then core_risk.health_disability_score
        end as health_disability_score,
        case
            when core_risk.health_treatment_needed_score between 0 and 2
                then core_risk.health_treatment_needed_score
        end as health_treatment_needed_score,
        case
            when core_risk.finance_total between 0 and 12
                then core_risk.finance_total
        end as finance_total,
        case
            when core_risk.ewb_total between 0 and 14
                then core_risk.ewb_total
        end as ewb_total,
        case
            when core_risk.health_total between 0 and 6
                then core_risk.health_total
        end as health_total,
        core_risk.index_offence_group,
        core_risk.offence_victim_relationship,
        core_risk.has_breach_history,
        core_risk.is_offence_violent,
        core_risk.is_offence_with_weapon,
        core_risk.is_offence_with_others,
        core_risk.has_accepted_responsibility,
        core_risk.is_offence_part_of_pattern,
        core_risk.is_offence_linked_to_risk,
        core_risk.is_offence_linked_to_reoffending,
        core_risk.is_finance_linked_to_risk,
        core_risk.is_finance_linked_to_reoffending,
        core_risk.is_ewb_linked_to_risk,
        core_risk.is_ewb_linked_to_reoffending
    from core_risk
),

final as (
    select
        {{ oasys_assessment_keys(with_parent=false) }},
        in_range.ogrs3_1yr,
        in_range.ogrs3_2yr,
        case
            when in_range.ogrs3_2yr >= 90 then 'very_high'
            when in_range.ogrs3_2yr >= 75 then 'high'
            when in_range.ogrs3_2yr >= 50 then 'medium'
            when in_range.ogrs3_2yr >= 0 then 'low'
        end as ogrs3_2yr_band,
        in_range.ogp_1yr,
        in_range.ovp_1yr,
        in_range.rosh_level_code,
        in_range.rosh_level,
        in_range.accommodation_score,
        in_range.ete_score,
        in_range.relationships_score,
        in_range.lifestyle_score,
        in_range.drug_misuse_score,
        in_range.alcohol_misuse_score,
        in_range.thinking_behaviour_score,
        in_range.attitudes_score,
        -- the sections below belong to the layer 3 (full) assessment only
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.total_sanctions_count
        end as total_sanctions_count,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.previous_convictions_count
        end as previous_convictions_count,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.age_at_first_sanction
        end as age_at_first_sanction,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.age_at_first_conviction
        end as age_at_first_conviction,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.previous_custodial_sentences_count
        end as previous_custodial_sentences_count,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.has_breach_history
        end as has_breach_history,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.offending_information_score
        end as offending_information_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.index_offence_group
        end as index_offence_group,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_violent
        end as is_offence_violent,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_with_weapon
        end as is_offence_with_weapon,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.offence_victim_count
        end as offence_victim_count,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.offence_victim_relationship
        end as offence_victim_relationship,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_with_others
        end as is_offence_with_others,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.has_accepted_responsibility
        end as has_accepted_responsibility,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_part_of_pattern
        end as is_offence_part_of_pattern,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_linked_to_risk
        end as is_offence_linked_to_risk,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_offence_linked_to_reoffending
        end as is_offence_linked_to_reoffending,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_situation_score
        end as finance_situation_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_management_score
        end as finance_management_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_illegal_earnings_score
        end as finance_illegal_earnings_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_gambling_score
        end as finance_gambling_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_debt_score
        end as finance_debt_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_reliance_on_others_score
        end as finance_reliance_on_others_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.finance_total
        end as finance_total,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_finance_linked_to_risk
        end as is_finance_linked_to_risk,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_finance_linked_to_reoffending
        end as is_finance_linked_to_reoffending,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_difficulties_coping_score
        end as ewb_difficulties_coping_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_psychological_problems_score
        end as ewb_psychological_problems_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_social_isolation_score
        end as ewb_social_isolation_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_attitude_to_self_score
        end as ewb_attitude_to_self_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_self_harm_suicide_score
        end as ewb_self_harm_suicide_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_psychiatric_problems_score
        end as ewb_psychiatric_problems_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_psychiatric_treatment_score
        end as ewb_psychiatric_treatment_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.ewb_total
        end as ewb_total,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_ewb_linked_to_risk
        end as is_ewb_linked_to_risk,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.is_ewb_linked_to_reoffending
        end as is_ewb_linked_to_reoffending,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.health_physical_condition_score
        end as health_physical_condition_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.health_disability_score
        end as health_disability_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.health_treatment_needed_score
        end as health_treatment_needed_score,
        case
            when assessments.assessment_class = 'layer_3'
                then in_range.health_total
        end as health_total
    from in_range
    inner join assessments
        on in_range.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
