"""The table digest that compares builds: order-independent, content-exact."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from datafirst.warehouse.digest import table_digest, warehouse_digests


def _table(rows):
    return pa.Table.from_pylist(rows)


ROWS = [
    {"id": "a", "n": 1, "d": dt.date(2020, 1, 2), "x": 0.1 + 0.2, "l": ["p", "q"]},
    {"id": "b", "n": None, "d": None, "x": None, "l": None},
]


def test_the_digest_ignores_row_and_column_order():
    reordered = _table(ROWS[::-1]).select(["l", "x", "d", "n", "id"])
    assert table_digest(_table(ROWS)) == table_digest(reordered)


def test_the_digest_sees_any_change_of_content():
    base = table_digest(_table(ROWS))
    changed = [dict(ROWS[0], n=2), ROWS[1]]
    nulled = [ROWS[0], dict(ROWS[1], id=None)]
    assert table_digest(_table(changed)) != base
    assert table_digest(_table(nulled)) != base
    assert table_digest(_table(ROWS[:1])) != base


def test_a_warehouse_is_digested_table_by_table(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.t as select * from (values (1, 'x'), (2, 'y')) as v(a, b)")
    con.execute("create table marts.u as select * from (values (2, 'y'), (1, 'x')) as v(a, b)")
    con.close()
    digests = warehouse_digests(path, ["marts"])
    assert digests["marts.t"] == digests["marts.u"]
    assert digests["marts.t"]["rows"] == 2
