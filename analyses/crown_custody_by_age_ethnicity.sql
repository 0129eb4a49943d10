{#-
    Sentencing outcomes in the Crown Court by age and ethnicity: custody
    rate (immediate custody as the principal disposal) among convicted
    defendants on case, by age band at disposal and ethnic group (cells:
    research_custody_cells_by_age_ethnicity). The Crown Court sees far fewer
    defendants, so more cells are suppressed.
-#}
with

cells as (
    select * exclude (court)
    from {{ ref('research_custody_cells_by_age_ethnicity') }}
    where court = 'crown'
),

final as (
    {{ disclosure_control(
        'cells',
        ['age_band', 'ethnic_group'],
        ['sentenced_count', 'custody_count'],
        rates={'custody_rate': ['custody_count', 'sentenced_count']},
    ) }}
)

select * from final
order by age_band, ethnic_group
