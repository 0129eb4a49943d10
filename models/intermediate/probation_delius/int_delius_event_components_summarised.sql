{#- What happened under each trusted nDelius event: how many trusted
    requirements, licence conditions, post-sentence supervision requirements
    and court reports it holds, and whether the source records a breach or a
    licence recall on the event or any of its components. -#}

{#- Termination reasons that mean a recall to custody (seed
    termination_reasons): the event's 'Licence revoked - recalled to
    custody' and the licence condition's. Only a custodial event's licence
    can be recalled: the source also puts EREC on other events, which stay
    breaches but are not recalls. -#}
{%- set recall_reason_codes = "('EREC', 'LR')" -%}

with

events as (
    select * from {{ ref('int_delius_event_trusted') }}
),

requirements as (
    select * from {{ ref('int_delius_rqmnt_trusted') }}
),

licence_conditions as (
    select * from {{ ref('int_delius_lic_condition_trusted') }}
),

pss_requirements as (
    select * from {{ ref('int_delius_pss_rqmnt_trusted') }}
),

court_reports as (
    select * from {{ ref('int_delius_court_report_trusted') }}
),

components as (
    select
        event_id,
        'requirement' as component_type,
        termination_reason_code,
        termination_outcome
    from requirements
    union all
    select
        event_id,
        'licence_condition' as component_type,
        termination_reason_code,
        termination_outcome
    from licence_conditions
    union all
    select
        event_id,
        'pss_requirement' as component_type,
        termination_reason_code,
        termination_outcome
    from pss_requirements
    union all
    select
        event_id,
        'court_report' as component_type,
        cast(null as string) as termination_reason_code,
        cast(null as string) as termination_outcome
    from court_reports
),

per_event as (
    select
        event_id,
        count(*) filter (where component_type = 'requirement')
            as requirement_count,
        count(*) filter (where component_type = 'licence_condition')
            as licence_condition_count,
        count(*) filter (where component_type = 'pss_requirement')
            as pss_requirement_count,
        count(*) filter (where component_type = 'court_report')
            as court_report_count,
        coalesce(bool_or(termination_outcome = 'breach'), false)
            as has_component_breach,
        coalesce(
            bool_or(termination_reason_code in {{ recall_reason_codes }}),
            false
        ) as has_component_recall
    from components
    group by event_id
),

final as (
    select
        events.event_id,
        cast(coalesce(per_event.requirement_count, 0) as integer)
            as requirement_count,
        cast(coalesce(per_event.licence_condition_count, 0) as integer)
            as licence_condition_count,
        cast(coalesce(per_event.pss_requirement_count, 0) as integer)
            as pss_requirement_count,
        cast(coalesce(per_event.court_report_count, 0) as integer)
            as court_report_count,
        coalesce(events.termination_outcome = 'breach', false)
        or coalesce(per_event.has_component_breach, false) as is_breached,
        events.event_category = 'custody_licence'
        and (
            coalesce(
                events.termination_reason_code in {{ recall_reason_codes }},
                false
            )
            or coalesce(per_event.has_component_recall, false)
        ) as is_recalled
    from events
    left join per_event
        on events.event_id = per_event.event_id
)

select * from final
