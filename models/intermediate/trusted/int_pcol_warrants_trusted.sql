{#- Generated from the registry (src/datafirst/registry/pcol.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('pcol', 'warrants') }}
