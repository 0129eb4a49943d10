{#- One row per linked magistrates' defendant-case and Crown
    defendant-on-case, with the journey model's match score. -#}
with

journey_links as (
    select * from {{ ref('linkage_mags_crown_links') }}
),

final as (
    select
        {{ pseudonymise(
            "split_part(mags_record_id, '|', 2)", 'libra.defendant_case_id'
        ) }} as defendant_case_id_hash,
        {{ pseudonymise(
            "split_part(crown_record_id, '|', 2)",
            'xhibit.defendant_on_case_id'
        ) }} as defendant_on_case_id_hash,
        cast(match_weight as double) as match_weight,
        cast(match_probability as double) as match_probability
    from journey_links
)

select * from final
