{#-
    Sentencing outcomes in the magistrates' courts by age and ethnicity:
    custody rate (immediate custody of the principal offence) among the
    defendant-cases sentenced there, by age band at disposal and ethnic
    group (cells: research_custody_cells_by_age_ethnicity).
-#}
with

cells as (
    select * exclude (court)
    from {{ ref('research_custody_cells_by_age_ethnicity') }}
    where court = 'magistrates'
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
