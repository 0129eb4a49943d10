{#-
    The stage of a case at which defendants plead guilty: defendant-cases in
    the magistrates' courts and in the Crown Court (by Crown case type) by
    the plea to the principal offence and its stage. Defendant-cases with no
    recorded plea (no trusted principal offence) are left out.
-#}
with

magistrates_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

crown_cases as (
    select * from {{ ref('xhibit_flatfile') }}
),

defendant_cases as (
    select
        'magistrates' as court,
        plea_type,
        plea_stage
    from magistrates_cases
    where plea_type is not null
    union all
    select
        case case_type
            when 'T' then 'crown_trial'
            when 'S' then 'crown_committal_for_sentence'
            when 'A' then 'crown_appeal'
        end as court,
        plea_type,
        plea_stage
    from crown_cases
    where case_type is not null and plea_type is not null
),

defendant_cases_grouped as (
    select
        court,
        case
            when
                plea_type in ('guilty', 'guilty_lesser')
                and plea_stage = 'first_hearing'
                then '1: guilty at first hearing'
            when plea_type in ('guilty', 'guilty_lesser')
                then '2: guilty later'
            when plea_type = 'not_guilty' then '3: not guilty'
            else '4: no plea'
        end as plea
    from defendant_cases
),

cells as (
    select
        court,
        coalesce(plea, 'all') as plea,
        count(*) as defendants_count
    from defendant_cases_grouped
    group by rollup(court, plea)
    having grouping(court) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['court', 'plea'],
        ['defendants_count']
    ) }}
),

final as (
    select
        court,
        plea,
        defendants_count,
        case
            when plea != 'all'
                then round(
                    defendants_count / max(
                        case when plea = 'all' then defendants_count end
                    ) over (partition by court),
                    3
                )
        end as share_of_court
    from safe
)

select * from final
order by court, plea
