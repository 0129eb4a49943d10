{#- One row per main OASys assessment (layer 1/2/3, OASys 1/2) with its
    reoffending predictors, overall risk of serious harm and criminogenic
    need scores. Values outside the source's defined ranges (flagged in
    staging) are published as null. -#}
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
        end as attitudes_score
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
        in_range.attitudes_score
    from in_range
    inner join assessments
        on in_range.oasys_set_pk = assessments.oasys_set_pk
)

select * from final
