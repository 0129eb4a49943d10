{#- Spark SQL implementation of strip_accents: common Latin letters. -#}
{% macro default__strip_accents(expression) -%}
    translate({{ expression }}, 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÇçÑñ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNn')
{%- endmacro %}
