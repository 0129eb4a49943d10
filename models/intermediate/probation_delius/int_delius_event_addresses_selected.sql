{#- The address of each nDelius event's offender record on the referral date:
    the address valid on that date (started on or before it and not ended by
    it); when none was valid, the latest address that started before it. One
    row per trusted event that has such an address. -#}
with

events as (
    select * from {{ ref('int_delius_event_trusted') }}
),

addresses as (
    select * from {{ ref('int_delius_offender_address_trusted') }}
),

candidates as (
    select
        events.event_id,
        addresses.offender_address_id,
        addresses.postcode_outward,
        addresses.start_date,
        coalesce(addresses.end_date > events.referral_date, true)
            as is_valid_at_referral
    from events
    inner join addresses
        on
            events.offender_id = addresses.offender_id
            and events.referral_date >= addresses.start_date
),

ranked as (
    select
        *,
        row_number() over (
            partition by event_id
            order by
                is_valid_at_referral desc,
                start_date desc,
                offender_address_id desc
        ) as address_rank
    from candidates
),

final as (
    select
        event_id,
        offender_address_id,
        postcode_outward,
        case
            when is_valid_at_referral then 'address_at_referral'
            else 'latest_earlier_address'
        end as address_basis
    from ranked
    where address_rank = 1
)

select * from final
