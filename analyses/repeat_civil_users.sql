{#-
    Repeat civil court users: individual parties (never companies) to
    county court money claims (CaseMan) and possession claims (PCOL) by the
    number of cases they are a party to, in any role. Within a system the
    person is the system's estimated_party_id; across both systems
    (court_system either) it is the cross-justice person of xjs_link
    (estimated_xjs_id), which also joins the same person's CaseMan and PCOL
    cases.
-#}
with

caseman_parties as (
    select * from {{ ref('caseman_parties') }}
),

pcol_parties as (
    select * from {{ ref('pcol_parties') }}
),

xjs_link as (
    select * from {{ ref('xjs_link') }}
),

parties as (
    select
        'caseman' as court_system,
        source_dataset,
        row_id_hash,
        estimated_party_id,
        case_number_hash as case_hash
    from caseman_parties
    where estimated_party_id is not null
    union all
    select
        'pcol' as court_system,
        source_dataset,
        row_id_hash,
        estimated_party_id,
        case_number_hash as case_hash
    from pcol_parties
    where estimated_party_id is not null
),

people_in_system as (
    select
        court_system,
        estimated_party_id as person_id,
        count(distinct case_hash) as number_of_cases
    from parties
    group by court_system, estimated_party_id
),

people_in_either_system as (
    select
        'either' as court_system,
        xjs_link.estimated_xjs_id as person_id,
        count(distinct parties.case_hash) as number_of_cases
    from parties
    inner join xjs_link
        on
            parties.source_dataset = xjs_link.source_dataset
            and parties.row_id_hash = xjs_link.row_id_hash
    group by xjs_link.estimated_xjs_id
),

people as (
    select * from people_in_system
    union all
    select * from people_in_either_system
),

people_banded as (
    select
        court_system,
        case
            when number_of_cases = 1 then '1 case'
            when number_of_cases = 2 then '2 cases'
            else '3+ cases'
        end as cases_band
    from people
),

cells as (
    select
        court_system,
        coalesce(cases_band, 'all') as cases_band,
        count(*) as people_count
    from people_banded
    group by rollup(court_system, cases_band)
    having grouping(court_system) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['court_system', 'cases_band'],
        ['people_count']
    ) }}
),

final as (
    select
        court_system,
        cases_band,
        people_count,
        case
            when cases_band != 'all'
                then round(
                    people_count / max(
                        case when cases_band = 'all' then people_count end
                    ) over (partition by court_system),
                    3
                )
        end as share_of_system
    from safe
)

select * from final
order by court_system, cases_band
