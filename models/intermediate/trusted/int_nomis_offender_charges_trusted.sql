{#- Generated from the registry (src/datafirst/registry/nomis.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('nomis', 'offender_charges') }}
