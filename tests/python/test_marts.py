"""The published marts on the demo build: every table of datasets.md exists at
its grain, and the marts are private by construction (no identifier columns,
no identifier values, keyed pseudonyms that change with the key)."""

from __future__ import annotations

import hashlib
import re
import shutil

import duckdb
import pyarrow as pa
import pytest
from conftest import PSEUDONYMISATION_KEY

from datafirst import registry
from datafirst.warehouse.pseudonymisation import KEY_ENV

# Every research table of datasets.md:
# each dataset's published tables (the registry), the linking tables and the
# MoJ-DfE share's link.
MARTS = {d.code: list(d.published_tables) for d in registry.DATASETS}
MARTS["linking"] = ["xjs_link", "mags_crown_journey", "caseman_pcol_case_link"]
MARTS[registry.SHARE_FOLDER] = list(registry.SHARE_LINKING_TABLES)
ALL_MARTS = sorted(m for marts in MARTS.values() for m in marts)


def keyed_pseudonym(value: str, namespace: str, key: str = PSEUDONYMISATION_KEY) -> str:
    """The pseudonymise macro, recomputed independently in Python."""
    inner = hashlib.sha256(f"{key}|{value}".encode()).hexdigest()
    return hashlib.sha256(f"{key}|{namespace}|{inner}".encode()).hexdigest()[:32]


@pytest.fixture(scope="module")
def marts(warehouse):
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-4000:]
    con = warehouse.connect()
    yield con
    con.close()


def mart_columns(con, table: str) -> dict[str, str]:
    rows = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = ? order by ordinal_position",
        [table],
    ).fetchall()
    return dict(rows)


def test_every_published_table_is_built_and_not_empty(marts):
    built = {
        name
        for (name,) in marts.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    }
    assert set(ALL_MARTS) <= built
    for table in ALL_MARTS:
        assert marts.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0, table


def test_every_mart_is_built_and_tested_in_dbt_with_an_enforced_contract(warehouse):
    manifest = warehouse.manifest()
    nodes = {
        n["name"]: n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["original_file_path"].startswith("models/marts/")
    }
    assert set(ALL_MARTS) <= set(nodes)
    for name in ALL_MARTS:
        node = nodes[name]
        assert node["config"]["contract"]["enforced"], name
        assert all(c.get("data_type") for c in node["columns"].values()), name
    statuses = {
        r["unique_id"].split(".")[-1]: r["status"]
        for r in warehouse.build_results["results"]
        if r["unique_id"].startswith("model.")
    }
    assert all(statuses[name] == "success" for name in ALL_MARTS)


@pytest.fixture(scope="module")
def identifiers(marts):
    """Every person record's identifiers, keyed by its row_id_hash."""
    records = marts.execute(
        """
        select
            record_id,
            source_record_id,
            forename,
            middle_names,
            surname,
            postcode,
            pnc_number,
            cro_number,
            date_of_birth
        from intermediate.int_person_records_unioned
        """
    ).fetchall()
    rows = []
    for record_id, source_id, forename, middle, surname, postcode, pnc, cro, dob in records:
        row_hash = keyed_pseudonym(record_id, "row_id")
        values = {source_id, record_id, forename, middle, surname, pnc, cro}
        if forename and surname:
            values |= {f"{forename} {surname}", f"{surname}, {forename}", f"{surname} {forename}"}
        if postcode:
            values |= {postcode, postcode.replace(" ", "")}
        if dob:
            values |= {
                dob.isoformat(),
                dob.strftime("%d/%m/%Y"),
                dob.strftime("%d-%b-%y"),
                dob.strftime("%Y%m%d"),
            }
        rows += [(row_hash, v.strip().lower()) for v in values if v and v.strip()]
    table = pa.table({"row_id_hash": [r[0] for r in rows], "identifier": [r[1] for r in rows]})
    marts.register("person_identifiers", table)
    return table


def test_no_mart_column_is_named_like_an_identifier(warehouse):
    """One rule, kept in the dbt test assert_marts_hold_no_identifier_columns
    and run on every build: it passed on the demo build (and the test below
    shows it fails on a leaking table)."""
    statuses = {
        r["unique_id"].split(".")[-1]: r["status"] for r in warehouse.build_results["results"]
    }
    assert statuses["assert_marts_hold_no_identifier_columns"] == "pass"


def code_list_values(con) -> set[str]:
    """Every text value of every code list (seed): coded columns hold these,
    and a code such as ethnic group 'white' may equal a surname by chance."""
    values = set()
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'lookups' and data_type = 'VARCHAR'"
    ).fetchall():
        values |= {
            v.strip().lower()
            for (v,) in con.execute(f'select distinct "{column}" from lookups."{table}"').fetchall()
            if v
        }
    return values


def test_no_mart_value_is_a_name_postcode_birth_date_or_id_of_the_same_person(marts, identifiers):
    codes = code_list_values(marts)
    checked = 0
    for table in ALL_MARTS:
        columns = mart_columns(marts, table)
        if "row_id_hash" not in columns:
            continue
        texts = []
        for column, data_type in columns.items():
            if column == "row_id_hash":
                continue
            if data_type == "VARCHAR":
                distinct = {
                    v.strip().lower()
                    for (v,) in marts.execute(
                        f"select distinct {column} from marts.{table} where {column} is not null"
                    ).fetchall()
                }
                if distinct <= codes:
                    continue  # a coded column: every value comes from a code list
                texts.append(column)
            elif data_type == "DATE" or data_type.startswith("TIMESTAMP"):
                texts.append(column)
        for column in texts:
            value = (
                f"strftime(cast({column} as date), '%Y-%m-%d')"
                if columns[column] != "VARCHAR"
                else f"lower(trim({column}))"
            )
            leaks = marts.execute(
                f"""
                select count(*)
                from marts.{table} as mart
                inner join person_identifiers as ids
                    on mart.row_id_hash = ids.row_id_hash
                    and {value} = ids.identifier
                """
            ).fetchone()[0]
            assert leaks == 0, (table, column)
            checked += 1
    # The scan really joins mart rows to their people: every dataset's marts
    # carry row_id_hash values that the independent Python hash reproduces.
    joined = marts.execute(
        "select count(distinct mart.row_id_hash) from marts.xjs_link as mart "
        "inner join (select distinct row_id_hash from person_identifiers) as ids "
        "on mart.row_id_hash = ids.row_id_hash"
    ).fetchone()[0]
    assert joined == marts.execute("select count(*) from marts.xjs_link").fetchone()[0]
    assert checked > 30


def test_no_mart_holds_a_raw_person_id_anywhere(marts):
    marts.execute(
        "create or replace temp table raw_person_ids as select distinct source_record_id "
        "from intermediate.int_person_records_unioned"
    )
    for table in ALL_MARTS:
        for column, data_type in mart_columns(marts, table).items():
            if data_type != "VARCHAR":
                continue
            hits = marts.execute(
                f"select count(*) from marts.{table} where {column} in "
                "(select source_record_id from raw_person_ids)"
            ).fetchone()[0]
            assert hits == 0, (table, column)


def test_pseudonyms_are_keyed_hashes_not_plain_hashes(marts):
    ids = [
        r[0]
        for r in marts.execute(
            "select record_id from intermediate.int_person_records_unioned"
        ).fetchall()
    ]
    plain = set()
    for value in ids + [i.split("|", 1)[1] for i in ids]:
        for algorithm in ("md5", "sha1", "sha256"):
            digest = hashlib.new(algorithm, value.encode()).hexdigest()
            plain |= {digest, digest[:32]}
    for table in ALL_MARTS:
        for column in mart_columns(marts, table):
            if not (column.endswith("_hash") or column.startswith("estimated_")):
                continue
            values = {
                v
                for (v,) in marts.execute(
                    f"select distinct {column} from marts.{table} where {column} is not null"
                ).fetchall()
            }
            assert values, (table, column)
            assert all(re.fullmatch(r"[0-9a-f]{32}", v) for v in values), (table, column)
            assert not values & plain, (table, column)
    # ... and they are the keyed hash of the record id with the build's key.
    expected = {keyed_pseudonym(i, "row_id") for i in ids}
    published = {v for (v,) in marts.execute("select row_id_hash from marts.xjs_link").fetchall()}
    assert published <= expected


def _pseudonym_sets(con) -> dict[tuple[str, str], set[str]]:
    sets = {}
    for table in ALL_MARTS:
        for column in mart_columns(con, table):
            if column.endswith("_hash") or column.startswith("estimated_"):
                sets[(table, column)] = {
                    v
                    for (v,) in con.execute(
                        f"select distinct {column} from marts.{table} where {column} is not null"
                    ).fetchall()
                }
    return sets


def _checksums(con) -> dict[str, str]:
    return {
        table: con.execute(
            f"select md5(string_agg(cast(mart as varchar), '|' order by cast(mart as varchar))) "
            f"from marts.{table} as mart"
        ).fetchone()[0]
        for table in ALL_MARTS
    }


def test_marts_are_identical_on_a_rerun_and_every_pseudonym_changes_with_the_key(
    warehouse, marts, tmp_path
):
    before_sets = _pseudonym_sets(marts)
    before_sums = _checksums(marts)
    copy = tmp_path / "rekeyed.duckdb"
    shutil.copy(warehouse.duckdb_path, copy)
    select = ["-s", "path:models/marts", "--target-path", str(tmp_path / "target")]

    same = warehouse.dbt("run", *select, DATAFIRST_DUCKDB_PATH=str(copy))
    assert same.returncode == 0, same.stdout[-3000:]
    con = warehouse.connect(copy)
    assert _checksums(con) == before_sums
    con.close()

    rekeyed = warehouse.dbt(
        "run",
        *select,
        "--target",
        "secure",
        DATAFIRST_DUCKDB_PATH=str(copy),
        **{KEY_ENV: "another-secret-key-for-the-same-extract"},
    )
    assert rekeyed.returncode == 0, rekeyed.stdout[-3000:]
    con = warehouse.connect(copy)
    after_sets = _pseudonym_sets(con)
    con.close()
    assert after_sets.keys() == before_sets.keys()
    for column, values in before_sets.items():
        assert len(after_sets[column]) == len(values), column
        assert not after_sets[column] & values, column


def test_a_real_target_refuses_to_run_without_a_key_and_the_demo_says_so(warehouse, tmp_path):
    env = {KEY_ENV: "", "DATAFIRST_DUCKDB_PATH": str(tmp_path / "empty.duckdb")}
    refused = warehouse.dbt(
        "show",
        "--inline",
        "select 1 as one",
        "--target",
        "secure",
        "--target-path",
        str(tmp_path / "t1"),
        **env,
    )
    assert refused.returncode != 0
    assert f"{KEY_ENV} is not set" in refused.stdout + refused.stderr
    demo = warehouse.dbt(
        "show", "--inline", "select 1 as one", "--target-path", str(tmp_path / "t2"), **env
    )
    assert demo.returncode == 0, demo.stdout[-2000:]
    assert "PUBLIC DEMO KEY" in demo.stdout


def test_the_identifier_column_check_catches_a_leaking_mart(warehouse, tmp_path):
    """The dbt test that guards mart column names fails when a mart has one."""
    copy = tmp_path / "leaky.duckdb"
    shutil.copy(warehouse.duckdb_path, copy)
    con = duckdb.connect(str(copy))
    con.execute("create table marts.leaky as select 'x' as surname, 'y' as offender_id")
    con.close()
    result = warehouse.dbt(
        "test",
        "-s",
        "assert_marts_hold_no_identifier_columns",
        "--target-path",
        str(tmp_path / "target"),
        DATAFIRST_DUCKDB_PATH=str(copy),
    )
    assert result.returncode != 0
    assert "Got 2 results" in result.stdout


def test_co_defendants_are_counted_on_the_court_flatfiles(marts):
    """Magistrates' co-defendants share a case number (and police reference);
    Crown co-defendants tried together share a case. Each row counts the
    defendants on its case, itself included."""
    share, over = marts.execute(
        """
        select avg(cast(number_of_defendants_on_case > 1 as integer)),
            count(*) filter (where number_of_defendants_on_case > on_number)
        from (select number_of_defendants_on_case,
                count(*) over (partition by case_number_hash) as on_number
              from marts.hocas_flatfile)
        """
    ).fetchone()
    assert 0.05 < share < 0.30, share
    assert over == 0
    joint, wrong = marts.execute(
        """
        select count(*) filter (where number_of_defendants_on_case > 1),
            count(*) filter (where number_of_defendants_on_case <> on_case)
        from (select number_of_defendants_on_case,
                count(*) over (partition by case_id_hash) as on_case
              from marts.xhibit_flatfile)
        """
    ).fetchone()
    assert joint > 0
    assert wrong == 0
