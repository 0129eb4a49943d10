{#-
    Drivers of Crown Court delays: defendant-cases by the time from receipt
    at the Crown Court to disposal (banded), for each candidate driver (case
    type, plea, offence group, remand status) and its values. Each case is
    counted once under every driver. Cases without a trusted principal
    offence or without a receipt or disposal date are left out.
-#}
with

defendant_cases as (
    select * from {{ ref('xhibit_flatfile') }}
),

cases_described as (
    select
        days_receipt_to_disposal,
        case case_type
            when 'T' then 'trial'
            when 'S' then 'committal_for_sentence'
            when 'A' then 'appeal'
        end as case_type,
        case
            when plea_type in ('guilty', 'guilty_lesser') then 'guilty'
            when plea_type = 'not_guilty' then 'not_guilty'
            else 'no_plea'
        end as plea,
        case
            when
                offence_group in (
                    'violence_against_the_person', 'sexual_offences', 'robbery'
                )
                then 'violence_sexual_robbery'
            when offence_group in ('theft_offences', 'fraud_offences')
                then 'theft_and_fraud'
            when
                offence_group in (
                    'possession_of_weapons',
                    'public_order_offences',
                    'miscellaneous_crimes_against_society'
                )
                then 'weapons_public_order_other'
            when offence_group in ('summary_motoring', 'summary_non_motoring')
                then 'summary_offences'
            else offence_group
        end as offence_group,
        coalesce(remand_status, 'not_known') as remand_status
    from defendant_cases
    where
        days_receipt_to_disposal is not null
        and offence_group is not null
),

cases_by_driver as (
    select
        'case_type' as driver,
        case_type as driver_value,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'plea' as driver,
        plea as driver_value,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'offence_group' as driver,
        offence_group as driver_value,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'remand_status' as driver,
        remand_status as driver_value,
        days_receipt_to_disposal
    from cases_described
),

cases_banded as (
    select
        driver,
        driver_value,
        case
            when days_receipt_to_disposal <= 91 then '1: under 3 months'
            when days_receipt_to_disposal <= 182 then '2: 3 to 6 months'
            when days_receipt_to_disposal <= 365 then '3: 6 to 12 months'
            else '4: over 12 months'
        end as wait_band
    from cases_by_driver
),

cells as (
    select
        driver,
        driver_value,
        coalesce(wait_band, 'all') as wait_band,
        count(*) as cases_count
    from cases_banded
    group by rollup(driver, driver_value, wait_band)
    having grouping(driver_value) = 0
),

safe as (
    {{ disclosure_control(
        'cells',
        ['driver', 'driver_value', 'wait_band'],
        ['cases_count']
    ) }}
),

final as (
    select
        driver,
        driver_value,
        wait_band,
        cases_count,
        case
            when wait_band != 'all'
                then round(
                    cases_count / max(
                        case when wait_band = 'all' then cases_count end
                    ) over (partition by driver, driver_value),
                    3
                )
        end as share_of_driver_value
    from safe
)

select * from final
order by driver, driver_value, wait_band
