{#- Generated from the registry (src/datafirst/registry/) by `python -m datafirst.registry.dbt` (make sources); do not edit by hand.

    Every published table (mart) and the folder of models/marts it
    lives in: its dataset's code, or linking for the tables that link
    datasets. The models that visit every mart loop over it, so that
    they depend on every mart.

    Arguments: none.
-#}
{% macro published_tables() -%}
    {{ return([
        {'name': 'hocas_flatfile', 'folder': 'mags_hocas'},
        {'name': 'hocas_all_offence', 'folder': 'mags_hocas'},
        {'name': 'xhibit_flatfile', 'folder': 'crown_xhibit'},
        {'name': 'xhibit_all_off_disp', 'folder': 'crown_xhibit'},
        {'name': 'nomis_flatfile', 'folder': 'prison_nomis'},
        {'name': 'nomis_movements', 'folder': 'prison_nomis'},
        {'name': 'nomis_safety_in_custody', 'folder': 'prison_nomis'},
        {'name': 'delius_flatfile', 'folder': 'probation_delius'},
        {'name': 'delius_rqmnt', 'folder': 'probation_delius'},
        {'name': 'delius_lic_condition', 'folder': 'probation_delius'},
        {'name': 'delius_psr', 'folder': 'probation_delius'},
        {'name': 'delius_pss', 'folder': 'probation_delius'},
        {'name': 'assessments_metadata', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_bcs', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_core_risk', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_isp', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_rm2000', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_rmp', 'folder': 'prison_oasys'},
        {'name': 'oasys_assessments_details_rosh', 'folder': 'prison_oasys'},
        {'name': 'family_cases', 'folder': 'familyman'},
        {'name': 'family_people', 'folder': 'familyman'},
        {'name': 'family_case_events', 'folder': 'familyman'},
        {'name': 'caseman_cases', 'folder': 'civil_caseman'},
        {'name': 'caseman_case_events', 'folder': 'civil_caseman'},
        {'name': 'caseman_hearings', 'folder': 'civil_caseman'},
        {'name': 'caseman_judgments', 'folder': 'civil_caseman'},
        {'name': 'caseman_warrants', 'folder': 'civil_caseman'},
        {'name': 'caseman_parties', 'folder': 'civil_caseman'},
        {'name': 'pcol_claims', 'folder': 'civil_pcol'},
        {'name': 'pcol_claim_events', 'folder': 'civil_pcol'},
        {'name': 'pcol_hearings', 'folder': 'civil_pcol'},
        {'name': 'pcol_judgments', 'folder': 'civil_pcol'},
        {'name': 'pcol_warrants', 'folder': 'civil_pcol'},
        {'name': 'pcol_parties', 'folder': 'civil_pcol'},
        {'name': 'pnc_court_appearances', 'folder': 'share_pnc'},
        {'name': 'npd_attainment', 'folder': 'share_npd'},
        {'name': 'npd_absence', 'folder': 'share_npd'},
        {'name': 'npd_exclusions', 'folder': 'share_npd'},
        {'name': 'xjs_link', 'folder': 'linking'},
        {'name': 'mags_crown_journey', 'folder': 'linking'},
        {'name': 'caseman_pcol_case_link', 'folder': 'linking'},
        {'name': 'pnc_npd_link', 'folder': 'moj_dfe_share'},
    ]) }}
{%- endmacro %}
