{#-
    Drivers of Crown Court delays: median days from receipt at the Crown
    Court to disposal for each value of each candidate driver (case type,
    plea, offence group, remand status). A median is computed only over a
    cell of at least var('sdc_min_count') cases and published only when the
    cell's count survives disclosure control. Cases without a trusted
    principal offence or without a receipt or disposal date are left out.
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
