{#- How well the journey linkage finds the magistrates' case each Crown case
    came from, against the generator's truth: every trusted Crown case, and
    apart, the Crown cases of the truth whose Crown row was quarantined. -#}
with

crown_records as (
    select record_id
    from {{ ref('int_court_cases_journey_prepared') }}
    where source_dataset = 'crown_xhibit'
),

truth as (
    select * from {{ ref('stg_truth__crown_mags_cases') }}
),

links as (
    select * from {{ ref('linkage_mags_crown_links') }}
),

judged as (
    select
        crown_records.record_id,
        coalesce(truth.is_mags_case_in_extract, false)
            as came_from_linkable_case,
        links.mags_record_id,
        case
            when
                truth.is_mags_case_in_extract
                and links.mags_record_id = truth.mags_record_id
                then 'right'
            when links.mags_record_id is not null then 'wrong'
            when truth.is_mags_case_in_extract then 'missed'
            else 'correctly_unlinked'
        end as outcome
    from crown_records
    left join truth
        on crown_records.record_id = truth.crown_record_id
    left join links
        on crown_records.record_id = links.crown_record_id
),

-- Crown cases of the truth from a magistrates' case of the extract whose
-- Crown row was quarantined: not among the Crown cases judged, counted
-- apart. Those whose magistrates' row was quarantined are judged (missed:
-- the case they came from is in the extract) and counted here too.
lost as (
    select
        count(*) filter (
            where truth.crown_record_id not in (
                select crown_records.record_id from crown_records
            )
        ) as lost_to_quarantine,
        count(*) filter (
            where
            truth.crown_record_id in (
                select crown_records.record_id from crown_records
            )
            and truth.mags_record_id not in (
                select journey_cases.record_id
                from {{ ref('int_court_cases_journey_prepared') }}
                    as journey_cases
            )
        ) as missed_to_quarantine
    from truth
    where truth.is_mags_case_in_extract
),

counted as (
    select
        count(*) as crown_cases,
        count(*) filter (where came_from_linkable_case)
            as crown_cases_from_linkable_mags_case,
        count(*) filter (where outcome = 'right') as linked_right,
        count(*) filter (where outcome = 'wrong') as linked_wrong,
        count(*) filter (where outcome = 'missed') as missed,
        count(*) filter (where outcome = 'correctly_unlinked')
            as correctly_unlinked,
        cast(count(*) filter (where outcome = 'right') as double)
        / nullif(count(*) filter (where came_from_linkable_case), 0)
            as share_linked_right,
        cast(count(*) filter (where outcome = 'wrong') as double)
        / nullif(count(*), 0) as share_linked_wrong,
        cast(count(*) filter (where outcome = 'missed') as double)
        / nullif(count(*) filter (where came_from_linkable_case), 0)
            as share_missed
    from judged
),

final as (
    select
        counted.*,
        lost.lost_to_quarantine,
        lost.missed_to_quarantine,
        cast(counted.linked_right as double)
        / nullif(
            counted.crown_cases_from_linkable_mags_case
            + lost.lost_to_quarantine,
            0
        ) as share_of_truth_linked_right
    from counted
    cross join lost
)

select * from final
