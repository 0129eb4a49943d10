"""Write the dbt files that derive from the registry: the source definitions
of the raw extracts (one ``_<system>__sources.yml`` per staging folder) and
the macros that list the raw tables (``raw_tables()``) and the datasets
(``datasets()``). So the sources and datasets the warehouse declares can
never drift from the registry.

Run ``python -m datafirst.registry.dbt`` (``make sources``) after changing
the registry; ``--check`` (part of ``make lint``) fails when a committed file
is out of date.
"""

from __future__ import annotations

from pathlib import Path

from datafirst.project import PROJECT_ROOT
from datafirst.registry import SYSTEMS, TYPES, SourceSystem, TableSpec

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
            f"                staging_model: ref('stg_{system.name}__{spec.table}')",
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


def render_raw_tables() -> str:
    """The ``raw_tables()`` macro: every raw table with its key, for the
    models that visit every staging model (quarantine, reconciliation)."""
    rows = [
        f"{{'system': '{spec.system}', 'table': '{spec.table}', 'key': '{spec.key}', "
        f"'person_bearing': {str(spec.person_bearing).lower()}}}"
        for system in SYSTEMS
        for spec in system.tables
    ]
    doc = [
        "Every raw source table with its system, key column and whether it",
        "holds person records; the staging model of each is",
        "stg_<system>__<table>.",
    ]
    return _macro("raw_tables", doc, rows)


def render_datasets() -> str:
    """The ``datasets()`` macro: every dataset with its code, kind, source
    system and person-record table."""
    rows = [
        f"{{'code': '{d.code}', 'kind': '{d.kind}', 'system': '{s.name}', "
        f"'person_table': '{d.person_table}', 'person_key': '{s.person_table.key}', "
        f"'programme_code': '{d.programme_code}'}}"
        for s in SYSTEMS
        for d in (s.dataset,)
    ]
    doc = [
        "Every Data First dataset: its code (the source_dataset value and",
        "record-id prefix), its kind (criminal, family, civil), the source",
        "system it is built from, the raw table holding its person records",
        "and that table's key, and the programme's abbreviation. The person",
        "records of a dataset are int_<system>_person_records_standardised.",
    ]
    return _macro("datasets", doc, rows)


def outputs(root: Path = PROJECT_ROOT) -> dict[Path, str]:
    """Every generated file and its content."""
    files = {
        root / "models" / "staging" / s.name / f"_{s.name}__sources.yml": render_sources(s)
        for s in SYSTEMS
    }
    files[root / "macros" / "raw_tables.sql"] = render_raw_tables()
    files[root / "macros" / "datasets.sql"] = render_datasets()
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
