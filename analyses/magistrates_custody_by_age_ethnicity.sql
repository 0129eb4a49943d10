{#-
    Sentencing outcomes in the magistrates' courts by age and ethnicity:
    custody rate (immediate custody of the principal offence) among the
    defendant-cases sentenced there, by age band at disposal and ethnic
    group.
-#}
with

defendant_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

sentenced as (
    select
        is_custodial,
        case
            when age_at_disposal is null then 'not_known'
            when age_at_disposal < 25 then '10-24'
            when age_at_disposal < 40 then '25-39'
            else '40+'
        end as age_band,
        coalesce(ethnic_group, 'not_known') as ethnic_group
    from defendant_cases
    where
        is_conviction
        and disposal_type != 'committed_for_sentence'
),

cells as (
    select
        coalesce(age_band, 'all') as age_band,
        coalesce(ethnic_group, 'all') as ethnic_group,
        count(*) as sentenced_count,
        count(*) filter (where is_custodial) as custody_count
    from sentenced
    group by cube(age_band, ethnic_group)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['age_band', 'ethnic_group'],
        ['sentenced_count', 'custody_count']
    ) }}
),

final as (
    select
        age_band,
        ethnic_group,
        sentenced_count,
        custody_count,
        round(custody_count / sentenced_count, 3) as custody_rate
    from safe
)

select * from final
order by age_band, ethnic_group
