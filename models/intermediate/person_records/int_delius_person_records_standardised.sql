with

offenders as (
    select * from {{ ref('int_delius_offender_trusted') }}
),

addresses as (
    select * from {{ ref('int_delius_offender_address_trusted') }}
),

-- The address recorded when the offender record was made: the earliest.
first_address as (
    select
        offender_id,
        postcode,
        postcode_outward,
        row_number() over (
            partition by offender_id
            order by start_date, offender_address_id
        ) as address_order
    from addresses
),

offenders_addressed as (
    select
        offenders.*,
        first_address.postcode as first_postcode,
        first_address.postcode_outward as first_postcode_outward,
        case
            when offenders.previous_surname is not null
                then {{ array_of(['offenders.previous_surname']) }}
        end as surname_aliases
    from offenders
    left join first_address
        on
            offenders.offender_id = first_address.offender_id
            and first_address.address_order = 1
),

final as (
    {{ standardise_person_records('probation_delius', 'offenders_addressed', {
        'source_record_id': 'offender_id',
        'postcode': 'first_postcode',
        'postcode_outward': 'first_postcode_outward',
        'event_date': 'created_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'surname_aliases',
        'date_of_birth', 'sex', 'ethnicity_code', 'pnc_number', 'cro_number',
        'crn',
    ]) }}
)

select * from final
