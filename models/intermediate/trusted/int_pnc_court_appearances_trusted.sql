{#- Generated from the registry (src/datafirst/registry/pnc.py)
    by `python -m datafirst.registry.dbt` (make sources); do not edit by
    hand. -#}
{{ trusted_rows('pnc', 'court_appearances') }}
