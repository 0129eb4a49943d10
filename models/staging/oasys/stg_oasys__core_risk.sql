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
        }) }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- codes
        nullif(trim(rosh_level_code), '') as rosh_level_code,
        {{ decode_code('rosh_level_code', 'rosh_levels', 'rosh_level_code',
            'rosh_level') }} as rosh_level,

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
        try_cast(attitudes_score as integer) as attitudes_score
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
        ]) }} as dq_flags
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
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
