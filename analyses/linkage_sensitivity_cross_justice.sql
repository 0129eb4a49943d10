{#-
    Sensitivity of a cross-justice finding to linkage error: the journey
    from a first magistrates' case to prison custody or probation within two
    years (analysis magistrates_to_custody_probation), computed three times,
    with the cross-justice person at the low, default and high
    match-probability thresholds of xjs_link (estimated_xjs_id_low,
    estimated_xjs_id, estimated_xjs_id_high), side by side.
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
        estimated_xjs_id_low as person_id
    from xjs_link
    union all
    select
        source_dataset,
        row_id_hash,
        'default' as threshold_level,
        estimated_xjs_id as person_id
    from xjs_link
    union all
    select
        source_dataset,
        row_id_hash,
        'high' as threshold_level,
        estimated_xjs_id_high as person_id
    from xjs_link
),

magistrates_people_cases as (
    select
        xjs_link_by_threshold.threshold_level,
        xjs_link_by_threshold.person_id,
        magistrates_cases.disposal_date,
        magistrates_cases.disposal_type
    from magistrates_cases
    inner join xjs_link_by_threshold
        on
            xjs_link_by_threshold.source_dataset = 'mags_hocas'
            and magistrates_cases.row_id_hash
            = xjs_link_by_threshold.row_id_hash
    qualify row_number() over (
        partition by
            xjs_link_by_threshold.threshold_level,
            xjs_link_by_threshold.person_id
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
        xjs_link_by_threshold.person_id,
        custodial_journeys.journey_start_date,
        custodial_journeys.journey_end_date
    from custodial_journeys
    inner join xjs_link_by_threshold
        on
            xjs_link_by_threshold.source_dataset = 'prison_nomis'
            and custodial_journeys.row_id_hash
            = xjs_link_by_threshold.row_id_hash
),

probation_people as (
    select
        xjs_link_by_threshold.threshold_level,
        xjs_link_by_threshold.person_id,
        probation_events.referral_date
    from probation_events
    inner join xjs_link_by_threshold
        on
            xjs_link_by_threshold.source_dataset = 'probation_delius'
            and probation_events.row_id_hash
            = xjs_link_by_threshold.row_id_hash
),

later_custody as (
    select distinct
        cohort.threshold_level,
        cohort.person_id
    from cohort
    inner join custody_people
        on
            cohort.threshold_level = custody_people.threshold_level
            and cohort.person_id = custody_people.person_id
            and cohort.disposal_date + 730 >= custody_people.journey_start_date
            and coalesce(
                cohort.disposal_date <= custody_people.journey_end_date, true
            )
),

later_probation as (
    select distinct
        cohort.threshold_level,
        cohort.person_id
    from cohort
    inner join probation_people
        on
            cohort.threshold_level = probation_people.threshold_level
            and cohort.person_id = probation_people.person_id
            and probation_people.referral_date
            between cohort.disposal_date and cohort.disposal_date + 730
),

cohort_outcomes as (
    select
        cohort.threshold_level,
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
        later_custody.person_id is not null as is_in_custody_within_2y,
        later_probation.person_id is not null as is_on_probation_within_2y
    from cohort
    left join later_custody
        on
            cohort.threshold_level = later_custody.threshold_level
            and cohort.person_id = later_custody.person_id
    left join later_probation
        on
            cohort.threshold_level = later_probation.threshold_level
            and cohort.person_id = later_probation.person_id
),

cells as (
    select
        threshold_level,
        coalesce(first_case_result, 'all') as first_case_result,
        count(*) as defendants_count,
        count(*) filter (where is_in_custody_within_2y) as custody_2y_count,
        count(*) filter (
            where is_on_probation_within_2y
        ) as probation_2y_count
    from cohort_outcomes
    group by rollup(threshold_level, first_case_result)
    having grouping(threshold_level) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['threshold_level', 'first_case_result'],
        ['defendants_count', 'custody_2y_count', 'probation_2y_count']
    ) }}
),

rates as (
    select
        threshold_level,
        first_case_result,
        defendants_count,
        custody_2y_count,
        probation_2y_count,
        round(custody_2y_count / defendants_count, 4) as custody_2y_rate,
        round(probation_2y_count / defendants_count, 4) as probation_2y_rate
    from safe
),

final as (
    select
        *,
        round(
            custody_2y_rate - max(
                case
                    when threshold_level = 'default' then custody_2y_rate
                end
            ) over (partition by first_case_result),
            4
        ) as custody_2y_rate_shift,
        round(
            probation_2y_rate - max(
                case
                    when threshold_level = 'default' then probation_2y_rate
                end
            ) over (partition by first_case_result),
            4
        ) as probation_2y_rate_shift
    from rates
)

select * from final
order by
    first_case_result,
    case threshold_level
        when 'low' then 1
        when 'default' then 2
        when 'high' then 3
    end
