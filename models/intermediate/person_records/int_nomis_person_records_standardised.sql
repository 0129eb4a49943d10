with

offenders as (
    select * from {{ ref('int_nomis_offenders_trusted') }}
),

aliases as (
    select * from {{ ref('int_nomis_offender_aliases_trusted') }}
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

offenders_with_aliases as (
    select
        offenders.*,
        aliases_per_offender.forename_aliases,
        aliases_per_offender.surname_aliases,
        aliases_per_offender.date_of_birth_aliases
    from offenders
    left join aliases_per_offender
        on offenders.offender_id = aliases_per_offender.offender_id
),

final as (
    {{ standardise_person_records('prison_nomis', 'offenders_with_aliases', {
        'source_record_id': 'offender_id',
        'event_date': 'create_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'forename_aliases',
        'surname_aliases', 'date_of_birth_aliases', 'date_of_birth', 'sex',
        'ethnicity_code', 'postcode', 'postcode_outward', 'pnc_number',
        'cro_number',
    ]) }}
)

select * from final
