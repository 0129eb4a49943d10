"""The linkage's SQL in each engine's dialect.

The committed models (``models/*.json``), the blocking rules and the
comparisons are written in DuckDB's SQL, the engine they were trained on. On
Spark the same conditions run through Splink's Spark backend, so they are
translated here (with sqlglot, which Splink itself uses) into Spark SQL with
the functions of Splink's similarity jar:

=================================  =========================================
DuckDB                             Spark
=================================  =========================================
``jaro_winkler_similarity(a, b)``  ``datafirst_jaro_winkler(a, b)``
``damerau_levenshtein(a, b)``      ``damerau_levenshtein(a, b)`` (the jar)
``hamming(a, b)``                  the count of positions that differ
``list_contains(l, x)``            ``array_contains(l, x)``
``list_has_all(l, m)``             ``size(array_except(m, l)) = 0``
``list_has_any(l, m)``             ``arrays_overlap(l, m)``
``len(list_intersect(l, m))``      ``size(array_intersect(l, m))``
``date_diff('day', a, b)``         ``datediff(b, a)``
``cast(x as varchar)``             ``cast(x as string)``
=================================  =========================================

Splink's jar has a ``jaro_winkler`` of its own, but it counts matching
characters differently from DuckDB where letters repeat (BANARD and BERNARD:
0.774 against DuckDB's 0.804), which moves pairs across the 0.80 and 0.92
levels. So Spark gets :func:`jaro_winkler`, which computes DuckDB's
``jaro_winkler_similarity`` bit for bit (a test checks both on the names of
an extract), as the function ``datafirst_jaro_winkler`` (registered by
:func:`register_functions`).

Only the SQL changes: the trained parameters (m and u probabilities, the
prior, term-frequency adjustments) are the model's own.
"""

from __future__ import annotations

import copy
from fractions import Fraction
from functools import cache

import sqlglot
from sqlglot import exp

DIALECTS = ("duckdb", "spark")
JARO_WINKLER = "datafirst_jaro_winkler"


def _jaro(left: str, right: str) -> float:
    """Jaro similarity, matched and counted as DuckDB does."""
    n_left, n_right = len(left), len(right)
    if not n_left or not n_right:
        return 1.0 if n_left == n_right else 0.0
    window = max(max(n_left, n_right) // 2 - 1, 0)
    left_hit, right_hit = [False] * n_left, [False] * n_right
    common = 0
    for i, char in enumerate(left):
        for j in range(max(0, i - window), min(n_right - 1, i + window) + 1):
            if not right_hit[j] and right[j] == char:
                left_hit[i] = right_hit[j] = True
                common += 1
                break
    if not common:
        return 0.0
    transpositions, k = 0, 0
    for i in range(n_left):
        if left_hit[i]:
            while not right_hit[k]:
                k += 1
            transpositions += left[i] != right[k]
            k += 1
    transpositions //= 2
    return (common / n_left + common / n_right + (common - transpositions) / common) / 3.0


def jaro_winkler(left: str | None, right: str | None) -> float | None:
    """Jaro-Winkler similarity, bit for bit DuckDB's
    ``jaro_winkler_similarity``: the prefix bonus (up to four characters,
    weight 0.1, when the Jaro similarity exceeds 0.7) is added with one
    rounding, as DuckDB's compiled fused multiply-add does."""
    if left is None or right is None:
        return None
    similarity = _jaro(left, right)
    if similarity > 0.7:
        prefix = 0
        for a, b in zip(left[:4], right[:4], strict=False):
            if a != b:
                break
            prefix += 1
        if prefix:
            exact = Fraction(prefix * 0.1) * Fraction(1.0 - similarity) + Fraction(similarity)
            similarity = float(exact)
    return similarity


def register_functions(spark) -> None:
    """The functions the translated SQL calls that Spark lacks."""
    from pyspark.sql.types import DoubleType

    spark.udf.register(JARO_WINKLER, jaro_winkler, DoubleType())


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
    if isinstance(node, exp.ArrayOverlaps):
        # sqlglot writes DuckDB's list_has_any as Postgres's && for Spark.
        return exp.Anonymous(this="arrays_overlap", expressions=[node.this, node.expression])
    if isinstance(node, exp.JarowinklerSimilarity):
        return exp.Anonymous(this=JARO_WINKLER, expressions=[node.this, node.expression])
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
