with

sequenced as (
    select * from {{ ref('int_familyman_events_sequenced') }}
),

cases as (
    select * from {{ ref('int_familyman_cases_trusted') }}
),

event_types as (
    select
        event_code,
        event_description
    from {{ ref('family_event_types') }}
),

final as (
    select
        {{ pseudonymise('sequenced.event_id', 'familyman.event_id') }}
            as event_id_hash,
        {{ pseudonymise('sequenced.case_number', 'familyman.case_number') }}
            as case_number_hash,
        cast(sequenced.event_sequence as integer) as event_sequence,
        sequenced.event_code,
        event_types.event_description,
        sequenced.event_stage,
        sequenced.event_date,
        cast(
            {{ dbt.datediff(
                'cases.issue_date', 'sequenced.event_date', 'day'
            ) }} as integer
        ) as days_since_issue,
        sequenced.application_type_code,
        sequenced.order_type_code
    from sequenced
    inner join cases
        on sequenced.case_number = cases.case_number
    left join event_types
        on sequenced.event_code = event_types.event_code
)

select * from final
