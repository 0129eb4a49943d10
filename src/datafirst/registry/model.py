"""The shapes of the registry: a source system, its raw tables and their
columns, and the Data First dataset built from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The column types a raw extract may declare, and what each is in dbt
#: (the DuckDB types the staging layer reads).
TYPES = {
    "string": "varchar",
    "int64": "bigint",
    "int32": "integer",
    "float64": "double",
    "decimal": "decimal(12,2)",
    "date": "date",
    "timestamp": "timestamp",
    "bool": "boolean",
}

#: What a column is, in the source: the checks the staging layer makes of it
#: follow from its role (a key must be unique and present, a text date must
#: parse, a code must be on its list), and so do the malformations the
#: generator may inject into it.
ROLES = {
    "key": "the table's primary key",
    "fk": "a reference to another table of the same system (its parent)",
    "date_text": "a date held as text in the system's layout",
    "date": "a typed date or timestamp",
    "length": "a length or count that cannot be negative",
    "code": "a code from a lookup list",
    "name": "a person's name text",
    "text": "free or descriptive text",
    "": "no special role",
}

#: The longest text value (in characters) a raw column of each role may hold;
#: a longer value is not a plausible entry but hostile or broken input, and
#: the shared source read (:func:`datafirst.registry.dbt.render_read`) nulls
#: it and quarantines its row (``oversized_text:<column>``). Free text may be
#: longer than names, codes and ids; none in the synthetic extracts reaches
#: 60 characters.
MAX_TEXT_LENGTH = {"text": 1000}
DEFAULT_MAX_TEXT_LENGTH = 255

#: Kinds of dataset: the linkage treats criminal datasets (people with dates
#: of birth and often PNC numbers) and parties to family and civil cases
#: (dates of birth mostly missing) differently. ``share`` datasets (the
#: MoJ-DfE share's PNC and NPD extracts) have their own deterministic
#: linkage and access route: they are outside the cross-justice person
#: linkage, the person-record union and the probabilistic training.
KINDS = ("criminal", "family", "civil", "share")
#: The kinds of dataset the cross-justice person linkage covers.
LINKED_KINDS = ("criminal", "family", "civil")
#: The linkage's threshold levels, from the most links to the surest.
THRESHOLD_LEVELS = ("low", "default", "high")

#: Identifiers of a person a dataset's person records may hold, in the
#: order the linkage compares them: it compares only those a source holds.
PERSON_IDENTIFIERS = (
    "forename",
    "middle_names",
    "surname",
    "date_of_birth",
    "postcode",
    "sex",
    "pnc_number",
    "cro_number",
    "crn",
)
#: Evidence from a record's case rather than its person: the names of the
#: other people party to the same case (the same ex-partner or child in two
#: family cases).
CASE_EVIDENCE = ("co_party_names",)
IDENTIFIERS = PERSON_IDENTIFIERS + CASE_EVIDENCE


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    role: str = ""
    #: For a ``fk`` column, the table of the same system whose key it holds
    #: (the row's parent). A row whose parent is missing or quarantined is
    #: quarantined too (``orphan_of_<parent>``).
    references: str | None = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")
        if self.role not in ROLES:
            raise ValueError(f"column {self.name}: unknown role {self.role!r}")
        if (self.role == "fk") != (self.references is not None):
            raise ValueError(
                f"column {self.name}: a fk column names the table it references, "
                "and only a fk column does"
            )

    @property
    def max_length(self) -> int | None:
        """The longest text value the column may hold (strings only)."""
        if self.type != "string":
            return None
        return MAX_TEXT_LENGTH.get(self.role, DEFAULT_MAX_TEXT_LENGTH)


@dataclass(frozen=True)
class TableSpec:
    """One raw table: the contract an extract of it must meet."""

    system: str
    table: str
    description: str
    grain: str
    columns: tuple[Column, ...]
    person_bearing: bool = False
    date_format: str | None = None  # layout of this table's text dates

    @property
    def key(self) -> str:
        return next(c.name for c in self.columns if c.role == "key")

    @property
    def parents(self) -> tuple[Column, ...]:
        """The columns referencing a parent table, in declaration order."""
        return tuple(c for c in self.columns if c.role == "fk")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class Access:
    """How a researcher gets a dataset, as the programme publishes it: who
    approves an application, where the data are held, the period covered
    and what to know before using it. Shown on the dataset's pages of the
    researchers' catalogue and in the variable list (datafirst.catalogue)."""

    #: The period the dataset covers (the programme's own statement).
    coverage: str
    #: Where approved researchers analyse it.
    held_at: str = "ONS Secure Research Service (SRS)"
    #: Who approves an application to use it.
    approved_by: str = "Ministry of Justice Data Access Governance Board (DAGB)"
    #: What to know before using it: its known quality problems.
    caveats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A Data First dataset: what researchers receive from one source system.

    ``code`` is the dataset's one name in the warehouse: the
    ``source_dataset`` value, the record-id prefix, the intermediate and mart
    folders, the linkage models (``dedupe_<code>``) and the catalogue.
    ``programme_code`` is the abbreviation the programme's own user guides
    use (MACO, CRCO, ...); the published tables keep the names the programme
    gives them.
    """

    code: str
    programme_code: str
    title: str
    kind: str
    #: The raw table whose rows are the dataset's person records.
    person_table: str
    #: The identifiers (of :data:`IDENTIFIERS`) its person records hold.
    identifiers: tuple[str, ...]
    #: The dataset's person records carry a PNC number as their key (OASys):
    #: two records of one person never share it, so only a mistyped PNC is
    #: evidence.
    keyed_by_pnc: bool = False
    #: The dataset issues the CRN (probation case reference) as its records'
    #: own key (nDelius: one per offender record, a new one for a duplicate):
    #: two of its records never share one, so the CRN is evidence across
    #: datasets only (an OASys record holding the same CRN).
    keyed_by_crn: bool = False
    #: The lowest threshold level (low, default, high) at which records of
    #: the dataset that the cross-justice links join through other records
    #: (a criminal dataset's through criminal records) are one person in the
    #: dataset too (the bridge of ``linkage.engine.cluster_people``). High
    #: for most criminal datasets: a wrong bridge merges two people the
    #: dataset's own model kept apart. Default where the evidence that two
    #: records are one person lies mostly in the other datasets. OASys: its
    #: records hold no address, and a person's two records never share their
    #: key, the PNC (a duplicate is a record made without one, or with one
    #: mistyped), while the other datasets hold the PNC and the address.
    #: Family and civil parties: most have no date of birth, so two records
    #: of one party at two addresses carry names alone, while the party's
    #: criminal records hold the date of birth and the address history that
    #: join each of them.
    bridge_level: str = "high"
    #: The published tables (marts) built from it.
    published_tables: tuple[str, ...] = ()
    #: How researchers get it (the catalogue's access section).
    access: Access | None = None

    @property
    def is_linked(self) -> bool:
        """Whether the cross-justice person linkage covers the dataset."""
        return self.kind in LINKED_KINDS

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"dataset {self.code}: unknown kind {self.kind!r}")
        if self.bridge_level not in THRESHOLD_LEVELS:
            raise ValueError(f"dataset {self.code}: unknown bridge level {self.bridge_level!r}")
        unknown = set(self.identifiers) - set(IDENTIFIERS)
        if unknown:
            raise ValueError(f"dataset {self.code}: unknown identifiers {sorted(unknown)}")


@dataclass(frozen=True)
class SourceSystem:
    """A source system: the raw extract it hands over and the dataset built
    from it.

    ``name`` is the system's one name in the warehouse: the extract's folder,
    the dbt source, the staging folder and models (``stg_<name>__<table>``)
    and the generator module.
    """

    name: str
    title: str
    description: str
    #: First and last day of the extract (inclusive).
    coverage: tuple[date, date]
    tables: tuple[TableSpec, ...]
    dataset: Dataset

    def __post_init__(self) -> None:
        for spec in self.tables:
            if spec.system != self.name:
                raise ValueError(f"{self.name}: table {spec.table} names system {spec.system}")
        names = [spec.table for spec in self.tables]
        if self.dataset.person_table not in names:
            raise ValueError(f"{self.name}: no table {self.dataset.person_table}")
        for spec in self.tables:
            for column in spec.parents:
                if column.references not in names:
                    raise ValueError(
                        f"{self.name}.{spec.table}.{column.name}: no table {column.references}"
                    )
        self._check_no_cycle()

    def _check_no_cycle(self) -> None:
        """Parents form a tree: no table is its own ancestor, but for a table
        whose rows refer to other rows of itself (an OASys sub-assessment to
        its main assessment), checked one level deep."""
        parents = {s.table: {c.references for c in s.parents} - {s.table} for s in self.tables}
        for table in parents:
            seen, todo = set(), set(parents[table])
            while todo:
                ancestor = todo.pop()
                if ancestor == table:
                    raise ValueError(f"{self.name}.{table}: is its own ancestor")
                if ancestor not in seen:
                    seen.add(ancestor)
                    todo |= parents[ancestor]

    def table(self, name: str) -> TableSpec:
        return next(spec for spec in self.tables if spec.table == name)

    @property
    def person_table(self) -> TableSpec:
        return self.table(self.dataset.person_table)
