"""The registry of source systems and datasets is the one declaration the rest
derives from: the dbt project has a staging model for every raw table, a
contracted person-record model for every dataset, its published tables in
the dataset's mart folder; the linkage models cover every dataset and read
exactly the contracted columns; the record-id prefix is written once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from datafirst import registry
from datafirst.linkage import engine, specs
from datafirst.project import PROJECT_ROOT
from datafirst.registry.dbt import check
from datafirst.warehouse.names import forename_variants, metaphone


def models_by_name(manifest: dict) -> dict[str, dict]:
    return {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["package_name"] == "datafirst"
    }


def test_names_and_codes_are_unique():
    assert len({s.name for s in registry.SYSTEMS}) == len(registry.SYSTEMS)
    assert len(set(registry.dataset_codes())) == len(registry.DATASETS)
    tables = [t for d in registry.DATASETS for t in d.published_tables]
    assert len(set(tables)) == len(tables)


def test_a_malformed_declaration_is_refused():
    with pytest.raises(ValueError, match="unknown type"):
        registry.Column("x", "text", "a column")
    with pytest.raises(ValueError, match="unknown identifiers"):
        registry.Dataset("x", "X", "x", "criminal", "t", identifiers=("shoe_size",))
    spec = registry.TableSpec(
        "sys", "t", "a table", "row", (registry.Column("id", "int64", "key", "key"),)
    )
    dataset = registry.Dataset("x", "X", "x", "civil", "missing", identifiers=())
    with pytest.raises(ValueError, match="no table missing"):
        registry.SourceSystem("sys", "Sys", "", (None, None), (spec,), dataset)


def test_generated_dbt_files_match_the_registry():
    assert check() == []


def test_every_raw_table_has_its_staging_model(manifest):
    models = models_by_name(manifest)
    for spec in registry.all_tables():
        node = models.get(f"stg_{spec.system}__{spec.table}")
        assert node, f"no staging model for {spec.system}.{spec.table}"
        assert node["original_file_path"].startswith(f"models/staging/{spec.system}/")


def test_published_tables_live_in_their_dataset_folder(manifest):
    folders = {}
    for node in models_by_name(manifest).values():
        path = Path(node["original_file_path"])
        if path.parts[1] == "marts":
            folders[node["name"]] = path.parts[2]
    for dataset in registry.DATASETS:
        for table in dataset.published_tables:
            assert folders.get(table) == dataset.code, table
    for table in registry.SHARE_LINKING_TABLES:
        assert folders.get(table) == registry.SHARE_FOLDER, table
    # Every mart folder is a dataset code, but for the cross-dataset links
    # and the MoJ-DfE share's own link.
    assert set(folders.values()) == {*registry.dataset_codes(), "linking", registry.SHARE_FOLDER}


def test_every_dataset_has_contracted_person_records(manifest):
    models = models_by_name(manifest)
    union = models["int_person_records_unioned"]
    assert union["config"]["contract"]["enforced"]
    shape = None
    for system in registry.SYSTEMS:
        if not system.dataset.is_linked:
            # The MoJ-DfE share has no person records of the linker.
            assert f"int_{system.name}_person_records_standardised" not in models
            continue
        node = models[f"int_{system.name}_person_records_standardised"]
        assert node["config"]["contract"]["enforced"], node["name"]
        columns = [(c["name"], c["data_type"]) for c in node["columns"].values()]
        assert shape is None or columns == shape, node["name"]
        shape = columns
        assert f"model.datafirst.{node['name']}" in union["depends_on"]["nodes"]
    # The union holds the person-record columns, then the derived features.
    union_columns = [(c["name"], c["data_type"]) for c in union["columns"].values()]
    assert union_columns[: len(shape)] == shape


def test_the_engine_reads_the_contracted_linker_input(manifest):
    contract = models_by_name(manifest)["int_person_records_unioned"]["columns"]
    missing = [c for c in engine.PERSON_COLUMNS if c not in contract]
    assert not missing, f"the linkage reads columns the contract lacks: {missing}"
    assert all(contract[c]["data_type"] for c in engine.PERSON_COLUMNS)


def test_the_linkage_models_cover_every_dataset_with_its_identifiers():
    assert set(specs.DEDUPE_MODELS) == set(registry.linked_dataset_codes())
    assert specs.CROSS_JUSTICE.datasets == registry.linked_dataset_codes()
    for dataset in registry.LINKED_DATASETS:
        compared = specs.DEDUPE_MODELS[dataset.code].comparisons
        aliases = {"pnc_number_typo": "pnc_number", "postcode_within_authority": "postcode"}
        held = {aliases.get(c, c) for c in compared}
        own_key = {"crn"} if dataset.keyed_by_crn else set()
        assert held == set(dataset.identifiers) - own_key, dataset.code
        assert "crn" in specs.CROSS_JUSTICE.comparisons
        assert ("pnc_number_typo" in compared) == dataset.keyed_by_pnc
        assert (engine.MODELS_DIR / f"dedupe_{dataset.code}.json").exists()


def test_the_record_id_prefix_is_written_in_one_place():
    codes = "|".join(registry.dataset_codes())
    prefix = re.compile(rf"'({codes})\|'")
    written = [
        str(path.relative_to(PROJECT_ROOT))
        for folder in ("models", "macros", "analyses", "tests")
        for path in (PROJECT_ROOT / folder).rglob("*.sql")
        if prefix.search(path.read_text())
    ]
    assert written == [], f"write record ids with the record_id macro: {written}"


@pytest.mark.parametrize(
    "name,code", [("SMITH", "SM0"), ("SMYTHE", "SM0"), ("", None), (None, None)]
)
def test_metaphone_feature(name, code):
    assert metaphone(name) == code


def test_forename_variants_feature():
    assert forename_variants("BOB") == ["BERT", "BOBBY", "ROB", "ROBERT"]
    assert forename_variants("ROBERT") and "BOB" in forename_variants("ROBERT")
    assert forename_variants("ZZQX") is None
    assert forename_variants(None) is None
