{#- One row per OASys assessment or sub-assessment that the marts publish,
    joined to its offender record and that record's person id. Published:
    trusted assessments of trusted offender records that either have no
    parent (main assessments) or whose parent is a published assessment with
    no parent itself. Sub-assessments whose parent was quarantined (or whose
    offender record was) are left out, so every parent link resolves. -#}
with

assessments as (
    select * from {{ ref('int_oasys_oasys_set_trusted') }}
),

person_records as (
    select * from {{ ref('int_oasys_person_records_standardised') }}
),

clusters as (
    select * from {{ ref('linkage_person_clusters') }}
),

assessed_records as (
    select
        assessments.oasys_set_pk,
        assessments.parent_oasys_set_pk,
        assessments.offender_pk,
        assessments.assessment_type_code,
        assessments.assessment_class,
        assessments.is_main_assessment,
        assessments.assessment_status,
        assessments.setting,
        assessments.initiation_date,
        assessments.date_completed,
        person_records.record_id,
        person_records.date_of_birth,
        person_records.sex,
        person_records.ethnicity_code,
        person_records.is_linkable,
        clusters.estimated_person_id
    from assessments
    inner join person_records
        on assessments.offender_pk = person_records.source_record_id
    inner join clusters
        on person_records.record_id = clusters.record_id
),

parents as (
    select oasys_set_pk
    from assessed_records
    where parent_oasys_set_pk is null
),

final as (
    select
        assessed_records.oasys_set_pk,
        assessed_records.parent_oasys_set_pk,
        assessed_records.offender_pk,
        assessed_records.assessment_type_code,
        assessed_records.assessment_class,
        assessed_records.is_main_assessment,
        assessed_records.assessment_status,
        assessed_records.setting,
        assessed_records.initiation_date,
        assessed_records.date_completed,
        assessed_records.record_id,
        assessed_records.date_of_birth,
        assessed_records.sex,
        assessed_records.ethnicity_code,
        assessed_records.is_linkable,
        assessed_records.estimated_person_id
    from assessed_records
    left join parents
        on assessed_records.parent_oasys_set_pk = parents.oasys_set_pk
    where
        assessed_records.parent_oasys_set_pk is null
        or parents.oasys_set_pk is not null
)

select * from final
