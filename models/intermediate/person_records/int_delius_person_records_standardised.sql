with

offenders as (
    select * from {{ ref('stg_delius__offender') }}
    where quarantine_reason is null
),

addresses as (
    select * from {{ ref('stg_delius__offender_address') }}
    where quarantine_reason is null
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

final as (
    select
        'probation_delius|' || offenders.offender_id as record_id,
        'probation_delius' as source_dataset,
        'delius' as source_system,
        'offender' as source_table,
        offenders.offender_id as source_record_id,
        offenders.forename,
        offenders.middle_names,
        offenders.surname,
        cast(null as {{ array_type('varchar') }}) as forename_aliases,
        case
            when offenders.previous_surname is not null
                then {{ array_of(['offenders.previous_surname']) }}
        end as surname_aliases,
        cast(null as {{ array_type('date') }}) as date_of_birth_aliases,
        offenders.date_of_birth,
        offenders.sex,
        offenders.ethnicity_code,
        first_address.postcode,
        first_address.postcode_outward,
        offenders.pnc_number,
        offenders.cro_number,
        cast(null as varchar) as party_category,
        offenders.created_date as event_date,
        true as is_linkable
    from offenders
    left join first_address
        on
            offenders.offender_id = first_address.offender_id
            and first_address.address_order = 1
)

select * from final
