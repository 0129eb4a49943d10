{#- Generated from the registry (src/datafirst/registry/caseman.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('caseman', 'warrants') }}
