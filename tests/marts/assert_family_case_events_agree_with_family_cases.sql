{#- family_cases and family_case_events tell one story: each case's counts
    of applications, hearings held and interim orders are its events', its
    final order event (if any) carries its final order, and nothing happens
    after a closed case's closure. Returns the cases that disagree. -#}
with

cases as (
    select * from {{ ref('family_cases') }}
),

events as (
    select * from {{ ref('family_case_events') }}
),

per_case as (
    select
        case_number_hash,
        count(*) filter (where event_code = 'APP') as applications,
        count(*) filter (where event_code = 'HHD') as hearings,
        count(*) filter (where event_code = 'IOM') as interim_orders,
        max(order_type_code) filter (where event_code = 'FOM') as final_order,
        max(event_date) as last_event_date
    from events
    group by case_number_hash
),

final as (
    select
        cases.case_number_hash,
        cases.number_of_applications,
        per_case.applications,
        cases.number_of_hearings,
        per_case.hearings,
        cases.number_of_interim_orders,
        per_case.interim_orders,
        cases.order_type_code,
        per_case.final_order,
        cases.closed_date,
        per_case.last_event_date
    from cases
    left join per_case
        on cases.case_number_hash = per_case.case_number_hash
    where
        cases.number_of_applications <> coalesce(per_case.applications, 0)
        or cases.number_of_hearings <> coalesce(per_case.hearings, 0)
        or cases.number_of_interim_orders
        <> coalesce(per_case.interim_orders, 0)
        or coalesce(per_case.final_order <> cases.order_type_code, false)
        or coalesce(per_case.last_event_date > cases.closed_date, false)
)

select * from final
