{#-
    A cross-justice cohort: people whose first magistrates' case in the
    extract was disposed of between the start of the probation data and two
    years before the end of the extract, with the result of that case and
    whether they were in prison custody (P-NOMIS) or started a probation
    event (nDelius) within two years of the disposal. People are
    cross-justice persons of xjs_link, taken at each of its three
    match-probability thresholds (one row per person per threshold level),
    so that a finding can be read at the default threshold and its
    sensitivity to linkage error measured at the low and high ones.
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

xjs_link_by_threshold as (
    select
        source_dataset,
        row_id_hash,
        'low' as threshold_level,
        estimated_xjs_id_low as estimated_xjs_id
    from xjs_link
    union all
    select
        source_dataset,
        row_id_hash,
        'default' as threshold_level,
        estimated_xjs_id
    from xjs_link
    union all
    select
        source_dataset,
        row_id_hash,
        'high' as threshold_level,
        estimated_xjs_id_high as estimated_xjs_id
    from xjs_link
),

-- The person's first magistrates' case: the earliest disposed of.
magistrates_people_cases as (
    select
        xjs_link_by_threshold.threshold_level,
        xjs_link_by_threshold.estimated_xjs_id,
        magistrates_cases.defendant_case_id_hash,
        magistrates_cases.disposal_date,
        magistrates_cases.age_at_disposal,
        magistrates_cases.disposal_type
    from magistrates_cases
    inner join xjs_link_by_threshold
        on
            magistrates_cases.source_dataset
            = xjs_link_by_threshold.source_dataset
            and magistrates_cases.row_id_hash
            = xjs_link_by_threshold.row_id_hash
    qualify row_number() over (
        partition by
            xjs_link_by_threshold.threshold_level,
            xjs_link_by_threshold.estimated_xjs_id
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
        xjs_link_by_threshold.threshold_level,
        xjs_link_by_threshold.estimated_xjs_id,
        custodial_journeys.journey_start_date,
        custodial_journeys.journey_end_date
    from custodial_journeys
    inner join xjs_link_by_threshold
        on
            custodial_journeys.source_dataset
            = xjs_link_by_threshold.source_dataset
            and custodial_journeys.row_id_hash
            = xjs_link_by_threshold.row_id_hash
),

probation_people as (
    select
        xjs_link_by_threshold.threshold_level,
        xjs_link_by_threshold.estimated_xjs_id,
        probation_events.referral_date
    from probation_events
    inner join xjs_link_by_threshold
        on
            probation_events.source_dataset
            = xjs_link_by_threshold.source_dataset
            and probation_events.row_id_hash
            = xjs_link_by_threshold.row_id_hash
),

-- In custody within two years: a journey that started by two years after
-- the disposal and had not ended before it.
later_custody as (
    select distinct
        cohort.threshold_level,
        cohort.estimated_xjs_id
    from cohort
    inner join custody_people
        on
            cohort.threshold_level = custody_people.threshold_level
            and cohort.estimated_xjs_id = custody_people.estimated_xjs_id
            and cohort.disposal_date + 730 >= custody_people.journey_start_date
            and coalesce(
                cohort.disposal_date <= custody_people.journey_end_date, true
            )
),

later_probation as (
    select distinct
        cohort.threshold_level,
        cohort.estimated_xjs_id
    from cohort
    inner join probation_people
        on
            cohort.threshold_level = probation_people.threshold_level
            and cohort.estimated_xjs_id = probation_people.estimated_xjs_id
            and probation_people.referral_date
            between cohort.disposal_date and cohort.disposal_date + 730
),

final as (
    select
        cohort.threshold_level,
        cohort.estimated_xjs_id,
        cohort.defendant_case_id_hash,
        cohort.disposal_date,
        cohort.age_at_disposal,
        cohort.disposal_type,
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
        later_custody.estimated_xjs_id is not null as is_in_custody_within_2y,
        later_probation.estimated_xjs_id is not null
            as is_on_probation_within_2y
    from cohort
    left join later_custody
        on
            cohort.threshold_level = later_custody.threshold_level
            and cohort.estimated_xjs_id = later_custody.estimated_xjs_id
    left join later_probation
        on
            cohort.threshold_level = later_probation.threshold_level
            and cohort.estimated_xjs_id = later_probation.estimated_xjs_id
)

select * from final
