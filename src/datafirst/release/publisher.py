"""Publish the research release from a passing build of the working
warehouse: the marts (linking tables included), the lookups and a release
manifest, and nothing else, in a DuckDB file of their own and one Parquet
file per table.

Atomically: the new release is written into a folder of its own beside the
current one and checked (only the expected schemas and tables, the same
rows as the build, no identifier-like column, the disclosure risk the build
measured); only then does the release link (``data/release`` by default, a
symbolic link to ``data/releases/<release id>``) move to it, in one rename.
Anything that fails or is interrupted before that rename leaves the
previous release as it was, byte for byte.

The coarse release (``coarse=True``) publishes every event date (a column
``*_date``) as the first day of its month and every age (``age_*``) as the
lower bound of its band (dbt var ``release_age_bands``), as the dbt macro
``coarsen_quasi_identifier`` does when the build measures the coarse
disclosure risk.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from datafirst.project import Dbt, dbt_vars
from datafirst.release.build import (
    BuildRecord,
    now,
    record_path,
    sha256_file,
    warehouse_unchanged,
)

#: The release's DuckDB file, inside the release folder.
RELEASE_FILE = "datafirst_release.duckdb"
#: One Parquet file per table, under ``parquet/<schema>/<table>.parquet``.
PARQUET_DIR = "parquet"
CHECKSUMS = "SHA256SUMS"
#: The schemas of a release, and nothing else.
MARTS, LOOKUPS, MANIFEST = "marts", "lookups", "release"
#: Where the working warehouse keeps what the release copies.
AUDIT_SCHEMA = "audit"
DISCLOSURE_RISK = "audit_mart_disclosure_risk"
LINKAGE_ACCURACY = ("linkage", "linkage_person_accuracy")
GRANULARITIES = ("fine", "coarse")


class ReleaseError(RuntimeError):
    """The release cannot be made from this build; nothing was published."""


@dataclass
class Release:
    """A published release on disk."""

    path: Path  # its own folder, data/releases/<release id>
    release_id: str
    granularity: str
    tables: int

    @property
    def database(self) -> Path:
        return self.path / RELEASE_FILE


def versions_dir(link: Path) -> Path:
    """Where the versions of the release the link points at are kept."""
    return link.parent / f"{link.name}s"


def current(link: Path) -> Path | None:
    """The folder of the published release, or None before the first."""
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def coarsened(column: str, data_type: str, bands: list[int]) -> str:
    """The SQL of a column as the coarse release publishes it (the dbt macro
    coarsen_quasi_identifier, in Python)."""
    quoted = f'"{column}"'
    if column.endswith("_date"):
        if data_type != "DATE":
            raise ReleaseError(f"{column}: a *_date column must be a DATE, not {data_type}")
        return f"cast(date_trunc('month', {quoted}) as date)"
    if column.startswith("age_"):
        if data_type not in {"INTEGER", "BIGINT", "SMALLINT"}:
            raise ReleaseError(f"{column}: an age_* column must be an integer, not {data_type}")
        whens = " ".join(
            f"when {quoted} >= {bound} then {bound}" for bound in sorted(bands, reverse=True)
        )
        return f"cast(case {whens} when {quoted} is not null then {min(bands)} end as {data_type})"
    return quoted


def publish(
    dbt: Dbt,
    record: BuildRecord | None = None,
    coarse: bool = False,
    log: Callable[[str], None] = lambda message: None,
    keep: int = 2,
) -> Release:
    """Publish the release of the build ``record`` (default: the record
    beside the working warehouse) and move the release link to it.

    Raises :class:`ReleaseError` (nothing published) when the build did not
    pass, the warehouse changed since, or the new release fails a check.
    ``keep`` versions are kept (the new one and the one before it)."""
    warehouse = dbt.duckdb_path
    if record is None:
        path = record_path(warehouse)
        if not path.exists():
            raise ReleaseError(f"no build of {warehouse} is recorded: run the build first")
        record = BuildRecord.read(path)
    if not record.passed:
        problems = "; ".join(record.problems[:5]) or record.status
        raise ReleaseError(f"the last build of {warehouse} did not pass ({problems})")
    if not warehouse_unchanged(record, warehouse):
        raise ReleaseError(
            f"{warehouse} changed after its last passing build ({record.finished_at}): "
            "build again to publish it"
        )
    granularity = "coarse" if coarse else "fine"
    link = dbt.release_dir
    versions = versions_dir(link)
    versions.mkdir(parents=True, exist_ok=True)
    for stale in versions.glob(".partial-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a killed release
    stamp = now().replace("-", "").replace(":", "")
    commit = (record.code.get("commit") or "nogit")[:7]
    release_id = f"{stamp}-{granularity}-{commit}"
    if link.exists() and not link.is_symlink():
        raise ReleaseError(f"{link} is not a release link: move it away first")
    partial = versions / f".partial-{release_id}"
    partial.mkdir()
    try:
        log(f"Writing release {release_id} ({granularity}) in {partial} ...")
        tables = _write(partial, warehouse, record, release_id, granularity)
        final = versions / release_id
        _swap(partial, final, link)
    except duckdb.Error as error:
        shutil.rmtree(partial, ignore_errors=True)
        # The error's text only when it is about files (a lock, a missing
        # file): a conversion error could quote a value.
        detail = str(error).splitlines()[0] if isinstance(error, duckdb.IOException) else ""
        raise ReleaseError(f"DuckDB {type(error).__name__} while writing it {detail}") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _prune(versions, link, keep)
    return Release(final, release_id, granularity, tables)


def _write(
    folder: Path, warehouse: Path, record: BuildRecord, release_id: str, granularity: str
) -> int:
    """Write and check the release in ``folder``; returns its table count."""
    database = folder / RELEASE_FILE
    con = duckdb.connect(str(database))
    try:
        con.execute(f"attach '{warehouse}' as working (read_only)")
        for schema in (MARTS, LOOKUPS, MANIFEST):
            con.execute(f"create schema {schema}")
        bands = list(dbt_vars()["release_age_bands"])
        for mart in record.marts:
            _copy(con, mart, MARTS, granularity == "coarse", bands)
        for lookup in record.lookups:
            _copy(con, lookup, LOOKUPS, False, [])
        measured = _measure_disclosure_risk(con, record.marts)
        _write_manifest(con, record, release_id, granularity, measured)
        _check_rows(con, record)
        con.execute("detach working")
        _check_contents(con, record)
        parquet = _export_parquet(con, folder)
        _write_table_list(con, folder, parquet)
        con.execute("checkpoint")
    finally:
        con.close()
    _write_checksums(folder)
    return len(parquet) + 1


def _copy(con, relation: dict, schema: str, coarse: bool, bands: list[int]) -> None:
    source = f'working."{relation["schema"]}"."{relation["table"]}"'
    columns = con.execute(
        "select column_name, data_type, comment from duckdb_columns() "
        "where database_name = 'working' and schema_name = ? and table_name = ? "
        "order by column_index",
        [relation["schema"], relation["table"]],
    ).fetchall()
    if not columns:
        raise ReleaseError(f"{relation['schema']}.{relation['table']} is not in the warehouse")
    select = ", ".join(
        f'{coarsened(name, data_type, bands) if coarse else chr(34) + name + chr(34)} as "{name}"'
        for name, data_type, _ in columns
    )
    target = f'{schema}."{relation["name"]}"'
    con.execute(f"create table {target} as select {select} from {source}")
    comment = con.execute(
        "select comment from duckdb_tables() "
        "where database_name = 'working' and schema_name = ? and table_name = ?",
        [relation["schema"], relation["table"]],
    ).fetchone()
    if comment and comment[0]:
        con.execute(f"comment on table {target} is {_literal(comment[0])}")
    for name, data_type, text in columns:
        changed = coarse and coarsened(name, data_type, bands) != f'"{name}"'
        if changed:
            text = (text or "") + (
                "\n\nCoarse release: the first day of the month."
                if name.endswith("_date")
                else f"\n\nCoarse release: the lower bound of its age band {bands}."
            )
        if text:
            con.execute(f'comment on column {target}."{name}" is {_literal(text)}')


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _measure_disclosure_risk(con, marts: list[dict]) -> dict[str, tuple]:
    """Rows and unique rows on each mart's quasi-identifiers, measured on the
    release's own tables."""
    measured = {}
    for mart in marts:
        columns = mart["meta"].get("quasi_identifiers") or []
        table = f'{MARTS}."{mart["name"]}"'
        if not columns:
            rows = con.execute(f"select count(*) from {table}").fetchone()[0]
            measured[mart["name"]] = (rows, None)
            continue
        partition = ", ".join(f'"{c}"' for c in columns)
        measured[mart["name"]] = con.execute(
            f"select count(*), count(*) filter (where group_size = 1) from ("
            f"select count(*) over (partition by {partition}) as group_size from {table})"
        ).fetchone()
    return measured


def _write_manifest(
    con, record: BuildRecord, release_id: str, granularity: str, measured: dict
) -> None:
    extract = record.extract_manifest
    con.execute(
        f"""
        create table {MANIFEST}.release_manifest as select
            ? as release_id,
            ? as granularity,
            cast(? as timestamp) as built_at,
            cast(? as timestamp) as published_at,
            ? as code_commit,
            ? as code_dirty,
            ? as dbt_invocation_id,
            ? as key_fingerprint,
            ? as is_public_demo_key,
            cast(? as integer) as extract_people,
            cast(? as bigint) as extract_seed,
            ? as extract_profile,
            ? as age_bands
        """,
        [
            release_id,
            granularity,
            record.finished_at.rstrip("Z"),
            now().rstrip("Z"),
            record.code.get("commit"),
            record.code.get("dirty"),
            record.invocation_id,
            record.key_fingerprint,
            record.demo_key,
            extract.get("people"),
            extract.get("seed"),
            extract.get("profile"),
            ", ".join(str(b) for b in dbt_vars()["release_age_bands"]),
        ],
    )
    declared = extract.get("tables", {})
    con.execute(
        f"create table {MANIFEST}.release_extracts (source_system varchar, source_table varchar, "
        "file varchar, sha256 varchar, row_count bigint, declared_row_count bigint)"
    )
    for item in record.extracts:
        con.execute(
            f"insert into {MANIFEST}.release_extracts values (?, ?, ?, ?, ?, ?)",
            [
                item["source_system"],
                item["source_table"],
                item["file"],
                item["sha256"],
                item["rows"],
                declared.get(f"{item['source_system']}.{item['source_table']}"),
            ],
        )
    _write_evaluation(con)
    _write_disclosure_risk(con, granularity, measured)


def _exists(con, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() "
            "where database_name = 'working' and schema_name = ? and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def _write_evaluation(con) -> None:
    """The linkage's measured accuracy at the default threshold, when the
    build evaluated it (synthetic data); no rows otherwise."""
    columns = (
        "scope varchar, scope_kind varchar, pairwise_precision double, "
        "pairwise_recall double, pairwise_f1 double"
    )
    con.execute(f"create table {MANIFEST}.release_linkage_evaluation ({columns})")
    if _exists(con, *LINKAGE_ACCURACY):
        con.execute(
            f"""
            insert into {MANIFEST}.release_linkage_evaluation
            select scope, scope_kind, precision, recall, f1
            from working.{LINKAGE_ACCURACY[0]}.{LINKAGE_ACCURACY[1]}
            where threshold_level = 'default' and group_type = 'all'
            order by scope
            """
        )


def _write_disclosure_risk(con, granularity: str, measured: dict) -> None:
    """The build's disclosure risk per mart at both granularities, and which
    one this release publishes. The release's own tables must achieve the
    figures of the granularity it publishes."""
    if not _exists(con, AUDIT_SCHEMA, DISCLOSURE_RISK):
        raise ReleaseError(f"the build has no {AUDIT_SCHEMA}.{DISCLOSURE_RISK}")
    con.execute(
        f"""
        create table {MANIFEST}.release_disclosure_risk as
        select
            mart_name,
            quasi_identifiers,
            granularity,
            granularity = ? as is_published_granularity,
            row_count,
            unique_rows,
            unique_share,
            smallest_group_size
        from working.{AUDIT_SCHEMA}.{DISCLOSURE_RISK}
        order by mart_name, granularity desc
        """,
        [granularity],
    )
    built = {
        name: (rows, unique)
        for name, rows, unique in con.execute(
            f"select mart_name, row_count, unique_rows from {MANIFEST}.release_disclosure_risk "
            "where is_published_granularity"
        ).fetchall()
    }
    for name, achieved in measured.items():
        if built.get(name) != tuple(achieved):
            raise ReleaseError(
                f"{name}: the release has {achieved[1]} unique rows of {achieved[0]} at "
                f"{granularity} granularity, the build measured {built.get(name)}"
            )


def _check_rows(con, record: BuildRecord) -> None:
    """Every mart holds the rows the build made."""
    for mart in record.marts:
        source = f'working."{mart["schema"]}"."{mart["table"]}"'
        built, released = con.execute(
            f"select (select count(*) from {source}), "
            f'(select count(*) from {MARTS}."{mart["name"]}")'
        ).fetchone()
        if built != released:
            raise ReleaseError(f"{mart['name']}: {released} rows released, {built} built")


def _check_contents(con, record: BuildRecord) -> None:
    """The release holds the marts, lookups and manifest, nothing else: no
    other schema or table, and no identifier-like column (the build's own
    dbt test, run on the release; the working warehouse is detached)."""
    tables = set(
        con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where database_name = current_database()"
        ).fetchall()
    )
    schemas = {
        s
        for (s,) in con.execute(
            "select schema_name from duckdb_schemas() where database_name = current_database() "
            "and not internal"
        ).fetchall()
    }
    expected = {(MARTS, m["name"]) for m in record.marts} | {
        (LOOKUPS, m["name"]) for m in record.lookups
    }
    unexpected = {t for t in tables - expected if t[0] != MANIFEST}
    if unexpected or not expected <= tables or schemas - {MARTS, LOOKUPS, MANIFEST, "main"}:
        raise ReleaseError(
            f"the release holds {sorted(unexpected)} in schemas {sorted(schemas)}, "
            f"or lacks {sorted(expected - tables)}"
        )
    if not record.identifier_check_sql:
        raise ReleaseError("the build recorded no identifier-column check")
    leaking = con.execute(record.identifier_check_sql).fetchall()
    if leaking:
        raise ReleaseError(f"identifier-like columns in the release: {leaking}")


def _export_parquet(con, folder: Path) -> dict[tuple[str, str], Path]:
    files = {}
    for schema, table in con.execute(
        "select schema_name, table_name from duckdb_tables() "
        "where database_name = current_database() and table_name != 'release_tables' "
        "order by schema_name, table_name"
    ).fetchall():
        path = folder / PARQUET_DIR / schema / f"{table}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"copy {schema}.\"{table}\" to '{path}' (format parquet)")
        files[(schema, table)] = path
    return files


def _write_table_list(con, folder: Path, parquet: dict[tuple[str, str], Path]) -> None:
    con.execute(
        f"create table {MANIFEST}.release_tables (table_schema varchar, table_name varchar, "
        "row_count bigint, column_count integer, parquet_file varchar, parquet_sha256 varchar)"
    )
    for (schema, table), path in sorted(parquet.items()):
        rows, columns = con.execute(
            f'select (select count(*) from {schema}."{table}"), '
            "(select count(*) from duckdb_columns() where database_name = current_database() "
            "and schema_name = ? and table_name = ?)",
            [schema, table],
        ).fetchone()
        con.execute(
            f"insert into {MANIFEST}.release_tables values (?, ?, ?, ?, ?, ?)",
            [schema, table, rows, columns, str(path.relative_to(folder)), sha256_file(path)],
        )
    path = folder / PARQUET_DIR / MANIFEST / "release_tables.parquet"
    con.execute(f"copy {MANIFEST}.release_tables to '{path}' (format parquet)")


def _write_checksums(folder: Path) -> None:
    lines = [
        f"{sha256_file(path)}  {path.relative_to(folder)}"
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
    (folder / CHECKSUMS).write_text("\n".join(lines) + "\n")
    for path in [*folder.rglob("*"), folder]:
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


def _swap(partial: Path, final: Path, link: Path) -> None:
    """Move the checked release into place and the link to it, with no
    signal in between: after this, the new release is the published one."""
    blocked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        partial.rename(final)
        staged = link.with_name(f".{link.name}.new")
        staged.unlink(missing_ok=True)
        staged.symlink_to(os.path.relpath(final, link.parent))
        os.replace(staged, link)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _prune(versions: Path, link: Path, keep: int) -> None:
    published = current(link)
    kept = sorted(
        (p for p in versions.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
        reverse=True,
    )
    for old in kept[keep:]:
        if old != published:
            shutil.rmtree(old, ignore_errors=True)
