with

hearings as (
    select * from {{ ref('stg_caseman__hearings') }}
    where quarantine_reason is null
),

cases as (
    select * from {{ ref('stg_caseman__cases') }}
    where quarantine_reason is null
),

courts as (
    select * from {{ ref('courts') }}
),

final as (
    select
        {{ pseudonymise('hearings.hearing_id', 'caseman.hearing_id') }}
            as hearing_id_hash,
        {{ pseudonymise('hearings.case_number', 'caseman.case_number') }}
            as case_number_hash,
        hearings.hearing_type_code,
        hearings.hearing_type_description,
        hearings.court_code,
        courts.court_name,
        hearings.hearing_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'hearings.hearing_date', 'day'
        ) }} as integer) as days_since_issue,
        hearings.time_allowed_minutes as duration_minutes,
        -- The outcome is free text typed by court staff: only the standard
        -- outcomes are published (other text could hold a name).
        case
            when hearings.hearing_outcome in (
                'Adjourned',
                'Application dismissed',
                'Attended',
                'Claim dismissed',
                'Damages assessed',
                'Did not attend',
                'Directions given',
                'Injunction granted',
                'Judgment for claimant',
                'Judgment set aside',
                'Order set aside',
                'Outright possession order',
                'Summary judgment granted',
                'Suspended possession order',
                'Vacated - claim withdrawn',
                'Vacated - settled',
                'Warrant suspended on terms'
            ) then hearings.hearing_outcome
        end as hearing_outcome
    from hearings
    -- Hearings of a quarantined case are left out with their case.
    inner join cases
        on hearings.case_number = cases.case_number
    left join courts
        on hearings.court_code = courts.court_code
)

select * from final
