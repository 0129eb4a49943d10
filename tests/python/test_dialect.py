"""The linkage's SQL translated for Spark (datafirst.linkage.dialect) and the
Spark runner's pieces that need no Spark (fast tier)."""

from __future__ import annotations

import sqlglot

from datafirst.linkage import dialect, engine, specs


def test_duckdb_sql_is_left_alone():
    sql = "jaro_winkler_similarity(forename_l, forename_r) >= 0.92"
    assert dialect.translate(sql, "duckdb") == sql


def test_functions_become_sparks():
    spark = {
        "jaro_winkler_similarity(a_l, a_r) >= 0.92": "DATAFIRST_JARO_WINKLER(a_l, a_r) >= 0.92",
        "list_contains(x_r, a_l)": "ARRAY_CONTAINS(x_r, a_l)",
        "abs(date_diff('day', d_l, d_r)) <= 31": "ABS(DATEDIFF(d_r, d_l)) <= 31",
        "cast(d_l as varchar) = '1'": "CAST(d_l AS STRING) = '1'",
        "len(list_intersect(o_l, o_r)) >= 1": "SIZE(ARRAY_INTERSECT(o_l, o_r)) >= 1",
        "list_has_all(o_l, o_r)": "SIZE(ARRAY_EXCEPT(o_r, o_l)) = 0",
        "damerau_levenshtein(p_l, p_r) <= 1": "DAMERAU_LEVENSHTEIN(p_l, p_r) <= 1",
        "list_has_any(c_l, c_r)": "ARRAYS_OVERLAP(c_l, c_r)",
    }
    for duck, expected in spark.items():
        assert dialect.translate(duck, "spark") == expected


def test_sparks_jaro_winkler_is_duckdbs(extract):
    """The function the Spark SQL calls gives DuckDB's value on every pair of
    an extract's names (and their near misses)."""
    import random

    import duckdb

    con = duckdb.connect()
    defendants = f"'{extract['raw_dir']}/xhibit/defendants.parquet'"
    names = sorted(
        {
            n
            for (n,) in con.execute(
                f"select upper(trim(forename_1)) from {defendants}"
                f" union select upper(trim(surname)) from {defendants}"
            ).fetchall()
            if n
        }
    )
    rng = random.Random(1)
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(20000)]
    pairs += [(n, n[1:] + n[0]) for n in names] + [(n, n[:-1]) for n in names]
    pairs += [("BANARD", "BERNARD"), ("BARRBARA", "ARBARA"), ("BERRY", "BARR"), ("A", "A")]
    con.execute("create table pairs (a varchar, b varchar)")
    con.executemany("insert into pairs values (?, ?)", pairs)
    for a, b, expected in con.execute(
        "select a, b, jaro_winkler_similarity(a, b) from pairs"
    ).fetchall():
        assert dialect.jaro_winkler(a, b) == expected, (a, b)


def test_hamming_is_counted_position_by_position():
    out = dialect.translate("hamming(p_l, p_r) <= 1", "spark")
    assert "HAMMING" not in out.upper()
    assert "SUBSTRING(p_l, __i, 1) <> SUBSTRING(p_r, __i, 1)" in out


def test_every_committed_model_translates_to_parseable_spark_sql():
    no_duckdb_only = ("list_contains", "jaro_winkler_similarity", "hamming(", "varchar", "len(")
    for name in (*specs.ALL_MODELS, "link_mags_crown"):
        settings = dialect.settings(engine.load_model(name)["splink"], "spark")
        assert settings["sql_dialect"] == "spark"
        for comparison in settings["comparisons"]:
            for level in comparison["comparison_levels"]:
                sql = level["sql_condition"]
                if sql != "else":
                    sqlglot.parse_one(sql, read="spark")
                    assert not any(f in sql.lower() for f in no_duckdb_only), (name, sql)
        # The parameters are the model's own.
        original = engine.load_model(name)["splink"]
        assert (
            settings["probability_two_random_records_match"]
            == (original["probability_two_random_records_match"])
        )


def test_the_demo_key_is_refused_where_a_real_one_is_needed():
    import pytest

    from datafirst.warehouse.pseudonymisation import PseudonymisationKeyError, resolve_key

    assert resolve_key({}, allow_demo_key=True)[1] is True
    with pytest.raises(PseudonymisationKeyError):
        resolve_key({}, allow_demo_key=False)


def test_the_spark_target_runs_dbt_inside_the_runner(tmp_path):
    from datafirst.project import Dbt

    on_spark = Dbt.in_folder(tmp_path, DATAFIRST_TARGET="spark")
    assert on_spark.command("build")[1:] == ["-m", "datafirst.warehouse.spark", "build"]
    assert on_spark.env["DATAFIRST_SPARK_DIR"] == str(tmp_path / "spark")
    assert Dbt.in_folder(tmp_path).command("build")[-1] == "build"
    assert not Dbt.in_folder(tmp_path).on_spark


def test_every_adapter_macro_is_run_by_the_project(manifest):
    """No default__ (Spark SQL) or duckdb__ version without a caller: each
    dispatched macro is used by a model, test or macro of the project, so the
    spark and DuckDB targets both run it."""
    from pathlib import Path

    from datafirst.project import PROJECT_ROOT

    used = set()
    for node in (*manifest["nodes"].values(), *manifest["macros"].values()):
        used.update(node.get("depends_on", {}).get("macros", []))
    adapters = sorted((PROJECT_ROOT / "macros" / "adapters").glob("*.sql"))
    assert adapters
    # Run through dbt by the Python side only (dbt show --inline: the key
    # checks of tests/python/test_keys.py).
    called_from_python = {"key_fingerprint"}
    for path in adapters:
        name = Path(path).stem.split("__", 1)[1]
        if name in called_from_python:
            continue
        callers = {
            node_id
            for node_id, node in manifest["nodes"].items()
            if f"macro.datafirst.{name}" in node.get("depends_on", {}).get("macros", [])
        } | {
            macro_id
            for macro_id, macro in manifest["macros"].items()
            if f"macro.datafirst.{name}" in macro.get("depends_on", {}).get("macros", [])
            and not macro_id.endswith(f".{name}")
        }
        assert callers, f"{path.name}: no model, test or macro calls {name}"


def test_the_spark_runner_checks_each_extract_against_its_contract(tmp_path):
    """The Spark target stops on a drifted extract with the DuckDB target's
    messages (check_source_extracts), naming no raw value."""
    from types import SimpleNamespace

    import pyarrow as pa
    import pyarrow.parquet as pq
    import pytest

    from datafirst.warehouse.spark import check_extracts

    folder = tmp_path / "raw" / "libra"
    folder.mkdir(parents=True)
    pq.write_table(
        pa.table({"offence_id": [4000029.0], "notes": ["about-someone"]}),
        folder / "offence.parquet",
    )
    pq.write_table(pa.table({"hearing_id": pa.array([], pa.int64())}), folder / "hearing.parquet")

    def source(name, **columns):
        return SimpleNamespace(
            source_name="libra",
            name=name,
            meta={},
            config=SimpleNamespace(meta={}),
            columns={c: SimpleNamespace(data_type=t) for c, t in columns.items()},
        )

    sources = [
        source("offence", offence_id="bigint", offence_code="varchar"),
        source("hearing", hearing_id="bigint"),
        source("defendant_case", defendant_case_id="bigint"),
    ]
    with pytest.raises(SystemExit) as stopped:
        check_extracts(sources, {"DATAFIRST_RAW_DIR": str(tmp_path / "raw")})
    message = str(stopped.value)
    for problem in (
        "libra.offence.offence_id: type changed (expected bigint, found double)",
        "libra.offence.offence_code: missing column (expected varchar)",
        "libra.offence.notes: extra column (expected none, found varchar)",
        "libra.hearing: empty extract",
        "libra.defendant_case: missing extract",
    ):
        assert problem in message
    assert "about-someone" not in message and "4000029" not in message
    # A file that matches its contract passes.
    pq.write_table(pa.table({"hearing_id": pa.array([1], pa.int64())}), folder / "hearing.parquet")
    check_extracts(
        [source("hearing", hearing_id="BIGINT")], {"DATAFIRST_RAW_DIR": str(tmp_path / "raw")}
    )
