"""The warehouse on Apache Spark: the session, and dbt run inside it.

dbt-spark's ``method: session`` runs every statement on the SparkSession of
its own process (``SparkSession.builder.getOrCreate()``). So this runner
creates that session first, with everything the project needs that the
DuckDB target gets from its dbt-duckdb plugins, then runs dbt in the same
process (``dbtRunner``):

- Splink's similarity jar on ``spark.jars`` (Jaro-Winkler, Damerau-
  Levenshtein for the linkage) and a checkpoint folder for Splink;
- a Hive metastore and warehouse folder of the target's own (``DATAFIRST_
  SPARK_DIR``, default ``data/spark``), so the warehouse outlives the run;
- the name encodings ``datafirst_metaphone`` and
  ``datafirst_forename_variants`` as Spark functions, the same Python
  functions as the DuckDB plugin's (:mod:`datafirst.warehouse.names`);
- the pseudonymisation key as a Spark SQL session variable
  (``datafirst_pseudonymisation_key``), set through a parameter marker, so it
  is never in SQL text, compiled SQL or logs; the same key rules as the
  DuckDB plugin (:func:`datafirst.warehouse.pseudonymisation.resolve_key`);
- each source table as a view over its Parquet extract, with the row's
  position in the file as ``file_row_number`` (what dbt-duckdb's
  ``read_parquet(..., file_row_number = true)`` gives), after checking that
  every extract exists and holds rows;
- a ``session`` submission method for dbt Python models (dbt-spark 1.11
  submits Python models only to Databricks): :class:`SessionPythonJobHelper`
  runs the compiled model in this session.

Run it as ``python -m datafirst.warehouse.spark build`` (``DATAFIRST_TARGET=
spark make build``); any dbt command and arguments are passed on.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from datafirst.project import DATA_DIR, PROJECT_ROOT
from datafirst.warehouse import names
from datafirst.warehouse.pseudonymisation import (
    DEMO_KEY_VARIABLE,
    FINGERPRINT_VARIABLE,
    SQL_VARIABLE,
    key_fingerprint,
    logger,
    resolve_key,
    warn_demo_key,
)

TARGET = "spark"
DEFAULT_SPARK_DIR = DATA_DIR / "spark"
#: Targets whose profile allows the public demo key (as ``allow_demo_key`` in
#: the DuckDB targets' plugin config).
DEMO_KEY_TARGETS = {"spark"}


def spark_dir(env: dict | None = None) -> Path:
    """The folder holding the Spark target's metastore, tables and scratch."""
    env = os.environ if env is None else env
    return Path(env.get("DATAFIRST_SPARK_DIR", DEFAULT_SPARK_DIR)).resolve()


def session_config(folder: Path, env: dict | None = None) -> dict[str, str]:
    """The SparkSession settings of the ``spark`` target (local Spark)."""
    from splink.backends.spark import similarity_jar_location

    env = os.environ if env is None else env
    metastore = folder / "metastore_db"
    return {
        "spark.master": env.get("DATAFIRST_SPARK_MASTER", "local[*]"),
        "spark.app.name": "datafirst",
        "spark.jars": similarity_jar_location(),
        "spark.driver.memory": env.get("DATAFIRST_SPARK_MEMORY", "8g"),
        "spark.sql.warehouse.dir": str(folder / "warehouse"),
        "spark.hadoop.javax.jdo.option.ConnectionURL": (
            f"jdbc:derby:;databaseName={metastore};create=true"
        ),
        "spark.driver.extraJavaOptions": f"-Dderby.system.home={folder}",
        "spark.sql.catalogImplementation": "hive",
        # Dates and timestamps as DuckDB reads them: no time zone shifts.
        "spark.sql.session.timeZone": "UTC",
        # Small tables: few shuffle partitions (adaptive execution coalesces
        # them further); raise on a cluster (README, "Spark at scale").
        "spark.sql.shuffle.partitions": env.get("DATAFIRST_SPARK_SHUFFLE_PARTITIONS", "8"),
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.sources.partitionOverwriteMode": "dynamic",
        "spark.checkpoint.dir": str(folder / "checkpoints"),
    }


def session(folder: Path | None = None, env: dict | None = None):
    """The SparkSession of this process, created with the target's settings,
    the name functions and the pseudonymisation key."""
    from pyspark.sql import SparkSession

    env = dict(os.environ if env is None else env)
    folder = spark_dir(env) if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    # Python workers (the name functions, Splink's) run this interpreter,
    # which has the project installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    builder = SparkSession.builder
    for key, value in session_config(folder, env).items():
        builder = builder.config(key, value)
    spark = builder.enableHiveSupport().getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    # PySpark logs every failed statement with its Java stack trace; dbt
    # reports the error itself.
    logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
    spark.sparkContext.setCheckpointDir(str(folder / "checkpoints"))
    register_functions(spark)
    set_key(spark, env, allow_demo_key=env.get("DATAFIRST_TARGET", TARGET) in DEMO_KEY_TARGETS)
    return spark


def register_functions(spark) -> None:
    """The name encodings as Spark functions (the DuckDB plugin's Python)."""
    from pyspark.sql.types import ArrayType, StringType

    returns = {
        "datafirst_metaphone": StringType(),
        "datafirst_forename_variants": ArrayType(StringType()),
    }
    for name, (function, _) in names.FUNCTIONS.items():
        spark.udf.register(name, function, returns[name])
    # The Jaro-Winkler similarity DuckDB computes (macro name_similarity).
    from datafirst.linkage import dialect

    dialect.register_functions(spark)


def set_key(spark, env: dict, allow_demo_key: bool) -> None:
    """Declare the session variable holding the pseudonymisation key and set
    it through a parameter marker: the key is never in SQL text."""
    # As the DuckDB dev target: an extract the generator did not mark
    # synthetic is refused unless the key is a secret.
    key, is_demo = resolve_key(
        env,
        allow_demo_key,
        env.get("DATAFIRST_RAW_DIR", "data/raw") if allow_demo_key else None,
    )
    fingerprint = key_fingerprint(key)
    if is_demo:
        warn_demo_key()
    logger.info(f"Pseudonymisation key fingerprint: {fingerprint}")
    spark.sql(f"declare or replace variable {SQL_VARIABLE} string")
    spark.sql(f"set variable {SQL_VARIABLE} = :key", args={"key": key})
    spark.sql(f"declare or replace variable {FINGERPRINT_VARIABLE} string")
    spark.sql(f"set variable {FINGERPRINT_VARIABLE} = :value", args={"value": fingerprint})
    spark.sql(f"declare or replace variable {DEMO_KEY_VARIABLE} boolean")
    spark.sql(f"set variable {DEMO_KEY_VARIABLE} = :value", args={"value": is_demo})


# ---------------------------------------------------------------- sources


def source_path(source, env: dict) -> Path:
    """Where a source table's Parquet extract is (as check_source_extracts
    and the sources' ``external_location`` find it)."""
    meta = {**(source.meta or {}), **(source.config.meta or {})}
    if meta.get("extract_dir_env"):
        folder = env.get(meta["extract_dir_env"], meta.get("extract_dir_default", "data/raw"))
        return Path(folder) / f"{source.name}.parquet"
    raw = env.get("DATAFIRST_RAW_DIR", "data/raw")
    return Path(raw) / source.source_name / f"{source.name}.parquet"


def check_extracts(sources, env: dict) -> None:
    """Stop, naming each, when an extract is missing, empty or does not match
    its contract (the columns and types its source declares): the messages
    of the DuckDB target's ``check_source_extracts``, from the files'
    metadata only, so no message can quote a raw value."""
    problems = []
    for source in sources:
        path = source_path(source, env)
        dir_env = (source.config.meta or source.meta or {}).get(
            "extract_dir_env", "DATAFIRST_RAW_DIR"
        )
        table = f"{source.source_name}.{source.name}"
        if not path.is_file():
            problems.append(f"{table}: missing extract {path} ({dir_env})")
            continue
        declared = {
            name: column.data_type
            for name, column in (source.columns or {}).items()
            if column.data_type
        }
        found, rows = parquet_schema(path)
        problems += contract_problems(table, declared, found)
        if rows == 0:
            problems.append(f"{table}: empty extract {path} ({dir_env})")
    if problems:
        raise SystemExit(
            "Source extracts are missing, empty or do not match the columns and types "
            "the registry declares (src/datafirst/registry/, make sources); nothing was "
            "built. Generate them (make generate) or point the environment variable "
            "named after each at them; a column of another type is rejected, not "
            "converted:\n  " + "\n  ".join(problems)
        )


def parquet_schema(path: Path) -> tuple[dict[str, str], int]:
    """A Parquet file's columns with the types DuckDB reads them as (the types
    the sources declare), and its row count, from its metadata."""
    import duckdb

    with duckdb.connect() as con:
        literal = str(path).replace("'", "''")
        columns = con.execute(
            "select column_name, column_type from "
            f"(describe select * from read_parquet('{literal}'))"
        ).fetchall()
        rows = con.execute(
            f"select sum(num_rows) from parquet_file_metadata('{literal}')"
        ).fetchone()[0]
    return {name: column_type for name, column_type in columns}, int(rows or 0)


def contract_problems(table: str, declared: dict[str, str], found: dict[str, str]) -> list[str]:
    """Each declared column the extract lacks or holds as another type, and
    each column it holds that is not declared (types compared as
    ``check_source_extracts`` does: case and spaces ignored)."""
    if not declared:
        return []

    def norm(value: str) -> str:
        return value.lower().replace(" ", "")

    declared = {name.lower(): norm(t) for name, t in declared.items()}
    found = {name.lower(): norm(t) for name, t in found.items()}
    problems = []
    for name, expected in declared.items():
        if name not in found:
            problems.append(f"{table}.{name}: missing column (expected {expected})")
        elif found[name] != expected:
            problems.append(
                f"{table}.{name}: type changed (expected {expected}, found {found[name]})"
            )
    for name, found_type in found.items():
        if name not in declared:
            problems.append(f"{table}.{name}: extra column (expected none, found {found_type})")
    return problems


def source_select(source, path: Path) -> str:
    """The query of a source table's view: every column of its extract, with
    ``file_row_number`` (the row's position in the file, from 0, as DuckDB
    numbers it). For a raw table of the registry, the same read as the
    DuckDB target's ``external_location`` (datafirst.registry.dbt.render_read):
    a text value that is not valid UTF-8 or is longer than its column allows
    is nulled, and ``raw_text_problem`` names the first
    (``invalid_encoding:<column>``, ``oversized_text:<column>``), so that
    staging quarantines the row without quoting the value."""
    from datafirst import registry

    read = f"select *, _metadata.row_index as file_row_number from parquet.`{path}`"
    system = next((s for s in registry.SYSTEMS if s.name == source.source_name), None)
    spec = next((t for t in system.tables if t.table == source.name), None) if system else None
    if spec is None:
        return read
    columns, problems = [], []
    for column in spec.columns:
        name = column.name
        if column.type != "string":
            columns.append(name)
            continue
        invalid = f"not is_valid_utf8({name})"
        oversized = f"length({name}) > {column.max_length}"
        columns.append(f"case when {invalid} or {oversized} then null else {name} end as {name}")
        problems.append(
            f"case when {invalid} then 'invalid_encoding:{name}' "
            f"when {oversized} then 'oversized_text:{name}' end"
        )
    return (
        f"select {', '.join(columns)}, file_row_number, "
        f"coalesce({', '.join([*problems, 'cast(null as string)'])}) as raw_text_problem "
        f"from ({read}) as extract"
    )


def register_sources(spark, sources, env: dict) -> None:
    """Each source table as a view over its extract (:func:`source_select`)."""
    for schema in sorted({s.schema for s in sources}):
        spark.sql(f"create database if not exists {schema}")
    for source in sources:
        path = source_path(source, env).resolve()
        spark.sql(
            f"create or replace view {source.schema}.{source.identifier} as "
            + source_select(source, path)
        )


def parse(args: list[str]):
    """dbt's manifest of the project (``--vars`` given on the command line
    apply: they enable or disable the truth)."""
    from dbt.cli.main import dbtRunner

    parse_args = ["parse", "--quiet"]
    if "--vars" in args:
        parse_args += ["--vars", args[args.index("--vars") + 1]]
    result = dbtRunner().invoke(parse_args)
    if not result.success:
        raise SystemExit(f"dbt parse failed: {result.exception}")
    return result.result


def project_sources(manifest) -> list:
    """The enabled sources of this project."""
    return [
        s for s in manifest.sources.values() if s.package_name == "datafirst" and s.config.enabled
    ]


# ---------------------------------------------------------------- Python models


class SessionPythonJobHelper:
    """dbt-spark's Python model submission, in this process's SparkSession.

    dbt-spark 1.11 submits Python models to Databricks only (a job cluster or
    an all-purpose cluster). With ``method: session`` the models can run
    where the SQL runs: the compiled model (its ``model()`` function, dbt's
    ``dbtObj`` and dbt-spark's ``py_write_table`` epilogue, which saves the
    returned DataFrame as the model's table) is executed with ``spark`` bound
    to the session.
    """

    def __init__(self, parsed_model: dict, credentials: Any) -> None:
        self.parsed_model = parsed_model
        self.credentials = credentials

    def submit(self, compiled_code: str) -> None:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.getOrCreate()
        name = f"<dbt python model {self.parsed_model.get('unique_id', '?')}>"
        exec(compile(compiled_code, name, "exec"), {"spark": spark, "__name__": "__dbt__"})  # noqa: S102


def install_session_submission() -> None:
    """Offer ``submission_method: session`` to dbt-spark in this process."""
    from dbt.adapters.spark.impl import SparkAdapter

    helpers = SparkAdapter.python_submission_helpers
    if getattr(helpers, "_datafirst_session", False):
        return
    original = helpers.fget

    def with_session(self):
        return {**original(self), "session": SessionPythonJobHelper}

    patched = property(with_session)
    patched.fget._datafirst_session = True  # type: ignore[attr-defined]
    SparkAdapter.python_submission_helpers = patched


def install_binding_fix() -> None:
    """Quote text bound into SQL by dbt-spark's session cursor (seed rows).

    dbt-spark 1.11 wraps a text value in quotes without escaping it, so a
    seed row holding an apostrophe ("Magistrates' Court") breaks the
    statement, and it turns integers into floats. Here text is escaped as
    Spark SQL reads it and integers stay integers."""
    from dbt.adapters.spark.session import SessionConnectionWrapper

    def fix_binding(cls, value: Any) -> Any:
        if isinstance(value, bool) or value is None:
            return "null" if value is None else str(value).lower()
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return original(value)

    if getattr(SessionConnectionWrapper._fix_binding, "_datafirst", False):
        return
    original = SessionConnectionWrapper._fix_binding
    fix_binding._datafirst = True  # type: ignore[attr-defined]
    SessionConnectionWrapper._fix_binding = classmethod(fix_binding)


# ---------------------------------------------------------------- run


def run_dbt(args: list[str], env: dict | None = None) -> bool:
    """Run ``dbt <args>`` on the ``spark`` target in this process."""
    from dbt.cli.main import dbtRunner

    env = dict(os.environ if env is None else env)
    os.environ.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT))
    os.environ["DATAFIRST_TARGET"] = env.get("DATAFIRST_TARGET", TARGET)
    os.chdir(PROJECT_ROOT)
    spark = session(env=env)
    install_session_submission()
    install_binding_fix()
    manifest = None
    if args and args[0] in {"build", "run", "test", "seed", "docs", "compile", "show"}:
        manifest = parse(args)
        sources = project_sources(manifest)
        if args[0] in {"build", "run", "test"}:
            check_extracts(sources, env)
        register_sources(spark, sources, env)
    result = dbtRunner(manifest=manifest).invoke(list(args))
    return bool(result.success)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv) or ["build"]
    started = time.monotonic()
    ok = run_dbt(args)
    print(f"dbt {' '.join(args)} on Spark: {time.monotonic() - started:.0f} s")  # noqa: T201
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
