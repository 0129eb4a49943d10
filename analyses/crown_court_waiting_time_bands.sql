{#-
    Drivers of Crown Court delays: defendant-cases by the time from receipt
    at the Crown Court to disposal (banded), for each candidate driver (case
    type, plea, offence group, remand status) and its values. Each case is
    counted once under every driver. Cases without a trusted principal
    offence or without a receipt or disposal date are left out.
-#}
with

cases_by_driver as (
    select * from {{ ref('research_crown_court_cases_by_driver') }}
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
