"""The linkage's SQL in each engine's dialect.

The committed models (``models/*.json``), the blocking rules and the
comparisons are written in DuckDB's SQL, the engine they were trained on. On
Spark the same conditions run through Splink's Spark backend, so they are
translated here (with sqlglot, which Splink itself uses) into Spark SQL with
the functions of Splink's similarity jar:

=================================  =========================================
DuckDB                             Spark
=================================  =========================================
``jaro_winkler_similarity(a, b)``  ``jaro_winkler(a, b)`` (Splink's jar)
``damerau_levenshtein(a, b)``      ``damerau_levenshtein(a, b)`` (the jar)
``hamming(a, b)``                  the count of positions that differ
``list_contains(l, x)``            ``array_contains(l, x)``
``list_has_all(l, m)``             ``size(array_except(m, l)) = 0``
``len(list_intersect(l, m))``      ``size(array_intersect(l, m))``
``date_diff('day', a, b)``         ``datediff(b, a)``
``cast(x as varchar)``             ``cast(x as string)``
=================================  =========================================

Only the SQL changes: the trained parameters (m and u probabilities, the
prior, term-frequency adjustments) are the model's own.
"""

from __future__ import annotations

import copy
from functools import cache

import sqlglot
from sqlglot import exp

DIALECTS = ("duckdb", "spark")


def _hamming(left: exp.Expression, right: exp.Expression) -> exp.Expression:
    """Positions at which two strings of one length differ (the comparisons
    call hamming only on strings of equal length)."""
    return sqlglot.parse_one(
        "size(filter(sequence(1, length(__l)),"
        " __i -> substring(__l, __i, 1) <> substring(__r, __i, 1)))",
        read="spark",
    ).transform(
        lambda node: (
            left.copy()
            if isinstance(node, exp.Column) and node.name == "__l"
            else right.copy()
            if isinstance(node, exp.Column) and node.name == "__r"
            else node
        )
    )


def _to_spark(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.Anonymous):
        name = node.name.lower()
        args = node.expressions
        if name == "hamming":
            return exp.paren(_hamming(args[0], args[1]), copy=False)
        if name == "list_has_all":
            return sqlglot.parse_one("size(array_except(__r, __l)) = 0", read="spark").transform(
                lambda n: (
                    args[0].copy()
                    if isinstance(n, exp.Column) and n.name == "__l"
                    else args[1].copy()
                    if isinstance(n, exp.Column) and n.name == "__r"
                    else n
                )
            )
        if name == "list_intersect":
            return exp.Anonymous(this="array_intersect", expressions=args)
    if isinstance(node, exp.JarowinklerSimilarity):
        return exp.Anonymous(this="jaro_winkler", expressions=[node.this, node.expression])
    if isinstance(node, exp.DateDiff):
        unit = (node.unit.name if node.unit else "day").lower()
        if unit != "day":
            raise ValueError(f"date_diff in {unit}s has no Spark translation here")
        return exp.Anonymous(this="datediff", expressions=[node.this, node.expression])
    if isinstance(node, exp.Length) and (
        isinstance(node.this, exp.ArrayIntersect)
        or isinstance(node.this, exp.Anonymous)
        and node.this.name.lower() == "list_intersect"
    ):
        inner = node.this
        pair = inner.expressions if isinstance(inner, exp.Anonymous) else inner.expressions
        return exp.Anonymous(
            this="size", expressions=[exp.Anonymous(this="array_intersect", expressions=pair)]
        )
    return node


@cache
def translate(sql: str, dialect: str) -> str:
    """``sql`` (DuckDB) in ``dialect``'s SQL; unchanged for DuckDB."""
    if dialect == "duckdb":
        return sql
    if dialect != "spark":
        raise ValueError(f"no linkage SQL for dialect {dialect!r}; one of {DIALECTS}")
    tree = sqlglot.parse_one(sql, read="duckdb")
    tree = tree.transform(_to_spark)
    return tree.sql(dialect="spark")


def settings(splink_settings: dict, dialect: str) -> dict:
    """A Splink settings dictionary (as saved by Splink on DuckDB) with every
    SQL condition in ``dialect``: comparison levels and blocking rules."""
    if dialect == "duckdb":
        return splink_settings
    out = copy.deepcopy(splink_settings)
    out["sql_dialect"] = dialect
    for comparison in out.get("comparisons", []):
        for level in comparison["comparison_levels"]:
            if level["sql_condition"].strip().lower() != "else":
                level["sql_condition"] = translate(level["sql_condition"], dialect)
    rules = []
    for rule in out.get("blocking_rules_to_generate_predictions", []):
        if isinstance(rule, dict):
            rule = {**rule, "blocking_rule": translate(rule["blocking_rule"], dialect)}
            rule["sql_dialect"] = dialect
        else:
            rule = translate(rule, dialect)
        rules.append(rule)
    if rules:
        out["blocking_rules_to_generate_predictions"] = rules
    return out
