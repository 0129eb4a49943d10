"""The audit of what the build publishes: every published table declares the
rows it is built from and its quasi-identifiers; it reconciles with those
rows (rows in = published + documented exclusions), warning on any
unexplained row and failing the build past a threshold; and its disclosure
risk (the share of rows unique on its quasi-identifiers) is measured as
built and as the coarse release would publish it."""

from __future__ import annotations

import bisect
import shutil
from collections import Counter
from datetime import date

import duckdb

from datafirst import registry
from datafirst.project import dbt_vars

MARTS = {name for name, _ in registry.published_tables()}


def _ancestors(manifest: dict, unique_id: str) -> set[str]:
    seen, todo = set(), [unique_id]
    while todo:
        node = manifest["nodes"].get(todo.pop())
        for parent in node["depends_on"].get("nodes", []) if node else []:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_every_mart_declares_the_rows_it_comes_from_and_its_quasi_identifiers(manifest):
    marts = {
        node["name"]: (uid, node)
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith("models/marts/")
    }
    assert set(marts) == {name for name, _ in registry.published_tables()}
    for name, (uid, node) in marts.items():
        meta = node["config"]["meta"]
        rows_in = f"model.datafirst.{meta['rows_in']}"
        # The audit model reads rows_in through the graph: it must be built
        # before the mart, i.e. be one of the mart's ancestors.
        assert rows_in in _ancestors(manifest, uid), (name, rows_in)
        for exclusion in meta.get("exclusions", []):
            assert set(exclusion) == {"name", "description", "where"}, name
        assert set(meta["quasi_identifiers"]) <= set(node["columns"]), name
        kinds = {
            "date"
            if c.endswith("_date")
            else "age"
            if c.startswith("age_")
            else "place"
            if c.endswith(("court_code", "prison_code", "area_code"))
            else c
            for c in meta["quasi_identifiers"]
        }
        assert kinds <= {"date", "age", "place", "sex", "ethnicity_code", "local_authority_code"}


def test_every_published_table_reconciles_on_the_demo_build(con):
    rows = con.execute(
        "select mart_name, rows_in, excluded_rows, exclusions, published_rows, "
        "unexplained_rows from audit.audit_mart_rows_reconciled"
    ).fetchall()
    assert {r[0] for r in rows} == {name for name, _ in registry.published_tables()}
    assert all(r[5] == 0 for r in rows), [r for r in rows if r[5]]
    by_mart = {r[0]: r for r in rows}
    not_linkable = con.execute(
        "select count(*) from intermediate.int_person_records_unioned where not is_linkable"
    ).fetchone()[0]
    assert not_linkable > 0
    assert by_mart["xjs_link"][2] == not_linkable
    assert by_mart["xjs_link"][3] == f"not_linkable: {not_linkable}"
    published = con.execute("select count(*) from marts.hocas_all_offence").fetchone()[0]
    trusted = con.execute("select count(*) from intermediate.int_libra_offence_trusted").fetchone()[
        0
    ]
    assert by_mart["hocas_all_offence"][1:5] == (trusted, 0, None, published)


def test_a_mart_losing_rows_warns_then_fails_the_build(warehouse, tmp_path):
    copy = tmp_path / "lossy.duckdb"
    shutil.copy(warehouse.duckdb_path, copy)

    def rebuild_audit(delete: str):
        con = duckdb.connect(str(copy))
        con.execute(f"delete from marts.delius_rqmnt where {delete}")
        con.close()
        return warehouse.dbt(
            "build",
            "-s",
            "audit_mart_rows_reconciled",
            "--target-path",
            str(tmp_path / "target"),
            DATAFIRST_DUCKDB_PATH=str(copy),
        )

    one = rebuild_audit("rqmnt_id_hash = (select min(rqmnt_id_hash) from marts.delius_rqmnt)")
    assert one.returncode == 0, one.stdout[-3000:]
    assert "WARN 1 mart_rows_reconcile_exactly" in one.stdout
    many = rebuild_audit("rqmnt_id_hash < '2'")
    assert many.returncode != 0
    assert "FAIL 1 mart_unexplained_rows_below_error_level" in many.stdout


def _unique_rows(rows: list[tuple]) -> int:
    counts = Counter(rows)
    return sum(1 for row in rows if counts[row] == 1)


def test_disclosure_risk_is_measured_per_mart_at_both_granularities(warehouse):
    con = warehouse.connect()
    risk = {
        (m, g): (q, n, u)
        for m, g, q, n, u in con.execute(
            "select mart_name, granularity, quasi_identifiers, row_count, unique_rows "
            "from audit.audit_mart_disclosure_risk"
        ).fetchall()
    }
    assert {m for m, _ in risk} == MARTS
    bands = sorted(dbt_vars()["release_age_bands"])

    def coarse(column, value):
        if value is None:
            return None
        if column.endswith("_date"):
            return value.replace(day=1)
        if column.startswith("age_"):
            return bands[max(bisect.bisect_right(bands, value) - 1, 0)]
        return value

    # Recomputed independently for the magistrates' flat file.
    columns = risk[("hocas_flatfile", "fine")][0].split(", ")
    assert columns[0] == "disposal_date" and "age_at_disposal" in columns
    rows = con.execute(f"select {', '.join(columns)} from marts.hocas_flatfile").fetchall()
    con.close()
    assert risk[("hocas_flatfile", "fine")][1:] == (len(rows), _unique_rows(rows))
    coarse_rows = [tuple(coarse(c, v) for c, v in zip(columns, r, strict=True)) for r in rows]
    assert risk[("hocas_flatfile", "coarse")][1:] == (len(rows), _unique_rows(coarse_rows))
    assert isinstance(coarse_rows[0][0], date)
    # Coarsening never makes a table riskier.
    for mart in MARTS:
        fine, coarse_ = risk[(mart, "fine")][2], risk[(mart, "coarse")][2]
        assert (fine is None) == (coarse_ is None)
        assert fine is None or coarse_ <= fine


def test_published_columns_follow_one_way_to_join(manifest):
    """Every published table that points to xjs_link carries both keys, the
    period its completeness is profiled by is one of its dates, every case
    key is called case_number_hash, and every length says its unit (in its
    name, or in a `<name>_unit` column where the unit varies by row)."""
    marts = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith("models/marts/")
    ]
    for node in marts:
        columns = node["columns"]
        if "row_id_hash" in columns:
            assert "source_dataset" in columns, node["name"]
        period = node["config"]["meta"]["period_column"]
        assert period is None or (period in columns and period.endswith("_date")), node["name"]
        for name in columns:
            assert "claim_number" not in name, (node["name"], name)
            if "length" in name and not name.endswith("_unit"):
                assert name.endswith(("_days", "_months", "_hours")) or f"{name}_unit" in columns, (
                    node["name"],
                    name,
                )
