{#- Generated from the registry (src/datafirst/registry/xhibit.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('xhibit', 'warrants') }}
