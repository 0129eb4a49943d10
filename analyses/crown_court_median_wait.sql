{#-
    Drivers of Crown Court delays: median days from receipt at the Crown
    Court to disposal for each value of each candidate driver (case type,
    plea, offence group, remand status). A median is computed only over a
    cell of at least var('sdc_min_count') cases and published only when the
    cell's count survives disclosure control. Cases without a trusted
    principal offence or without a receipt or disposal date are left out.
-#}
with

cases_by_driver as (
    select * from {{ ref('research_crown_court_cases_by_driver') }}
),

cells as (
    select
        driver,
        driver_value,
        count(*) as cases_count,
        case
            when count(*) >= {{ var('sdc_min_count') }}
                then cast(round(median(days_receipt_to_disposal)) as integer)
        end as cell_median_days
    from cases_by_driver
    group by driver, driver_value
),

safe as (
    {{ disclosure_control(
        'cells',
        ['driver', 'driver_value'],
        ['cases_count']
    ) }}
),

final as (
    select
        driver,
        driver_value,
        cases_count,
        case
            when cases_count is not null then cell_median_days
        end as median_days_receipt_to_disposal
    from safe
)

select * from final
order by driver, driver_value
