{#-
    A cross-justice journey: people whose first magistrates' case in the
    extract was disposed of between the start of the probation data and two
    years before the end of the extract, by the result of that case and
    their age, and how many of them were in prison custody (P-NOMIS) or
    started a probation event (nDelius) within two years of the disposal.
    People are cross-justice persons (estimated_xjs_id in xjs_link).
-#}
with

magistrates_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

custodial_journeys as (
    select * from {{ ref('nomis_flatfile') }}
),

probation_events as (
    select * from {{ ref('delius_flatfile') }}
),

xjs_link as (
    select * from {{ ref('xjs_link') }}
),

extract_end as (
    select max(disposal_date) as extract_date
    from magistrates_cases
),

probation_coverage as (
    select min(referral_date) as probation_start_date
    from probation_events
),

magistrates_people_cases as (
    select
        xjs_link.estimated_xjs_id,
        magistrates_cases.disposal_date,
        magistrates_cases.age_at_disposal,
        magistrates_cases.disposal_type
    from magistrates_cases
    inner join xjs_link
        on
            xjs_link.source_dataset = 'mags_hocas'
            and magistrates_cases.row_id_hash = xjs_link.row_id_hash
    qualify row_number() over (
        partition by xjs_link.estimated_xjs_id
        order by
            magistrates_cases.disposal_date,
            magistrates_cases.first_hearing_date,
            magistrates_cases.defendant_case_id_hash
    ) = 1
),

cohort as (
    select magistrates_people_cases.*
    from magistrates_people_cases
    cross join extract_end
    cross join probation_coverage
    where
        magistrates_people_cases.disposal_type is not null
        and magistrates_people_cases.disposal_date
        between probation_coverage.probation_start_date
        and extract_end.extract_date - 730
),

custody_people as (
    select
        xjs_link.estimated_xjs_id,
        custodial_journeys.journey_start_date,
        custodial_journeys.journey_end_date
    from custodial_journeys
    inner join xjs_link
        on
            xjs_link.source_dataset = 'prison_nomis'
            and custodial_journeys.row_id_hash = xjs_link.row_id_hash
),

probation_people as (
    select
        xjs_link.estimated_xjs_id,
        probation_events.referral_date
    from probation_events
    inner join xjs_link
        on
            xjs_link.source_dataset = 'probation_delius'
            and probation_events.row_id_hash = xjs_link.row_id_hash
),

later_custody as (
    select distinct cohort.estimated_xjs_id
    from cohort
    inner join custody_people
        on
            cohort.estimated_xjs_id = custody_people.estimated_xjs_id
            and cohort.disposal_date + 730 >= custody_people.journey_start_date
            and coalesce(
                cohort.disposal_date <= custody_people.journey_end_date, true
            )
),

later_probation as (
    select distinct cohort.estimated_xjs_id
    from cohort
    inner join probation_people
        on
            cohort.estimated_xjs_id = probation_people.estimated_xjs_id
            and probation_people.referral_date
            between cohort.disposal_date and cohort.disposal_date + 730
),

cohort_outcomes as (
    select
        case
            when cohort.disposal_type = 'immediate_custody'
                then 'immediate_custody'
            when
                cohort.disposal_type in (
                    'community_order', 'suspended_sentence'
                )
                then 'community_or_suspended'
            when
                cohort.disposal_type in (
                    'sent_for_trial', 'committed_for_sentence'
                )
                then 'sent_to_crown_court'
            when
                cohort.disposal_type in ('acquitted', 'dismissed', 'withdrawn')
                then 'not_convicted'
            else 'fine_discharge_or_other'
        end as first_case_result,
        case
            when cohort.age_at_disposal is null then 'not_known'
            when cohort.age_at_disposal < 25 then '10-24'
            when cohort.age_at_disposal < 40 then '25-39'
            else '40+'
        end as age_band,
        later_custody.estimated_xjs_id is not null as is_in_custody_within_2y,
        later_probation.estimated_xjs_id is not null
            as is_on_probation_within_2y
    from cohort
    left join later_custody
        on cohort.estimated_xjs_id = later_custody.estimated_xjs_id
    left join later_probation
        on cohort.estimated_xjs_id = later_probation.estimated_xjs_id
),

cells as (
    select
        coalesce(first_case_result, 'all') as first_case_result,
        coalesce(age_band, 'all') as age_band,
        count(*) as defendants_count,
        count(*) filter (where is_in_custody_within_2y) as custody_2y_count,
        count(*) filter (
            where is_on_probation_within_2y
        ) as probation_2y_count
    from cohort_outcomes
    group by cube(first_case_result, age_band)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['first_case_result', 'age_band'],
        ['defendants_count', 'custody_2y_count', 'probation_2y_count']
    ) }}
),

final as (
    select
        first_case_result,
        age_band,
        defendants_count,
        custody_2y_count,
        probation_2y_count,
        round(custody_2y_count / defendants_count, 3) as custody_2y_rate,
        round(probation_2y_count / defendants_count, 3) as probation_2y_rate
    from safe
)

select * from final
order by first_case_result, age_band
