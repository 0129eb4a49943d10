{#- Generated from the registry (src/datafirst/registry/delius.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('delius', 'lic_condition') }}
