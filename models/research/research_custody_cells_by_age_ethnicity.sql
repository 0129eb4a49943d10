{#-
    The sentenced cohorts of the two criminal courts, counted by age band at
    disposal and ethnic group (every combination, with `all` totals), for
    the custody-rate analyses: magistrates_custody_by_age_ethnicity and
    crown_custody_by_age_ethnicity each take their court's cells and make
    them safe. One set of bands for both courts, so their rates compare.
-#}
with

magistrates_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

crown_cases as (
    select * from {{ ref('xhibit_flatfile') }}
),

-- Magistrates' defendant-cases sentenced there: a committal for sentence
-- is sentenced in the Crown Court.
sentenced as (
    select
        'magistrates' as court,
        is_custodial,
        age_at_disposal,
        ethnic_group
    from magistrates_cases
    where
        is_conviction
        and disposal_type != 'committed_for_sentence'

    union all

    select
        'crown' as court,
        is_custodial,
        age_at_disposal,
        ethnic_group
    from crown_cases
    where is_conviction
),

banded as (
    select
        court,
        is_custodial,
        {{ age_band('age_at_disposal', [25, 40]) }} as age_band,
        coalesce(ethnic_group, 'not_known') as ethnic_group
    from sentenced
),

final as (
    select
        court,
        coalesce(age_band, 'all') as age_band,
        coalesce(ethnic_group, 'all') as ethnic_group,
        count(*) as sentenced_count,
        count(*) filter (where is_custodial) as custody_count
    from banded
    group by court, cube(age_band, ethnic_group)
)

select * from final
