{#- Layer 3 sections (1 offending information, 2 analysis of offences,
    5 finance, 10 emotional wellbeing, 13 health): null on other types.
    The lists below drive their range and code checks (dq_flags). -#}
{%- set section_items = [
    'finance_situation_score', 'finance_management_score',
    'finance_illegal_earnings_score', 'finance_gambling_score',
    'finance_debt_score', 'finance_reliance_on_others_score',
    'ewb_difficulties_coping_score',
    'ewb_psychological_problems_score',
    'ewb_social_isolation_score', 'ewb_attitude_to_self_score',
    'ewb_self_harm_suicide_score', 'ewb_psychiatric_problems_score',
    'ewb_psychiatric_treatment_score',
    'health_physical_condition_score', 'health_disability_score',
    'health_treatment_needed_score'] -%}
{%- set section_totals = {
    'finance_total': 12, 'ewb_total': 14, 'health_total': 6} -%}
{#- Source Y/N answer: staged boolean. -#}
{%- set section_flags = {
    'breach_history': 'has_breach_history',
    'offence_involved_violence': 'is_offence_violent',
    'offence_involved_weapon': 'is_offence_with_weapon',
    'offence_with_others': 'is_offence_with_others',
    'offence_accepts_responsibility': 'has_accepted_responsibility',
    'offence_part_of_pattern': 'is_offence_part_of_pattern',
    'offence_linked_to_risk': 'is_offence_linked_to_risk',
    'offence_linked_to_reoffending': 'is_offence_linked_to_reoffending',
    'finance_linked_to_risk': 'is_finance_linked_to_risk',
    'finance_linked_to_reoffending': 'is_finance_linked_to_reoffending',
    'ewb_linked_to_risk': 'is_ewb_linked_to_risk',
    'ewb_linked_to_reoffending': 'is_ewb_linked_to_reoffending'} -%}
{%- set section_checks = [
    ['not (' ~ (section_items | map('replace', '_score',
        '_score between 0 and 2') | join(' and ')) ~ ')',
        'section_item_out_of_range'],
    ['not (' ~ (section_totals.items() | map('join', ' between 0 and ')
        | join(' and ')) ~ ' and offending_information_score between 0 and 6)',
        'section_total_out_of_range'],
    ['not (total_sanctions_count >= 0 and previous_convictions_count >= 0'
        ~ ' and previous_custodial_sentences_count >= 0'
        ~ ' and offence_victim_count >= 0'
        ~ ' and age_at_first_sanction between 8 and 100'
        ~ ' and age_at_first_conviction between 8 and 100)',
        'offending_information_out_of_range'],
    ["offence_victim_relationship not in"
        ~ " ('stranger', 'known', 'partner', 'family')",
        'unknown_code:offence_victim_relationship'],
] -%}
{%- for column in section_flags %}
{%- do section_checks.append([column ~ "_source not in ('Y', 'N')",
    'unknown_code:' ~ column]) -%}
{%- endfor %}
with

source as (
    select * from {{ source('oasys', 'core_risk') }}
),

renamed as (
    select
        -- ids
        cast(core_risk_pk as string) as core_risk_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem({
            'ogrs3_1yr': 'integer',
            'ogrs3_2yr': 'integer',
            'ogp_1yr': 'integer',
            'ovp_1yr': 'integer',
            'accommodation_score': 'integer',
            'ete_score': 'integer',
            'relationships_score': 'integer',
            'lifestyle_score': 'integer',
            'drug_misuse_score': 'integer',
            'alcohol_misuse_score': 'integer',
            'thinking_behaviour_score': 'integer',
            'attitudes_score': 'integer',
            'total_sanctions_count': 'integer',
            'previous_convictions_count': 'integer',
            'age_at_first_sanction': 'integer',
            'age_at_first_conviction': 'integer',
            'previous_custodial_sentences_count': 'integer',
            'offending_information_score': 'integer',
            'offence_victim_count': 'integer',
            'finance_situation_score': 'integer',
            'finance_management_score': 'integer',
            'finance_illegal_earnings_score': 'integer',
            'finance_gambling_score': 'integer',
            'finance_debt_score': 'integer',
            'finance_reliance_on_others_score': 'integer',
            'ewb_difficulties_coping_score': 'integer',
            'ewb_psychological_problems_score': 'integer',
            'ewb_social_isolation_score': 'integer',
            'ewb_attitude_to_self_score': 'integer',
            'ewb_self_harm_suicide_score': 'integer',
            'ewb_psychiatric_problems_score': 'integer',
            'ewb_psychiatric_treatment_score': 'integer',
            'health_physical_condition_score': 'integer',
            'health_disability_score': 'integer',
            'health_treatment_needed_score': 'integer',
            'finance_total': 'integer',
            'ewb_total': 'integer',
            'health_total': 'integer',
        }) }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- codes
        nullif(trim(rosh_level_code), '') as rosh_level_code,
        {{ decode_code('rosh_level_code', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as rosh_level,
        lower(nullif(trim(index_offence_group), '')) as index_offence_group,
        lower(nullif(trim(offence_victim_relationship), ''))
            as offence_victim_relationship,

        -- numbers: predictor probabilities (%)
        try_cast(ogrs3_1yr as integer) as ogrs3_1yr,
        try_cast(ogrs3_2yr as integer) as ogrs3_2yr,
        try_cast(ogp_1yr as integer) as ogp_1yr,
        try_cast(ovp_1yr as integer) as ovp_1yr,

        -- numbers: criminogenic need scores (0-2)
        try_cast(accommodation_score as integer) as accommodation_score,
        try_cast(ete_score as integer) as ete_score,
        try_cast(relationships_score as integer) as relationships_score,
        try_cast(lifestyle_score as integer) as lifestyle_score,
        try_cast(drug_misuse_score as integer) as drug_misuse_score,
        try_cast(alcohol_misuse_score as integer) as alcohol_misuse_score,
        try_cast(thinking_behaviour_score as integer)
            as thinking_behaviour_score,
        try_cast(attitudes_score as integer) as attitudes_score,

        -- numbers: layer 3 section counts, ages, item scores and totals
        try_cast(total_sanctions_count as integer) as total_sanctions_count,
        try_cast(previous_convictions_count as integer)
            as previous_convictions_count,
        try_cast(age_at_first_sanction as integer) as age_at_first_sanction,
        try_cast(age_at_first_conviction as integer) as age_at_first_conviction,
        try_cast(previous_custodial_sentences_count as integer)
            as previous_custodial_sentences_count,
        try_cast(offending_information_score as integer)
            as offending_information_score,
        try_cast(offence_victim_count as integer) as offence_victim_count,
        try_cast(finance_situation_score as integer) as finance_situation_score,
        try_cast(finance_management_score as integer)
            as finance_management_score,
        try_cast(finance_illegal_earnings_score as integer)
            as finance_illegal_earnings_score,
        try_cast(finance_gambling_score as integer) as finance_gambling_score,
        try_cast(finance_debt_score as integer) as finance_debt_score,
        try_cast(finance_reliance_on_others_score as integer)
            as finance_reliance_on_others_score,
        try_cast(ewb_difficulties_coping_score as integer)
            as ewb_difficulties_coping_score,
        try_cast(ewb_psychological_problems_score as integer)
            as ewb_psychological_problems_score,
        try_cast(ewb_social_isolation_score as integer)
            as ewb_social_isolation_score,
        try_cast(ewb_attitude_to_self_score as integer)
            as ewb_attitude_to_self_score,
        try_cast(ewb_self_harm_suicide_score as integer)
            as ewb_self_harm_suicide_score,
        try_cast(ewb_psychiatric_problems_score as integer)
            as ewb_psychiatric_problems_score,
        try_cast(ewb_psychiatric_treatment_score as integer)
            as ewb_psychiatric_treatment_score,
        try_cast(health_physical_condition_score as integer)
            as health_physical_condition_score,
        try_cast(health_disability_score as integer) as health_disability_score,
        try_cast(health_treatment_needed_score as integer)
            as health_treatment_needed_score,
        try_cast(finance_total as integer) as finance_total,
        try_cast(ewb_total as integer) as ewb_total,
        try_cast(health_total as integer) as health_total,

        -- raw 'Y'/'N' answers of the layer 3 sections, for the checks below
        upper(nullif(trim(breach_history), '')) as breach_history_source,
        upper(nullif(trim(offence_involved_violence), ''))
            as offence_involved_violence_source,
        upper(nullif(trim(offence_involved_weapon), ''))
            as offence_involved_weapon_source,
        upper(nullif(trim(offence_with_others), ''))
            as offence_with_others_source,
        upper(nullif(trim(offence_accepts_responsibility), ''))
            as offence_accepts_responsibility_source,
        upper(nullif(trim(offence_part_of_pattern), ''))
            as offence_part_of_pattern_source,
        upper(nullif(trim(offence_linked_to_risk), ''))
            as offence_linked_to_risk_source,
        upper(nullif(trim(offence_linked_to_reoffending), ''))
            as offence_linked_to_reoffending_source,
        upper(nullif(trim(finance_linked_to_risk), ''))
            as finance_linked_to_risk_source,
        upper(nullif(trim(finance_linked_to_reoffending), ''))
            as finance_linked_to_reoffending_source,
        upper(nullif(trim(ewb_linked_to_risk), ''))
            as ewb_linked_to_risk_source,
        upper(nullif(trim(ewb_linked_to_reoffending), ''))
            as ewb_linked_to_reoffending_source,

        -- booleans: the layer 3 sections' Y/N answers
        case upper(trim(breach_history))
            when 'Y' then true
            when 'N' then false
        end as has_breach_history,
        case upper(trim(offence_involved_violence))
            when 'Y' then true
            when 'N' then false
        end as is_offence_violent,
        case upper(trim(offence_involved_weapon))
            when 'Y' then true
            when 'N' then false
        end as is_offence_with_weapon,
        case upper(trim(offence_with_others))
            when 'Y' then true
            when 'N' then false
        end as is_offence_with_others,
        case upper(trim(offence_accepts_responsibility))
            when 'Y' then true
            when 'N' then false
        end as has_accepted_responsibility,
        case upper(trim(offence_part_of_pattern))
            when 'Y' then true
            when 'N' then false
        end as is_offence_part_of_pattern,
        case upper(trim(offence_linked_to_risk))
            when 'Y' then true
            when 'N' then false
        end as is_offence_linked_to_risk,
        case upper(trim(offence_linked_to_reoffending))
            when 'Y' then true
            when 'N' then false
        end as is_offence_linked_to_reoffending,
        case upper(trim(finance_linked_to_risk))
            when 'Y' then true
            when 'N' then false
        end as is_finance_linked_to_risk,
        case upper(trim(finance_linked_to_reoffending))
            when 'Y' then true
            when 'N' then false
        end as is_finance_linked_to_reoffending,
        case upper(trim(ewb_linked_to_risk))
            when 'Y' then true
            when 'N' then false
        end as is_ewb_linked_to_risk,
        case upper(trim(ewb_linked_to_reoffending))
            when 'Y' then true
            when 'N' then false
        end as is_ewb_linked_to_reoffending
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('core_risk_pk', 'oasys_set_pk') + [
            ['rosh_level_code is null or not ' ~ code_in_seed(
                'rosh_level_code', 'rosh_levels', 'rosh_level_code'),
                'unknown_code:rosh_level_code'],
        ]) }} as quarantine_reason,
        {{ all_flags([
            ['not (ogrs3_1yr between 0 and 100 and ogrs3_2yr between 0 and 100'
                ~ ' and ogp_1yr between 0 and 100'
                ~ ' and ovp_1yr between 0 and 100)',
                'predictor_out_of_range'],
            ['not (accommodation_score between 0 and 2'
                ~ ' and ete_score between 0 and 2'
                ~ ' and relationships_score between 0 and 2'
                ~ ' and lifestyle_score between 0 and 2'
                ~ ' and drug_misuse_score between 0 and 2'
                ~ ' and alcohol_misuse_score between 0 and 2'
                ~ ' and thinking_behaviour_score between 0 and 2'
                ~ ' and attitudes_score between 0 and 2)',
                'need_score_out_of_range'],
        ] + section_checks) }} as dq_flags
    from renamed
),

final as (
    select
        core_risk_pk,
        source_row_number,
        oasys_set_pk,
        rosh_level_code,
        rosh_level,
        ogrs3_1yr,
        ogrs3_2yr,
        ogp_1yr,
        ovp_1yr,
        accommodation_score,
        ete_score,
        relationships_score,
        lifestyle_score,
        drug_misuse_score,
        alcohol_misuse_score,
        thinking_behaviour_score,
        attitudes_score,
        index_offence_group,
        offence_victim_relationship,
        total_sanctions_count,
        previous_convictions_count,
        age_at_first_sanction,
        age_at_first_conviction,
        previous_custodial_sentences_count,
        offending_information_score,
        offence_victim_count,
        finance_situation_score,
        finance_management_score,
        finance_illegal_earnings_score,
        finance_gambling_score,
        finance_debt_score,
        finance_reliance_on_others_score,
        ewb_difficulties_coping_score,
        ewb_psychological_problems_score,
        ewb_social_isolation_score,
        ewb_attitude_to_self_score,
        ewb_self_harm_suicide_score,
        ewb_psychiatric_problems_score,
        ewb_psychiatric_treatment_score,
        health_physical_condition_score,
        health_disability_score,
        health_treatment_needed_score,
        finance_total,
        ewb_total,
        health_total,
        has_breach_history,
        is_offence_violent,
        is_offence_with_weapon,
        is_offence_with_others,
        has_accepted_responsibility,
        is_offence_part_of_pattern,
        is_offence_linked_to_risk,
        is_offence_linked_to_reoffending,
        is_finance_linked_to_risk,
        is_finance_linked_to_reoffending,
        is_ewb_linked_to_risk,
        is_ewb_linked_to_reoffending,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
