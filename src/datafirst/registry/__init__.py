"""The registry of source systems and datasets: the one place that declares,
per source system, the raw tables it hands over (columns and types, the
contract a real extract must meet), its coverage, the Data First dataset
built from it, and the names it goes by.

Everything else derives from it: the dbt source definitions and the dbt
macros that list raw tables and datasets (:mod:`datafirst.registry.dbt`,
``make sources``), the generator's table specs, the linkage models' datasets
and comparisons, and the tests. To add a source system, add a module here
and list it in :data:`SYSTEMS` (docs/adding-a-source-system.md).
"""

from __future__ import annotations

from datafirst.registry import (
    caseman,
    delius,
    familyman,
    libra,
    nomis,
    npd,
    oasys,
    pcol,
    pnc,
    xhibit,
)
from datafirst.registry.model import (
    CASE_EVIDENCE,
    IDENTIFIERS,
    KINDS,
    LINKED_KINDS,
    PERSON_IDENTIFIERS,
    ROLES,
    THRESHOLD_LEVELS,
    TYPES,
    Access,
    Column,
    Dataset,
    SourceSystem,
    TableSpec,
)

#: Every source system, in the order the warehouse lists them: the justice
#: systems, then the MoJ-DfE share's PNC and NPD extracts.
SYSTEMS: tuple[SourceSystem, ...] = tuple(
    module.SOURCE
    for module in (libra, xhibit, nomis, delius, oasys, familyman, caseman, pcol, pnc, npd)
)

#: Every dataset, in the same order.
DATASETS: tuple[Dataset, ...] = tuple(system.dataset for system in SYSTEMS)

#: The datasets the cross-justice person linkage covers (person records,
#: deduplication, cross-justice link, probabilistic training): every dataset
#: but the share's.
LINKED_DATASETS: tuple[Dataset, ...] = tuple(d for d in DATASETS if d.is_linked)

#: The MoJ-DfE share's datasets (kind ``share``): linked to each other only,
#: deterministically (pnc_npd_link).
SHARE_DATASETS: tuple[Dataset, ...] = tuple(d for d in DATASETS if d.kind == "share")

#: The published tables that link datasets (models/marts/linking): the
#: cross-justice person link, the magistrates' to Crown Court journeys and
#: the CaseMan cases received from PCOL linked to their PCOL claims.
LINKING_TABLES: tuple[str, ...] = ("xjs_link", "mags_crown_journey", "caseman_pcol_case_link")

#: The MoJ-DfE share's link (models/marts/moj_dfe_share), kept apart from
#: the cross-justice linking tables.
SHARE_FOLDER = "moj_dfe_share"
SHARE_LINKING_TABLES: tuple[str, ...] = ("pnc_npd_link",)


def published_tables() -> list[tuple[str, str]]:
    """Every published table (mart) with the folder it lives in: its
    dataset's code, ``linking`` for the tables that link the justice
    datasets, or ``moj_dfe_share`` for the share's link."""
    tables = [(table, d.code) for d in DATASETS for table in d.published_tables]
    return (
        tables
        + [(table, "linking") for table in LINKING_TABLES]
        + [(table, SHARE_FOLDER) for table in SHARE_LINKING_TABLES]
    )


def system(name: str) -> SourceSystem:
    """The source system called ``name`` (e.g. ``libra``)."""
    return next(s for s in SYSTEMS if s.name == name)


def dataset(code: str) -> Dataset:
    """The dataset with code ``code`` (e.g. ``mags_hocas``)."""
    return next(d for d in DATASETS if d.code == code)


def system_of(code: str) -> SourceSystem:
    """The source system a dataset is built from."""
    return next(s for s in SYSTEMS if s.dataset.code == code)


def dataset_codes(kind: str | None = None) -> tuple[str, ...]:
    """Dataset codes, all or of one kind (criminal, family, civil, share)."""
    return tuple(d.code for d in DATASETS if kind is None or d.kind == kind)


def linked_dataset_codes() -> tuple[str, ...]:
    """The codes of the datasets the cross-justice person linkage covers."""
    return tuple(d.code for d in LINKED_DATASETS)


def all_tables() -> list[TableSpec]:
    """Every raw table, in system order."""
    return [spec for s in SYSTEMS for spec in s.tables]


__all__ = [
    "CASE_EVIDENCE",
    "DATASETS",
    "IDENTIFIERS",
    "PERSON_IDENTIFIERS",
    "KINDS",
    "LINKED_DATASETS",
    "LINKED_KINDS",
    "LINKING_TABLES",
    "ROLES",
    "SHARE_DATASETS",
    "SHARE_FOLDER",
    "SHARE_LINKING_TABLES",
    "SYSTEMS",
    "THRESHOLD_LEVELS",
    "TYPES",
    "Access",
    "Column",
    "Dataset",
    "SourceSystem",
    "TableSpec",
    "all_tables",
    "dataset",
    "dataset_codes",
    "linked_dataset_codes",
    "published_tables",
    "system",
    "system_of",
]
