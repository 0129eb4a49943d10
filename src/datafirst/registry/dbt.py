"""Write the dbt files that derive from the registry: the source definitions
of the raw extracts (one ``_<system>__sources.yml`` per staging folder), the
trusted-rows model of every raw table (``models/intermediate/trusted/``, one
macro call each, with their properties file) and the macros that list the
raw tables (``raw_tables()``, with each table's parents), the datasets
(``datasets()``) and the published tables (``published_tables()``). So the
sources and datasets the warehouse declares can never drift from the
registry.

Run ``python -m datafirst.registry.dbt`` (``make sources``) after changing
the registry; ``--check`` (part of ``make lint``) fails when a committed file
is out of date.
"""

from __future__ import annotations

from pathlib import Path

from datafirst.project import PROJECT_ROOT
from datafirst.registry import (
    LINKED_KINDS,
    SYSTEMS,
    TYPES,
    SourceSystem,
    TableSpec,
    published_tables,
)

GENERATED = "by `python -m datafirst.registry.dbt` (make sources); do not edit by hand"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_sources(system: SourceSystem) -> str:
    """The dbt source definition of one system's raw extract."""
    dataset = system.dataset
    lines = [
        f"# Generated from src/datafirst/registry/{system.name}.py {GENERATED}.",
        "version: 2",
        "",
        "sources:",
        f"  - name: {system.name}",
        f"    description: {_quote(_source_description(system))}",
        "    config:",
        "      meta:",
        f"        source_dataset: {dataset.code}",
        f"        coverage: {_quote(f'{system.coverage[0]} to {system.coverage[1]}')}",
        "    tables:",
    ]
    for spec in system.tables:
        desc = f"{spec.description} Grain: {spec.grain}."
        if spec.date_format:
            desc += f" Text dates are laid out as {spec.date_format}."
        lines += [
            f"      - name: {spec.table}",
            f"        description: {_quote(desc)}",
            "        config:",
            "          meta:",
            f"            grain: {_quote(spec.grain)}",
            f"            person_bearing: {str(spec.person_bearing).lower()}",
            f"            key: {spec.key}",
            "            external_location: |-",
            *(f"              {line}" for line in render_read(spec).splitlines()),
            "        data_tests:",
            "          - reconciles_with_staging:",
            "              arguments:",
            f"                trusted_model: ref('{trusted_model(spec)}')",
            f"                source_system: {system.name}",
            f"                source_table: {spec.table}",
            "        columns:",
        ]
        for col in spec.columns:
            lines += [
                f"          - name: {col.name}",
                f"            description: {_quote(col.description)}",
                f"            data_type: {TYPES[col.type]}",
            ]
    return "\n".join(lines) + "\n"


def render_read(spec: TableSpec) -> str:
    """How dbt reads one raw table (its source's ``external_location``): the
    shared source-reading path of every staging model.

    DuckDB refuses a whole Parquet file over one string value that is not
    valid UTF-8, and its error quotes the value. So the extract is read twice
    and joined on the row number: once replacing each invalid byte with '?'
    and once dropping it (``utf8_validation``); a value that differs between
    the two held invalid bytes. Such a value, and a text value longer than
    its column's :attr:`~datafirst.registry.Column.max_length`, is nulled,
    and ``raw_text_problem`` names the first one (``invalid_encoding:<column>``
    or ``oversized_text:<column>``): the staging model quarantines the row
    (macro ``raw_value_problem``) instead of failing the table, and no
    message quotes the value.
    """
    path = f"{{{{ env_var('DATAFIRST_RAW_DIR', 'data/raw') }}}}/{spec.system}/{spec.table}.parquet"
    texts = [c for c in spec.columns if c.type == "string"]
    replaced = [
        f"case when replaced.{c.name} is distinct from ignored.{c.name}"
        f" or length(replaced.{c.name}) > {c.max_length}"
        f" then null else replaced.{c.name} end as {c.name}"
        for c in texts
    ]
    problems = [
        f"case when replaced.{c.name} is distinct from ignored.{c.name}"
        f" then 'invalid_encoding:{c.name}'"
        f" when length(replaced.{c.name}) > {c.max_length}"
        f" then 'oversized_text:{c.name}' end"
        for c in texts
    ]
    star = ["        replaced.*,"]
    if replaced:
        star = [
            "        replaced.* replace (",
            *(f"            {line}," for line in replaced),
            "        ),",
        ]
    lines = [
        "(",
        "    select",
        *star,
        "        coalesce(",
        *(f"            {line}," for line in problems),
        "            cast(null as varchar)",
        "        ) as raw_text_problem",
        f"    from read_parquet('{path}', file_row_number = true,",
        "        utf8_validation = 'replace') as replaced",
        f"    inner join read_parquet('{path}', file_row_number = true,",
        "        utf8_validation = 'ignore') as ignored",
        "        using (file_row_number)",
        ")",
    ]
    return "\n".join(lines)


def _source_description(system: SourceSystem) -> str:
    dataset = system.dataset
    return (
        f"{system.description} Builds the {dataset.title} dataset ({dataset.code}; the "
        f"programme's {dataset.programme_code}). Raw extract, one Parquet file per table, "
        f"synthetic; covers {system.coverage[0]:%b %Y} to {system.coverage[1]:%b %Y}."
    )


def _macro(name: str, doc: list[str], rows: list[str]) -> str:
    lines = [
        f"{{#- Generated from the registry (src/datafirst/registry/) {GENERATED}.",
        "",
        *(f"    {line}" if line else "" for line in doc),
        "",
        "    Arguments: none.",
        "-#}",
        f"{{% macro {name}() -%}}",
        "    {{ return([",
        *(f"        {row}," for row in rows),
        "    ]) }}",
        "{%- endmacro %}",
    ]
    return "\n".join(lines) + "\n"


def trusted_model(spec: TableSpec) -> str:
    """The name of a raw table's trusted-rows model."""
    return f"int_{spec.system}_{spec.table}_trusted"


def _parents(spec: TableSpec, system: SourceSystem) -> str:
    parents = [
        f"{{'column': '{c.name}', 'table': '{c.references}', "
        f"'key': '{system.table(c.references).key}'}}"
        for c in spec.parents
    ]
    return "[" + ", ".join(parents) + "]"


def render_raw_tables() -> str:
    """The ``raw_tables()`` macro: every raw table with its key and parents,
    for the models that visit every staging model (trusted rows, quarantine,
    reconciliation)."""
    rows = [
        f"{{'system': '{spec.system}', 'table': '{spec.table}', 'key': '{spec.key}', "
        f"'person_bearing': {str(spec.person_bearing).lower()}, "
        f"'parents': {_parents(spec, system)}}}"
        for system in SYSTEMS
        for spec in system.tables
    ]
    doc = [
        "Every raw source table with its system, key column, whether it",
        "holds person records, and its parents: each column referencing",
        "another table of the system, that table and its key. The staging",
        "model of each is stg_<system>__<table>, its trusted rows",
        "int_<system>_<table>_trusted.",
    ]
    return _macro("raw_tables", doc, rows)


TRUSTED_DIR = Path("models") / "intermediate" / "trusted"


def render_trusted_model(spec: TableSpec) -> str:
    """One raw table's trusted-rows model: one call of the trusted_rows macro."""
    return (
        f"{{#- Generated from the registry (src/datafirst/registry/{spec.system}.py)\n"
        "    by `python -m datafirst.registry.dbt` (make sources); do not edit by\n"
        "    hand. -#}\n"
        f"{{{{ trusted_rows('{spec.system}', '{spec.table}') }}}}\n"
    )


def render_trusted_properties() -> str:
    """The properties file of the trusted-rows models."""
    lines = [
        f"# Generated from src/datafirst/registry/ {GENERATED}.",
        "version: 2",
        "",
        "models:",
    ]
    for system in SYSTEMS:
        for spec in system.tables:
            if spec.parents:
                parents = " and ".join(f"{c.references} (through {c.name})" for c in spec.parents)
                rule = (
                    f" and whose parent {parents} is itself trusted; a staged row whose "
                    "parent is missing or quarantined is quarantined as orphan_of_<parent> "
                    "in int_source_rows_quarantined"
                )
            else:
                rule = " (a root table: it has no parent)"
            desc = (
                f"Trusted rows of the raw table {system.name}.{spec.table} "
                f"({spec.grain}): the rows of stg_{system.name}__{spec.table} that "
                f"staging did not quarantine{rule}. Every later layer reads a raw "
                "table through this view, never through its staging model. "
                "quarantine_reason is null in every row."
            )
            lines += [
                f"  - name: {trusted_model(spec)}",
                f"    description: {_quote(desc)}",
                "    columns:",
                f"      - name: {spec.key}",
                f"        description: {_quote(spec.column(spec.key).description)}",
                "        data_tests:",
                "          - unique",
                "          - not_null",
            ]
    return "\n".join(lines) + "\n"


def _dataset_rows(kinds: tuple[str, ...]) -> list[str]:
    return [
        f"{{'code': '{d.code}', 'kind': '{d.kind}', 'system': '{s.name}', "
        f"'person_table': '{d.person_table}', 'person_key': '{s.person_table.key}', "
        f"'programme_code': '{d.programme_code}'}}"
        for s in SYSTEMS
        for d in (s.dataset,)
        if d.kind in kinds
    ]


def render_datasets() -> str:
    """The ``datasets()`` macro: every dataset the cross-justice person
    linkage covers, with its code, kind, source system and person-record
    table. The MoJ-DfE share's datasets are not among them
    (``share_datasets()``)."""
    doc = [
        "Every Data First dataset the cross-justice person linkage covers:",
        "its code (the source_dataset value and record-id prefix), its kind",
        "(criminal, family, civil), the source system it is built from, the",
        "raw table holding its person records and that table's key, and the",
        "programme's abbreviation. The person records of a dataset are",
        "int_<system>_person_records_standardised. The MoJ-DfE share's",
        "datasets are listed by share_datasets() instead.",
    ]
    return _macro("datasets", doc, _dataset_rows(LINKED_KINDS))


def render_share_datasets() -> str:
    """The ``share_datasets()`` macro: the MoJ-DfE share's datasets (kind
    share), linked to each other deterministically and never in the
    cross-justice person linkage."""
    doc = [
        "The MoJ-DfE share's datasets (kind share): the PNC and NPD extracts,",
        "linked to each other only, deterministically (pnc_npd_link), and",
        "outside the cross-justice person linkage and its person records.",
        "Same fields as datasets().",
    ]
    return _macro("share_datasets", doc, _dataset_rows(("share",)))


def render_published_tables() -> str:
    """The ``published_tables()`` macro: every mart and its folder, for the
    models that visit every mart (reconciliation, disclosure risk)."""
    rows = [f"{{'name': '{name}', 'folder': '{folder}'}}" for name, folder in published_tables()]
    doc = [
        "Every published table (mart) and the folder of models/marts it",
        "lives in: its dataset's code, or linking for the tables that link",
        "datasets. The models that visit every mart loop over it, so that",
        "they depend on every mart.",
    ]
    return _macro("published_tables", doc, rows)


def outputs(root: Path = PROJECT_ROOT) -> dict[Path, str]:
    """Every generated file and its content."""
    files = {
        root / "models" / "staging" / s.name / f"_{s.name}__sources.yml": render_sources(s)
        for s in SYSTEMS
    }
    for system in SYSTEMS:
        for spec in system.tables:
            path = root / TRUSTED_DIR / f"{trusted_model(spec)}.sql"
            files[path] = render_trusted_model(spec)
    files[root / TRUSTED_DIR / "_trusted__models.yml"] = render_trusted_properties()
    files[root / "macros" / "raw_tables.sql"] = render_raw_tables()
    files[root / "macros" / "datasets.sql"] = render_datasets()
    files[root / "macros" / "share_datasets.sql"] = render_share_datasets()
    files[root / "macros" / "published_tables.sql"] = render_published_tables()
    return files


def write_all(root: Path = PROJECT_ROOT) -> list[Path]:
    written = []
    for path, text in outputs(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        written.append(path)
    return written


def check(root: Path = PROJECT_ROOT) -> list[Path]:
    """Generated files that differ from what the registry would write."""
    return [
        path
        for path, text in outputs(root).items()
        if not path.exists() or path.read_text() != text
    ]


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        for path in stale:
            sys.stderr.write(f"out of date: {path} (run `make sources`)\n")
        return 1 if stale else 0
    for path in write_all():
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
