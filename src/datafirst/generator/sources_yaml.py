"""Write the dbt source definitions of the raw extracts from the table specs,
one ``_<system>__sources.yml`` per staging folder, so that the sources the
warehouse declares can never drift from what the generator writes.

Run ``python -m datafirst.generator.sources_yaml`` after changing a spec; a
test fails when the committed files are out of date.
"""

from __future__ import annotations

from pathlib import Path

from datafirst.generator.systems import SYSTEMS
from datafirst.project import PROJECT_ROOT

SYSTEM_DESCRIPTIONS = {
    "libra": "Libra, the magistrates' courts case-management system (MACO dataset).",
    "xhibit": "Xhibit, the Crown Court case system (CRCO dataset).",
    "nomis": "P-NOMIS, the prison case-management system (PRIS dataset).",
    "delius": "nDelius, the probation case-management system (PROB dataset).",
    "oasys": "OASys, the Offender Assessment System.",
    "familyman": "FamilyMan, the family court case-management system (FACO dataset).",
    "caseman": "CaseMan, the county court civil case-management system.",
    "pcol": "Possession Claims Online (PCOL), the online possession-claim system.",
}

_DBT_TYPES = {
    "string": "varchar",
    "int64": "bigint",
    "int32": "integer",
    "float64": "double",
    "decimal": "decimal(12,2)",
    "date": "date",
    "timestamp": "timestamp",
    "bool": "boolean",
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(module) -> str:
    system = module.SYSTEM
    lines = [
        "# Generated from src/datafirst/generator/systems/"
        f"{system}.py by `python -m datafirst.generator.sources_yaml`; do not edit by hand.",
        "version: 2",
        "",
        "sources:",
        f"  - name: {system}",
        f"    description: {_quote(SYSTEM_DESCRIPTIONS[system] + ' Raw extract, one Parquet file per table, synthetic.')}",  # noqa: E501
        "    config:",
        "      meta:",
        "        external_location: \"read_parquet('{{ env_var('DATAFIRST_RAW_DIR', 'data/raw') }}"
        f"/{system}/{{name}}.parquet', file_row_number = true)\"",
        "    tables:",
    ]
    for spec in module.TABLES:
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
            "        data_tests:",
            "          - reconciles_with_staging:",
            "              arguments:",
            f"                staging_model: ref('stg_{system}__{spec.table}')",
            f"                source_system: {system}",
            f"                source_table: {spec.table}",
            "        columns:",
        ]
        for col in spec.columns:
            lines += [
                f"          - name: {col.name}",
                f"            description: {_quote(col.description)}",
                f"            data_type: {_DBT_TYPES[col.type]}",
            ]
    return "\n".join(lines) + "\n"


def render_raw_tables() -> str:
    """The ``raw_tables()`` macro: every raw table with its key, for the models
    that must visit every staging model (quarantine, reconciliation)."""
    lines = [
        "{#- Generated from the generator's table specs by",
        "    `python -m datafirst.generator.sources_yaml`; do not edit by hand.",
        "",
        "    Every raw source table with its system, key column and whether it",
        "    holds person records; the staging model of each is",
        "    stg_<system>__<table>.",
        "",
        "    Arguments: none.",
        "-#}",
        "{% macro raw_tables() -%}",
        "    {{ return([",
    ]
    for module in SYSTEMS:
        for spec in module.TABLES:
            lines.append(
                f"        {{'system': '{spec.system}', 'table': '{spec.table}', "
                f"'key': '{spec.key}', 'person_bearing': {str(spec.person_bearing).lower()}}},"
            )
    lines += ["    ]) }}", "{%- endmacro %}"]
    return "\n".join(lines) + "\n"


def outputs(root: Path = PROJECT_ROOT) -> dict[Path, str]:
    """Every generated file and its content."""
    files = {
        root / "models" / "staging" / m.SYSTEM / f"_{m.SYSTEM}__sources.yml": render(m)
        for m in SYSTEMS
    }
    files[root / "macros" / "raw_tables.sql"] = render_raw_tables()
    return files


def write_all(root: Path = PROJECT_ROOT) -> list[Path]:
    written = []
    for path, text in outputs(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        written.append(path)
    return written


def check(root: Path = PROJECT_ROOT) -> list[Path]:
    """Generated files that differ from what the specs would write."""
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
