{#-
    How soon people return to the magistrates' courts: every magistrates'
    defendant-case disposed of at least two years before the end of the
    extract, by the person's case number (first, second, ...) and the time
    from its disposal to the first hearing of the person's next case.
-#}
with

defendant_cases as (
    select * from {{ ref('hocas_flatfile') }}
),

extract_end as (
    select max(disposal_date) as extract_date
    from defendant_cases
),

cases_in_order as (
    select
        defendant_case_id_hash,
        disposal_date,
        row_number() over (
            partition by estimated_defendant_id
            order by first_hearing_date, defendant_case_id_hash
        ) as case_number,
        lead(first_hearing_date) over (
            partition by estimated_defendant_id
            order by first_hearing_date, defendant_case_id_hash
        ) as next_first_hearing_date
    from defendant_cases
),

cases_followed_up as (
    select
        cases_in_order.defendant_case_id_hash,
        cases_in_order.case_number,
        date_diff(
            'day',
            cases_in_order.disposal_date,
            cases_in_order.next_first_hearing_date
        ) as days_to_return
    from cases_in_order
    cross join extract_end
    where
        cases_in_order.disposal_date
        <= extract_end.extract_date - 730
),

cases_banded as (
    select
        defendant_case_id_hash,
        case
            when case_number = 1 then '1st case'
            when case_number = 2 then '2nd case'
            when case_number <= 4 then '3rd-4th case'
            else '5th+ case'
        end as case_order,
        case
            when days_to_return is null or days_to_return > 730
                then '4: not within 2 years'
            when days_to_return <= 91 then '1: within 3 months'
            when days_to_return <= 365 then '2: 3 to 12 months'
            else '3: 1 to 2 years'
        end as return_band
    from cases_followed_up
),

cells as (
    select
        coalesce(case_order, 'all') as case_order,
        coalesce(return_band, 'all') as return_band,
        count(*) as cases_count
    from cases_banded
    group by cube(case_order, return_band)
),

safe as (
    {{ disclosure_control(
        'cells',
        ['case_order', 'return_band'],
        ['cases_count']
    ) }}
),

final as (
    select
        case_order,
        return_band,
        cases_count,
        case
            when return_band != 'all'
                then round(
                    cases_count / max(
                        case when return_band = 'all' then cases_count end
                    ) over (partition by case_order),
                    3
                )
        end as share_of_case_order
    from safe
)

select * from final
order by case_order, return_band
