{#-
    Overlap between family-court and criminal-court users: individual
    parties to FamilyMan cases (cross-justice person, estimated_xjs_id) by
    their role category and the case's law type, and how many of them
    appear, at any time, in any criminal dataset (magistrates' courts,
    Crown Court, prison, probation, OASys) and in the magistrates', prison
    and probation datasets, through xjs_link.
-#}
with

family_parties as (
    select * from {{ ref('family_people') }}
),

family_cases as (
    select * from {{ ref('family_cases') }}
),

magistrates_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

crown_cases as (
    select * from {{ ref('xhibit_flatfile') }}
),

custodial_journeys as (
    select * from {{ ref('nomis_flatfile') }}
),

probation_events as (
    select * from {{ ref('delius_flatfile') }}
),

assessments as (
    select * from {{ ref('assessments_metadata') }}
),

xjs_link as (
    select * from {{ ref('xjs_link') }}
),

family_people as (
    select distinct
        xjs_link.estimated_xjs_id,
        family_parties.party_category as party_role,
        family_cases.law_type
    from family_parties
    inner join family_cases
        on family_parties.case_number_hash = family_cases.case_number_hash
    inner join xjs_link
        on
            family_parties.source_dataset = xjs_link.source_dataset
            and family_parties.row_id_hash = xjs_link.row_id_hash
    where not family_parties.is_organisation
),

criminal_records as (
    select
        source_dataset,
        row_id_hash
    from magistrates_cases
    union
    select
        source_dataset,
        row_id_hash
    from crown_cases
    union
    select
        source_dataset,
        row_id_hash
    from custodial_journeys
    union
    select
        source_dataset,
        row_id_hash
    from probation_events
    union
    select
        source_dataset,
        row_id_hash
    from assessments
),

criminal_people as (
    select
        xjs_link.estimated_xjs_id,
        bool_or(
            criminal_records.source_dataset = 'mags_hocas'
        ) as is_in_magistrates,
        bool_or(
            criminal_records.source_dataset = 'prison_nomis'
        ) as is_in_prison,
        bool_or(
            criminal_records.source_dataset = 'probation_delius'
        ) as is_in_probation
    from criminal_records
    inner join xjs_link
        on
            criminal_records.source_dataset = xjs_link.source_dataset
            and criminal_records.row_id_hash = xjs_link.row_id_hash
    group by xjs_link.estimated_xjs_id
),

family_people_matched as (
    select
        family_people.estimated_xjs_id,
        family_people.party_role,
        family_people.law_type,
        criminal_people.estimated_xjs_id is not null as is_in_criminal,
        coalesce(criminal_people.is_in_magistrates, false)
            as is_in_magistrates,
        coalesce(criminal_people.is_in_prison, false) as is_in_prison,
        coalesce(criminal_people.is_in_probation, false) as is_in_probation
    from family_people
    left join criminal_people
        on family_people.estimated_xjs_id = criminal_people.estimated_xjs_id
),

cells as (
    select
        party_role,
        coalesce(law_type, 'all') as law_type,
        count(distinct estimated_xjs_id) as parties_count,
        count(distinct estimated_xjs_id) filter (
            where is_in_criminal
        ) as in_criminal_count,
        count(distinct estimated_xjs_id) filter (
            where is_in_magistrates
        ) as in_magistrates_count,
        count(distinct estimated_xjs_id) filter (
            where is_in_prison
        ) as in_prison_count,
        count(distinct estimated_xjs_id) filter (
            where is_in_probation
        ) as in_probation_count
    from family_people_matched
    group by rollup(party_role, law_type)
    -- Children (almost never in the criminal data) and other parties
    -- (children's guardians, interveners: few) are not split by law type.
    having
        grouping(party_role) = 0
        and (
            party_role in ('applicant', 'respondent')
            or grouping(law_type) = 1
        )
),

safe as (
    {{ disclosure_control(
        'cells',
        ['party_role', 'law_type'],
        [
            'parties_count',
            'in_criminal_count',
            'in_magistrates_count',
            'in_prison_count',
            'in_probation_count',
        ]
    ) }}
),

final as (
    select
        party_role,
        law_type,
        parties_count,
        in_criminal_count,
        in_magistrates_count,
        in_prison_count,
        in_probation_count,
        round(in_criminal_count / parties_count, 3) as share_in_criminal,
        round(
            in_magistrates_count / parties_count, 3
        ) as share_in_magistrates,
        round(in_prison_count / parties_count, 3) as share_in_prison,
        round(in_probation_count / parties_count, 3) as share_in_probation
    from safe
)

select * from final
order by party_role, law_type
