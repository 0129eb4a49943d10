{#-
    The hearings listed on both civil systems' trusted cases in one shape,
    with the court's name, the days from the case's issue and the outcome
    reduced to the standard outcomes. Hearings of a quarantined case are
    left out with their case.
-#}
with

caseman_hearings as (
    select
        'caseman' as source_system,
        hearing_id,
        case_number,
        hearing_type_code,
        hearing_type_description,
        court_code,
        hearing_date,
        time_allowed_minutes as duration_minutes,
        hearing_outcome
    from {{ ref('int_caseman_hearings_trusted') }}
),

pcol_hearings as (
    select
        'pcol' as source_system,
        hearing_id,
        claim_number as case_number,
        hearing_type_code,
        hearing_type_description,
        court_code,
        hearing_date,
        duration_minutes,
        hearing_outcome
    from {{ ref('int_pcol_hearings_trusted') }}
),

cases as (
    select
        source_system,
        case_number,
        issue_date
    from {{ ref('int_civil_cases_unioned') }}
),

courts as (
    select
        court_code,
        court_name
    from {{ ref('courts') }}
),

hearings as (
    select * from caseman_hearings
    union all
    select * from pcol_hearings
),

final as (
    select
        hearings.source_system,
        hearings.hearing_id,
        hearings.case_number,
        hearings.hearing_type_code,
        hearings.hearing_type_description,
        hearings.court_code,
        courts.court_name,
        hearings.hearing_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'hearings.hearing_date', 'day'
        ) }} as integer) as days_since_issue,
        hearings.duration_minutes,
        -- The outcome is free text typed by court staff: only the standard
        -- outcomes are kept (other text could hold a name).
        case
            when hearings.hearing_outcome in (
                'Adjourned',
                'Application dismissed',
                'Attended',
                'Bankruptcy order made',
                'Claim dismissed',
                'Damages assessed',
                'Did not attend',
                'Directions given',
                'Injunction granted',
                'Judgment for claimant',
                'Judgment set aside',
                'Order set aside',
                'Outright possession order',
                'Petition dismissed',
                'Petition withdrawn',
                'Statutory demand set aside',
                'Summary judgment granted',
                'Suspended possession order',
                'Vacated - claim withdrawn',
                'Vacated - settled',
                'Warrant suspended on terms'
            ) then hearings.hearing_outcome
        end as hearing_outcome
    from hearings
    inner join cases
        on
            hearings.source_system = cases.source_system
            and hearings.case_number = cases.case_number
    left join courts
        on hearings.court_code = courts.court_code
)

select * from final
