"""The data catalogue: `dbt docs generate` builds it offline as one static
file, the landing page says what a researcher needs, every mart column is
described, and a real browser finds a mart and a column description in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

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


def test_a_browser_finds_a_mart_and_its_column_description(catalogue, tmp_path):
    page = catalogue / "static_index.html"
    url = f"{page.as_uri()}#!/model/model.datafirst.xjs_link"
    result = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # Drop the inlined manifest and catalogue: only rendered text counts.
    dom = re.sub(r"<script.*?</script>", "", result.stdout, flags=re.S)
    # The model page rendered (not just the inlined JSON): its title and the
    # columns table, with a column's description.
    assert "<h1" in dom and "xjs_link" in dom
    assert "estimated_dataset_person_id" in dom
    assert "per-dataset person id (keyed pseudonym)" in dom
