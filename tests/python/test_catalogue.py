"""The data catalogue: `dbt docs generate` builds it offline as one static
file, the landing page says what a researcher needs, every mart column is
described, and a real browser finds a mart and a column description in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from test_marts import ALL_MARTS

from datafirst.project import PROJECT_ROOT, executable

DBT_COVERAGE = executable("dbt-coverage")


@pytest.fixture(scope="module")
def catalogue(warehouse):
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-4000:]
    result = warehouse.dbt("docs", "generate", "--static")
    assert result.returncode == 0, result.stdout[-4000:]
    return warehouse.target


def test_the_catalogue_is_one_offline_file(catalogue):
    page = (catalogue / "static_index.html").read_text()
    # Manifest and catalogue are inlined: nothing to fetch.
    assert "hocas_flatfile" in page
    assert '"nodes"' in page
    for fetch in ("https://cdn.", "http://cdn.", "googleapis.com"):
        assert fetch not in page


def test_the_landing_page_covers_datasets_linkage_quality_and_caveats(catalogue):
    manifest = json.loads((catalogue / "manifest.json").read_text())
    overview = manifest["docs"]["doc.datafirst.__overview__"]["block_contents"]
    for topic in (
        "coverage",
        "How the linkage works",
        "Measured linkage quality",
        "Family-court linkage is biased",
        "Civil parties",
        "Coverage falls at the end",
        "xjs_link",
    ):
        assert topic in overview, topic
    for mart in ("hocas_flatfile", "nomis_flatfile", "delius_flatfile", "family_people"):
        assert mart in overview


def test_every_mart_column_is_described(catalogue, tmp_path):
    report = tmp_path / "coverage.json"
    result = subprocess.run(
        [
            DBT_COVERAGE,
            "compute",
            "doc",
            "--project-dir",
            str(PROJECT_ROOT),
            "--run-artifacts-dir",
            str(catalogue),
            "--model-path-filter",
            "models/marts/",
            "--cov-report",
            str(report),
            "--cov-fail-under",
            "1.0",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    coverage = json.loads(report.read_text())
    tables = {t["name"].split(".")[-1]: t for t in coverage["tables"]}
    assert set(ALL_MARTS) <= set(tables)
    assert coverage["covered"] == coverage["total"] > 500


def test_coded_columns_name_the_seed_that_decodes_them(catalogue):
    manifest = json.loads((catalogue / "manifest.json").read_text())
    seeds = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "seed"}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or "relationships" not in node["name"]:
            continue
        if not node["original_file_path"].startswith("models/marts/"):
            continue
        target = node["test_metadata"]["kwargs"]["to"]
        seed = next((s for s in seeds if f"'{s}'" in target), None)
        if seed is None:
            continue
        model = manifest["nodes"][node["attached_node"]]
        column = node["column_name"]
        description = model["columns"][column]["description"]
        assert seed in description, (model["name"], column, seed)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    pytest.fail("headless Chromium is missing: `make browser` installs Debian's chromium")


def rendered(page: Path, fragment: str, profile: Path) -> str:
    """The page a browser shows at ``page#!/fragment``, without the inlined
    manifest and catalogue: only rendered text counts."""
    result = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            f"{page.as_uri()}#!/{fragment}",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return re.sub(r"<script.*?</script>", "", result.stdout, flags=re.S)


def test_a_browser_finds_a_mart_and_its_column_description(catalogue, tmp_path):
    dom = rendered(
        catalogue / "static_index.html", "model/model.datafirst.xjs_link", tmp_path / "profile"
    )
    # The model page rendered (not just the inlined JSON): its title and the
    # columns table, with a column's description.
    assert "<h1" in dom and "xjs_link" in dom
    assert "estimated_dataset_person_id" in dom
    assert "per-dataset person id (keyed pseudonym)" in dom


# --- the researchers' catalogue (make catalogue) and variable list -----------------


@pytest.fixture(scope="module")
def researcher(catalogue, warehouse, tmp_path_factory):
    from datafirst.catalogue import export
    from datafirst.catalogue import researcher as cut

    out = tmp_path_factory.mktemp("researcher")
    index = cut.build(catalogue, warehouse.duckdb_path, out)
    manifest = json.loads((out / "manifest.json").read_text())
    engineers = json.loads((catalogue / "manifest.json").read_text())
    book = export.write_workbook(engineers, cut.read_figures(warehouse.duckdb_path), out / "v.xlsx")
    return {"index": index, "manifest": manifest, "workbook": book}


def test_the_researchers_catalogue_holds_only_what_researchers_receive(researcher):
    manifest = researcher["manifest"]
    models = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    seeds = [n for n in manifest["nodes"].values() if n["resource_type"] == "seed"]
    assert models == set(ALL_MARTS)
    assert len(seeds) == len(list((PROJECT_ROOT / "seeds").glob("*.csv")))
    assert {n["resource_type"] for n in manifest["nodes"].values()} == {"model", "seed", "test"}
    assert not manifest["macros"]
    assert all(s["source_name"] != "truth" for s in manifest["sources"].values())
    # Lineage: each table straight from its source extracts and code lists.
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model":
            parents = node["depends_on"]["nodes"]
            assert parents and all(p.split(".")[0] in ("source", "seed") for p in parents)
    hocas = manifest["nodes"]["model.datafirst.hocas_flatfile"]
    assert "source.datafirst.libra.defendant_case" in hocas["depends_on"]["nodes"]
    assert "seed.datafirst.plea_codes" in hocas["depends_on"]["nodes"]
    # The example SQL reads the research release.
    plea = manifest["nodes"]["seed.datafirst.plea_codes"]
    assert (plea["database"], plea["schema"], plea["identifier"]) == (
        "datafirst_release",
        "lookups",
        "plea_codes",
    )


def test_every_published_column_states_its_completeness(researcher, warehouse):
    manifest = researcher["manifest"]
    con = duckdb.connect(str(warehouse.duckdb_path), read_only=True)
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        for name, column in node["columns"].items():
            assert "**Completeness**" in column["description"], (node["name"], name)
    # The figure is the build's: ethnicity in the magistrates' flat file.
    share, rows = con.execute(
        "select count(ethnicity_code) / count(*), count(*) from marts.hocas_flatfile"
    ).fetchone()
    by_year = dict(
        con.execute(
            "select cast(year(disposal_date) as varchar), count(ethnicity_code) / count(*) "
            "from marts.hocas_flatfile group by 1"
        ).fetchall()
    )
    con.close()
    text = manifest["nodes"]["model.datafirst.hocas_flatfile"]["columns"]["ethnicity_code"][
        "description"
    ]
    assert f"**Completeness** {100 * share:.1f}% of {rows:,} rows" in text
    assert f"2015: {100 * by_year['2015']:.1f}%" in text
    assert "Code list: [ethnicity_codes](#!/seed/seed.datafirst.ethnicity_codes)" in text


def test_code_lists_show_their_codes_and_the_tables_they_decode(researcher):
    manifest = researcher["manifest"]
    plea = manifest["nodes"]["seed.datafirst.plea_codes"]["description"]
    assert "| libra | NG | Not guilty | not_guilty |" in plea
    assert "The 14 codes" in plea
    assert "`hocas_flatfile`" in plea


def test_the_landing_page_gives_access_quality_and_caveats(researcher):
    overview = researcher["manifest"]["docs"]["doc.datafirst.__overview__"]["block_contents"]
    for text in (
        "Five Safes",
        "ONS Secure Research Service (SRS)",
        "Data Access Governance Board",
        "SAIL Databank",
        "Not comparable with official statistics",
        "Breaks in time series",
        "not findings",
        "| `cross_justice` |",
        "Where linkage quality differs between groups",
    ):
        assert text in overview, text


def test_the_variable_list_has_a_sheet_per_dataset_and_a_row_per_variable(researcher):
    from openpyxl import load_workbook

    book = load_workbook(researcher["workbook"])
    assert book.sheetnames[0] == "access"
    assert set(book.sheetnames[1:]) == {
        Path(n["original_file_path"]).parent.name
        for n in researcher["manifest"]["nodes"].values()
        if n["resource_type"] == "model"
    }
    columns = sum(
        len(n["columns"])
        for n in researcher["manifest"]["nodes"].values()
        if n["resource_type"] == "model"
    )
    rows = []
    for name in book.sheetnames[1:]:
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert header[:2] == ["table", "variable"] and header[-2:] == [
            "requested (yes/no)",
            "why it is needed",
        ]
        rows += [
            dict(zip(header, [c.value for c in row], strict=True))
            for row in sheet.iter_rows(min_row=2)
        ]
    assert len(rows) == columns
    assert all(0 <= r["completeness"] <= 1 for r in rows)
    ethnicity = next(
        r for r in rows if (r["table"], r["variable"]) == ("hocas_flatfile", "ethnicity_code")
    )
    assert ethnicity["code list"] == "ethnicity_codes"
    assert "2015:" in ethnicity["completeness by year"]


def test_a_browser_finds_codes_completeness_and_access_and_no_internals(researcher, tmp_path):
    def page(fragment: str) -> str:
        return rendered(researcher["index"], fragment, tmp_path / fragment.replace("/", "_"))

    mart = page("model/model.datafirst.hocas_flatfile")
    assert "<h1" in mart and "hocas_flatfile" in mart
    assert "Keyed pseudonym of Libra" in mart
    assert re.search(r"<strong>Completeness</strong> \d+\.\d% of", mart)
    assert "Access and use" in mart and "ONS Secure Research Service" in mart
    codes = page("seed/seed.datafirst.plea_codes")
    assert "Guilty plea by post" in codes
    assert "datafirst_release.lookups.plea_codes" in codes
    overview = page("overview")
    assert "Five Safes" in overview
    # The navigation: folders of published tables by dataset, the code
    # lists and the source extracts they come from; no internal layer, no
    # ground truth (the engineers' catalogue has them all).
    for dom in (mart, codes, overview):
        folders = {
            re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", item))
            for item in re.findall(r'class="[^"]*menu-tree"[^>]*>(.*?)</a>', dom, flags=re.S)
        }
        assert {"marts", "lookups", "seeds", "linking", "mags_hocas", "familyman"} <= folders
        internal = {"truth", "staging", "intermediate", "linkage", "audit", "macros", "analyses"}
        assert not folders & internal, folders & internal
        assert "stg_" not in dom


def test_a_columns_profile_reads_as_completeness_by_year_with_its_breaks():
    from datafirst.catalogue.researcher import profile_text

    def row(period, rows, filled, change=None, is_break=False):
        return {
            "period": period,
            "period_column": "referral_date",
            "row_count": rows,
            "completeness": filled / rows,
            "completeness_change": change,
            "is_series_break": is_break,
            "distinct_values": 12,
            "min_value": "2014-01-02" if period == "all" else None,
            "max_value": "2023-03-30" if period == "all" else None,
        }

    text = profile_text(
        [
            row("all", 1000, 700),
            row("2021", 400, 380),
            row("2022", 400, 260, -0.35, True),
            row("not_recorded", 200, 60),
        ]
    )
    assert text == (
        "**Completeness** 70.0% of 1,000 rows; by year of referral_date: "
        "2021: 95.0%, 2022: 65.0%; **breaks in the series** in 2022 (-35 points); "
        "12 distinct values; range 2014-01-02 to 2023-03-30."
    )


def test_a_code_list_page_shows_every_code_up_to_its_limit():
    from datafirst.catalogue.researcher import code_list_table

    table = code_list_table("plea_codes")
    assert table.startswith("**The 14 codes**")
    assert table.count("\n| ") == 15  # header and 14 codes
    short = code_list_table("plea_codes", limit=3)
    assert short.count("\n| ") == 4
    assert "11 more codes in `datafirst_release.lookups.plea_codes`" in short


def test_the_worked_join_runs_on_the_published_tables(con):
    """The landing page's and the README's join: a table to xjs_link on
    (source_dataset, row_id_hash), across datasets on estimated_xjs_id."""
    overview = (PROJECT_ROOT / "docs" / "overview.md").read_text()
    sql = re.search(r"```sql\n(.*?)```", overview, flags=re.S).group(1)
    query = sql[sql.index("select") :]
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert re.sub(r"\s+", " ", query) in re.sub(r"\s+", " ", readme)
    (people,) = con.execute(query).fetchone()
    assert people > 0
    # Every table whose rows belong to a person record carries both keys.
    tables = con.execute(
        "select table_name from information_schema.columns "
        "where table_schema = 'marts' and column_name = 'row_id_hash'"
    ).fetchall()
    for (table,) in tables:
        (missing,) = con.execute(
            f"select count(*) from marts.{table} where source_dataset is null"
        ).fetchone()
        assert missing == 0, table
