"""Content digests of warehouse tables: one hash per table that ignores row
order, so two builds (before and after a refactoring, or on two engines) can
be compared table by table.

``python -m datafirst.warehouse.digest [--duckdb PATH] [--schema marts ...]``
prints a JSON object: per table, its rows and digest.

Each row is written as text (columns in name order, a null as its own
marker), each row's text hashed, the row hashes sorted and hashed together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import hashlib
import json
import sys
from pathlib import Path

import duckdb
import pyarrow as pa

from datafirst.project import duckdb_path

NULL = "\x00"
SEPARATOR = "\x1f"


def _value(value) -> str:
    if value is None:
        return NULL
    if isinstance(value, float):
        return repr(round(value, 9))
    if isinstance(value, decimal.Decimal):
        return str(value.normalize())
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ",".join(_value(v) for v in value) + "]"
    return str(value)


def table_digest(table: pa.Table) -> tuple[int, str]:
    """Rows and the order-independent digest of ``table``."""
    table = table.select(sorted(table.column_names))
    rows = zip(*(column.to_pylist() for column in table.columns), strict=True)
    hashes = sorted(
        hashlib.md5(SEPARATOR.join(_value(v) for v in row).encode()).hexdigest() for row in rows
    )
    return table.num_rows, hashlib.md5("".join(hashes).encode()).hexdigest()


def warehouse_digests(path: Path, schemas: list[str]) -> dict[str, dict]:
    """Every table of ``schemas`` in a DuckDB warehouse with its digest."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for schema, table in con.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in ({', '.join('?' for _ in schemas)}) order by 1, 2",
            schemas,
        ).fetchall():
            relation = con.sql(f'select * from "{schema}"."{table}"')
            rows, digest = table_digest(relation.to_arrow_table())
            out[f"{schema}.{table}"] = {"rows": rows, "digest": digest}
        return out
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duckdb", type=Path, default=None, help="warehouse file")
    parser.add_argument("--schema", nargs="+", default=["marts"])
    args = parser.parse_args(argv)
    digests = warehouse_digests(args.duckdb or duckdb_path(), args.schema)
    sys.stdout.write(json.dumps(digests, indent=1) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
