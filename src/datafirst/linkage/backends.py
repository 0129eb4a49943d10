"""Where the linkage engine runs: DuckDB (Arrow tables in and out) or Spark
(DataFrames in and out, Splink's Spark backend).

The engine (:mod:`datafirst.linkage.engine`) is written once against the
small interface here: named tables, SQL, a scalar, a Splink database API
and its results. The warehouse's target picks the backend through the
tables the dbt Python model hands over: a DuckDB relation gives Arrow
tables (:class:`DuckDBBackend`), a Spark DataFrame gives
:class:`SparkBackend`. The SQL the engine writes runs unchanged on both;
the models' own SQL (DuckDB's) is translated by
:mod:`datafirst.linkage.dialect`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

#: Memory the linkage's own DuckDB connections may use, each (the warehouse's
#: connection has its own limit, DATAFIRST_MEMORY_LIMIT, 8GB). Beyond it
#: DuckDB spills to disk rather than growing. Both run in dbt's process, so
#: their limits add up: 8 + 3 GB keeps a million-person build under 12 GB
#: (10.4 GB measured), with Splink's connections closed as soon as their
#: results are out (splink_session).
MEMORY_LIMIT_ENV = "DATAFIRST_LINKAGE_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "3GB"


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection for the linkage, with its memory limit."""
    return duckdb.connect(
        config={"memory_limit": os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)}
    )


def splink_api():
    """Splink's DuckDB backend on a connection of its own, with the limit."""
    from splink import DuckDBAPI

    return DuckDBAPI(connection=connect())


@contextmanager
def splink_session() -> Iterator[Any]:
    """Splink's DuckDB backend on a connection of its own, closed on leaving:
    what Splink made there (its copy of the records, the blocked pairs, the
    predictions) is freed at once, not whenever the garbage collector
    reaches the linker (a reference cycle), so that at most one such
    connection holds memory at a time. Take the results out (as Arrow)
    inside the block."""
    from splink import DuckDBAPI

    con = connect()
    try:
        yield DuckDBAPI(connection=con)
    finally:
        con.close()


def is_spark_frame(table: Any) -> bool:
    """Whether ``table`` is a Spark DataFrame (without importing pyspark
    where it is not installed)."""
    module = type(table).__module__
    return module.startswith("pyspark.")


def warehouse_table(relation: Any) -> Any:
    """A table a dbt Python model read with ``dbt.ref``, in the form the
    engine takes: Arrow from DuckDB, the DataFrame itself from Spark."""
    if is_spark_frame(relation):
        return relation
    return relation.to_arrow_table()


def register(db_api, table: Any, name: str):
    """``table`` registered with a Splink database API as ``name``. On Spark,
    Splink makes ``name`` a temporary view of the session and refuses a name
    already taken, so a view left by an earlier model of the same build is
    replaced."""
    if is_spark_frame(table):
        db_api.spark.catalog.dropTempView(name)
    return db_api.register(table, dataset_display_name=name)


def arrow_table(relation: Any) -> pa.Table:
    """A table a dbt Python model read with ``dbt.ref``, as Arrow whatever the
    target: for the evaluation that runs on DuckDB in this process on either
    target (:mod:`datafirst.linkage.diagnostics`)."""
    if is_spark_frame(relation):
        return relation.toArrow()
    return relation.to_arrow_table()


def model_result(table: pa.Table, session: Any) -> Any:
    """An Arrow table as a dbt Python model returns it on the target whose
    ``session`` the model was given: Arrow on DuckDB, a DataFrame on Spark."""
    if type(session).__module__.startswith("pyspark."):
        return session.createDataFrame(table)
    return table


def backend_for(*tables: Any) -> DuckDBBackend | SparkBackend:
    """The backend of the engine's inputs."""
    for table in tables:
        if is_spark_frame(table):
            return SparkBackend(table.sparkSession)
    return DuckDBBackend()


class DuckDBBackend:
    """The engine on an in-memory DuckDB; Splink on its own ``DuckDBAPI``."""

    dialect = "duckdb"

    def __init__(self) -> None:
        self.con = connect()

    def load(self, name: str, table: pa.Table) -> None:
        self.con.register(name, table)

    def unload(self, name: str) -> None:
        self.con.unregister(name)

    def create(self, name: str, sql: str) -> None:
        self.con.execute(f"create table {name} as {sql}")

    def query(self, sql: str) -> pa.Table:
        return self.con.sql(sql).to_arrow_table()

    def scalar(self, sql: str) -> Any:
        return self.con.execute(sql).fetchone()[0]

    def column(self, sql: str) -> list:
        return [row[0] for row in self.con.execute(sql).fetchall()]

    def columns(self, name: str) -> list[str]:
        return [row[0] for row in self.con.execute(f"describe {name}").fetchall()]

    @staticmethod
    def num_rows(table: pa.Table) -> int:
        return table.num_rows

    @staticmethod
    def splink_api():
        return splink_api()

    @staticmethod
    def splink_session():
        return splink_session()

    @staticmethod
    def result(splink_frame) -> pa.Table:
        return splink_frame.as_pyarrow_table()

    @staticmethod
    def from_arrow(table: pa.Table) -> pa.Table:
        return table

    @staticmethod
    def with_flags(table: pa.Table, flags: dict[str, tuple[str, float]]) -> pa.Table:
        """``table`` with a boolean column per flag: ``column >= value``."""
        for name, (column, value) in flags.items():
            table = table.append_column(name, pa.compute.greater_equal(table[column], value))
        return table

    @staticmethod
    def with_constant(table: pa.Table, name: str, value: str) -> pa.Table:
        return table.append_column(name, pa.array([value] * table.num_rows, pa.string()))

    @staticmethod
    def concat(tables: list[pa.Table]) -> pa.Table:
        return pa.concat_tables(tables)

    def close(self) -> None:
        self.con.close()


class SparkBackend:
    """The engine on Spark: named tables are temporary views of the session
    the model's tables come from (nothing is written to the warehouse);
    Splink on ``SparkAPI``."""

    dialect = "spark"

    def __init__(self, spark) -> None:
        from datafirst.linkage import dialect

        self.spark = spark
        dialect.register_functions(spark)

    def load(self, name: str, table) -> None:
        table.createOrReplaceTempView(name)

    def unload(self, name: str) -> None:
        self.spark.catalog.dropTempView(name)

    def create(self, name: str, sql: str) -> None:
        # Materialised once (the tables are read by several queries):
        # checkpointed, so that later plans start from the stored rows.
        frame = self.spark.sql(sql).localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)

    def query(self, sql: str):
        return self.spark.sql(sql)

    def scalar(self, sql: str) -> Any:
        return self.spark.sql(sql).collect()[0][0]

    def column(self, sql: str) -> list:
        return [row[0] for row in self.spark.sql(sql).collect()]

    def columns(self, name: str) -> list[str]:
        return self.spark.table(name).columns

    @staticmethod
    def num_rows(table) -> int:
        return table.count()

    def splink_api(self):
        from splink import SparkAPI

        # Splink breaks the lineage of its intermediate tables by writing
        # them as Parquet to the session's checkpoint folder (its default).
        return SparkAPI(spark_session=self.spark)

    @contextmanager
    def splink_session(self) -> Iterator[Any]:
        """Splink on the session (nothing to close: its tables are the
        session's)."""
        yield self.splink_api()

    @staticmethod
    def result(splink_frame):
        return splink_frame.as_spark_dataframe()

    def from_arrow(self, table: pa.Table):
        return self.spark.createDataFrame(table)

    @staticmethod
    def with_flags(table, flags: dict[str, tuple[str, float]]):
        from pyspark.sql import functions as F

        for name, (column, value) in flags.items():
            table = table.withColumn(name, F.col(column) >= F.lit(value))
        return table

    @staticmethod
    def with_constant(table, name: str, value: str):
        from pyspark.sql import functions as F

        return table.withColumn(name, F.lit(value).cast("string"))

    @staticmethod
    def concat(tables: list):
        out = tables[0]
        for table in tables[1:]:
            out = out.unionByName(table)
        return out

    def close(self) -> None:
        """Nothing to close: the temporary views end with the session."""
