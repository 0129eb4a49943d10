{#- Generated from the registry (src/datafirst/registry/familyman.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('familyman', 'events') }}
