{#- Generated from the registry (src/datafirst/registry/oasys.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('oasys', 'rm2000') }}
