{#- One row per linked source person record: which dataset, which row of its
    marts (row_id_hash) and which cross-justice person, at the default, low
    and high thresholds. Records the linkage may not use (OASys after the
    linkable window) are left out. -#}
with

person_records as (
    select * from {{ ref('int_person_records_unioned') }}
    where is_linkable
),

clusters as (
    select * from {{ ref('linkage_person_clusters') }}
),

final as (
    select
        {{ pseudonymise('person_records.record_id', 'row_id') }}
            as row_id_hash,
        person_records.source_dataset,
        {{ pseudonymise('clusters.estimated_xjs_id', 'person.xjs') }}
            as estimated_xjs_id,
        {{ pseudonymise('clusters.estimated_xjs_id_low', 'person.xjs') }}
            as estimated_xjs_id_low,
        {{ pseudonymise('clusters.estimated_xjs_id_high', 'person.xjs') }}
            as estimated_xjs_id_high,
        {{ pseudonymise('clusters.estimated_person_id', 'person.dataset') }}
            as estimated_dataset_person_id
    from person_records
    inner join clusters
        on person_records.record_id = clusters.record_id
)

select * from final
