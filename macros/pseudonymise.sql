{#-
    Keyed pseudonym of a source id: 32 hex characters, the same for the same
    id, namespace and key, not reversible and not guessable without the key.
    Null stays null. The key is read inside the engine (see the adapter
    implementation), never written into compiled SQL.

    Arguments:
        expression: SQL expression holding the id (cast to text).
        namespace: the kind of id, a plain string such as 'libra.case_id'.
            The same kind of id must use the same namespace in every mart so
            that researchers can join on it; different kinds never collide.
-#}
{% macro pseudonymise(expression, namespace) -%}
    {{ return(adapter.dispatch('pseudonymise', 'datafirst')(expression, namespace)) }}
{%- endmacro %}
