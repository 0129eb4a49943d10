with

court_reports as (
    select
        *,
        {{ pseudonymise('event_id', 'delius.event_id') }} as event_id_hash
    from {{ ref('int_delius_court_report_trusted') }}
),

events as (
    select
        event_id_hash,
        estimated_offender_id,
        row_id_hash
    from {{ ref('delius_flatfile') }}
),

report_types as (
    select
        court_report_type_code,
        court_report_type_description
    from {{ ref('court_report_types') }}
),

requirement_types as (
    select
        requirement_code,
        requirement_description,
        requirement_category
    from {{ ref('requirement_types') }}
),

final as (
    select
        {{ pseudonymise(
            'court_reports.court_report_id', 'delius.court_report_id'
        ) }} as court_report_id_hash,
        events.event_id_hash,
        events.estimated_offender_id,
        events.row_id_hash,
        'probation_delius' as source_dataset,
        court_reports.court_report_type_code,
        report_types.court_report_type_description,
        court_reports.requested_date,
        court_reports.completed_date,
        cast(
            {{ dbt.datediff(
                'court_reports.requested_date',
                'court_reports.completed_date',
                'day'
            ) }} as integer
        ) as days_to_complete,
        requirement_types.requirement_code as proposed_requirement_code,
        requirement_types.requirement_description
            as proposed_requirement_description,
        requirement_types.requirement_category
            as proposed_requirement_category
    from court_reports
    inner join events
        on court_reports.event_id_hash = events.event_id_hash
    left join report_types
        on
            court_reports.court_report_type_code
            = report_types.court_report_type_code
    left join requirement_types
        on
            court_reports.proposed_requirement_code
            = requirement_types.requirement_code
)

select * from final
