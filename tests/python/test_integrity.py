"""Nothing is lost silently. A row whose parent (the table a fk column of the
registry references) is missing or quarantined is quarantined as an orphan
and counted in the reconciliation; every trusted row's parent is trusted;
only the trusted views and the quarantine read staging; and an extract
whose keys no longer match its children's fails the build instead of
emptying the marts."""

from __future__ import annotations

import shutil

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from datafirst import registry
from datafirst.extracts import read_manifest, write_manifest

TABLES_WITH_PARENTS = [spec for spec in registry.all_tables() if spec.parents]


def _id(spec):
    return f"{spec.system}.{spec.table}"


# --- the declarations --------------------------------------------------------------


def test_the_registry_names_the_parent_of_every_reference():
    # 38 justice tables, and 4 of the MoJ-DfE share: pnc.court_appearances,
    # npd.attainment, npd.absence, npd.exclusions.
    assert len(TABLES_WITH_PARENTS) == 42
    for system in registry.SYSTEMS:
        tables = {spec.table for spec in system.tables}
        for spec in system.tables:
            for column in spec.parents:
                assert column.references in tables, (spec.table, column.name)
    with pytest.raises(ValueError, match="names the table it references"):
        registry.Column("case_id", "int64", "a reference", "fk")
    with pytest.raises(ValueError, match="names the table it references"):
        registry.Column("case_id", "int64", "no reference", "", references="cases")
    dataset = registry.Dataset("x", "X", "x", "civil", "a", identifiers=())
    a = registry.TableSpec(
        "sys",
        "a",
        "a",
        "row",
        (
            registry.Column("id", "int64", "key", "key"),
            registry.Column("b_id", "int64", "b", "fk", references="b"),
        ),
    )
    b = registry.TableSpec(
        "sys",
        "b",
        "b",
        "row",
        (
            registry.Column("id", "int64", "key", "key"),
            registry.Column("a_id", "int64", "a", "fk", references="a"),
        ),
    )
    with pytest.raises(ValueError, match="is its own ancestor"):
        registry.SourceSystem("sys", "Sys", "", (None, None), (a, b), dataset)
    with pytest.raises(ValueError, match="no table c"):
        registry.SourceSystem(
            "sys",
            "Sys",
            "",
            (None, None),
            (
                registry.TableSpec(
                    "sys",
                    "a",
                    "a",
                    "row",
                    (
                        registry.Column("id", "int64", "key", "key"),
                        registry.Column("c_id", "int64", "c", "fk", references="c"),
                    ),
                ),
            ),
            dataset,
        )


def test_only_the_trusted_rows_and_the_quarantine_read_staging(manifest):
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        path = node["original_file_path"]
        reads_staging = any(
            d.startswith("model.datafirst.stg_") and "stg_truth__" not in d
            for d in node["depends_on"]["nodes"]
        )
        if reads_staging:
            assert path.startswith(
                (
                    "models/staging/",
                    "models/intermediate/trusted/",
                    "models/intermediate/quarantine/",
                )
            ), path


# --- orphans on the demo build ----------------------------------------------------


@pytest.mark.parametrize("spec", TABLES_WITH_PARENTS, ids=_id)
def test_trusted_rows_have_trusted_parents_and_every_orphan_is_quarantined(con, spec):
    system = registry.system(spec.system)
    trusted = f"intermediate.int_{spec.system}_{spec.table}_trusted"
    for column in spec.parents:
        parent = system.table(column.references)
        dangling = con.execute(
            f"select count(*) from {trusted} where {column.name} is not null "
            f"and {column.name} not in (select {parent.key} from "
            f"intermediate.int_{spec.system}_{parent.table}_trusted)"
        ).fetchone()[0]
        assert dangling == 0, column.name
    orphans = con.execute(
        f"select source_row_number from staging.stg_{spec.system}__{spec.table} "
        f"where quarantine_reason is null "
        f"and source_row_number not in (select source_row_number from {trusted})"
    ).fetchall()
    quarantined = con.execute(
        "select source_row_number, quarantine_reason from "
        "intermediate.int_source_rows_quarantined where source_system = ? "
        "and source_table = ? and quarantine_kind like 'orphan_of_%'",
        [spec.system, spec.table],
    ).fetchall()
    assert {r for (r,) in orphans} == {r for r, _ in quarantined}
    reasons = {f"orphan_of_{c.references}:{c.name}" for c in spec.parents}
    assert {reason for _, reason in quarantined} <= reasons


def test_the_demo_orphans_are_counted_in_the_reconciliation(con):
    orphaned, quarantined_orphans, raw, staged, quarantined = con.execute(
        """
        select
            sum(orphaned_rows),
            (select count(*) from intermediate.int_source_rows_quarantined
             where quarantine_kind like 'orphan_of_%'),
            sum(raw_rows), sum(staged_rows), sum(quarantined_rows)
        from intermediate.int_source_rows_reconciled
        """
    ).fetchone()
    assert orphaned == quarantined_orphans > 100
    assert raw == staged + quarantined
    # A grandchild of a quarantined row is an orphan too: the disposals of an
    # offence whose defendant is an orphan.
    transitive = con.execute(
        """
        select count(*)
        from intermediate.int_source_rows_quarantined as disposal
        inner join staging.stg_xhibit__disposals as disposals
            on disposal.source_row_number = disposals.source_row_number
        inner join intermediate.int_source_rows_quarantined as offence
            on offence.source_table = 'offences'
            and offence.record_key = disposals.offence_id
            and offence.quarantine_kind = 'orphan_of_defendants'
        where disposal.source_table = 'disposals'
            and disposal.quarantine_kind = 'orphan_of_offences'
        """
    ).fetchone()[0]
    assert transitive > 0


def test_a_parent_extract_whose_keys_no_longer_match_quarantines_its_children_and_fails(
    warehouse, tmp_path
):
    """The issue's changed extract: the magistrates' defendant-cases arrive
    with keys their offences and hearings no longer match. Every child is an
    orphan, counted, and the build fails instead of emptying the marts."""
    raw = tmp_path / "raw"
    shutil.copytree(warehouse.raw_dir, raw)
    path = raw / "libra" / "defendant_case.parquet"
    table = pq.read_table(path)
    index = table.schema.get_field_index("defendant_case_id")
    shifted = pc.add(table.column(index), pa.scalar(10**9, table.schema.field(index).type))
    pq.write_table(table.set_column(index, table.schema.field(index), shifted), path)
    write_manifest(raw, read_manifest(raw))  # still a synthetic extract
    database = tmp_path / "changed.duckdb"
    result = warehouse.dbt(
        "build",
        "-s",
        "+int_source_rows_reconciled",
        "--target-path",
        str(tmp_path / "target"),
        DATAFIRST_RAW_DIR=str(raw),
        DATAFIRST_DUCKDB_PATH=str(database),
    )
    assert result.returncode != 0
    assert "quarantine_share_below_error_level" in result.stdout
    con = duckdb.connect(str(database), read_only=True)
    rows = con.execute(
        "select source_table, raw_rows, staged_rows, quarantined_rows, orphaned_rows "
        "from intermediate.int_source_rows_reconciled where source_system = 'libra' "
        "order by source_table"
    ).fetchall()
    reasons = con.execute(
        "select distinct quarantine_reason from intermediate.int_source_rows_quarantined "
        "where source_system = 'libra' and source_table in ('offence', 'hearing') "
        "and quarantine_kind like 'orphan_of_%'"
    ).fetchall()
    con.close()
    by_table = {r[0]: r[1:] for r in rows}
    for child in ("offence", "hearing"):
        raw_rows, staged, quarantined, orphaned = by_table[child]
        assert staged == 0
        assert raw_rows == quarantined
        assert orphaned > 0.9 * raw_rows
    assert by_table["defendant_case"][1] > 0
    assert reasons == [("orphan_of_defendant_case:defendant_case_id",)]
