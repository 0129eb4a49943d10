with

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

events as (
    select * from {{ ref('int_familyman_events_trusted') }}
),

counted as (
    select
        case_number,
        count(*) filter (
            where event_code = 'APP'
        ) as number_of_applications,
        count(*) filter (
            where event_code = 'HHD'
        ) as number_of_hearings,
        count(*) filter (
            where event_code = 'IOM'
        ) as number_of_interim_orders,
        min(event_date) filter (
            where event_code = 'DNP'
        ) as decree_nisi_date,
        min(event_date) filter (
            where event_code = 'FOM' and order_type_code in ('DAB', 'FNO')
        ) as decree_absolute_date
    from events
    group by case_number
),

final as (
    select
        cases.case_number,
        cast(coalesce(counted.number_of_applications, 0) as integer)
            as number_of_applications,
        cast(coalesce(counted.number_of_hearings, 0) as integer)
            as number_of_hearings,
        cast(coalesce(counted.number_of_interim_orders, 0) as integer)
            as number_of_interim_orders,
        counted.decree_nisi_date,
        counted.decree_absolute_date
    from cases
    left join counted
        on cases.case_number = counted.case_number
)

select * from final
