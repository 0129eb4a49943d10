with

offenders as (
    select * from {{ ref('stg_nomis__offenders') }}
    where quarantine_reason is null
),

aliases as (
    select * from {{ ref('stg_nomis__offender_aliases') }}
    where quarantine_reason is null
),

aliases_per_offender as (
    select
        root_offender_id as offender_id,
        {{ array_agg_distinct('forename') }} as forename_aliases,
        {{ array_agg_distinct('surname') }} as surname_aliases,
        {{ array_agg_distinct('date_of_birth') }} as date_of_birth_aliases
    from aliases
    group by root_offender_id
),

final as (
    select
        'prison_nomis|' || offenders.offender_id as record_id,
        'prison_nomis' as source_dataset,
        'nomis' as source_system,
        'offenders' as source_table,
        offenders.offender_id as source_record_id,
        offenders.forename,
        offenders.middle_names,
        offenders.surname,
        aliases_per_offender.forename_aliases,
        aliases_per_offender.surname_aliases,
        aliases_per_offender.date_of_birth_aliases,
        offenders.date_of_birth,
        offenders.sex,
        offenders.ethnicity_code,
        offenders.postcode,
        offenders.postcode_outward,
        offenders.pnc_number,
        offenders.cro_number,
        cast(null as varchar) as party_category,
        offenders.create_date as event_date,
        true as is_linkable
    from offenders
    left join aliases_per_offender
        on offenders.offender_id = aliases_per_offender.offender_id
)

select * from final
