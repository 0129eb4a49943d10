"""The person-linkage models: which records each links, how it compares and
blocks them, and the precision its thresholds must reach in the simulated
clerical review.

One deduplication model per dataset gives the per-dataset person ids; one
cross-justice model links records between datasets. Their thresholds are
chosen by :mod:`datafirst.linkage.review` and stored with the trained model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datafirst import registry

CRIMINAL_DATASETS = registry.dataset_codes("criminal")
#: Parties to family and civil cases: dates of birth mostly missing.
PARTY_DATASETS = registry.dataset_codes("family") + registry.dataset_codes("civil")
ALL_DATASETS = CRIMINAL_DATASETS + PARTY_DATASETS

#: A misspelt surname where the date of birth is missing (see below).
MISSING_DATE_OF_BIRTH_RULE = (
    "l.surname_metaphone = r.surname_metaphone and left(l.forename, 1) = left(r.forename, 1)"
    " and (l.date_of_birth is null or r.date_of_birth is null)"
)

#: Blocking rules for prediction: a pair is scored when any rule holds.
#: Chosen on a million-person extract by the true pairs each rule alone
#: reaches and the comparisons it costs: the set reaches, through other
#: records of the same person, as many true pairs as a set twice its size.
CRIMINAL_BLOCKING = (
    "l.date_of_birth = r.date_of_birth and left(l.surname, 1) = left(r.surname, 1)"
    " and left(l.forename, 1) = left(r.forename, 1)",
    "l.date_of_birth = r.date_of_birth and l.surname_metaphone = r.surname_metaphone",
    "l.forename = r.forename and l.surname = r.surname",
    "l.pnc_number = r.pnc_number",
    # The Criminal Records Office number P-NOMIS and nDelius hold beside it.
    "l.cro_number = r.cro_number",
    # The probation case reference OASys holds for the nDelius record.
    "l.crn = r.crn",
    "l.date_of_birth = r.date_of_birth and l.postcode_outward = r.postcode_outward",
    "l.forename = r.surname and l.surname = r.forename",
    "l.postcode = r.postcode and left(l.surname, 1) = left(r.surname, 1)",
    "l.forename = r.forename and left(l.surname, 2) = left(r.surname, 2)"
    " and year(l.date_of_birth) = year(r.date_of_birth)",
    "l.surname = r.surname and left(l.forename, 1) = left(r.forename, 1)"
    " and year(l.date_of_birth) = year(r.date_of_birth)",
    "left(l.surname, 3) = left(r.surname, 3) and left(l.forename, 1) = left(r.forename, 1)"
    " and year(l.date_of_birth) = year(r.date_of_birth)"
    " and month(l.date_of_birth) = month(r.date_of_birth)",
    # A wrong year of birth (at most ten years out: further apart, the date
    # of birth weighs against a match) together with a misspelt name.
    "l.forename = r.forename and month(l.date_of_birth) = month(r.date_of_birth)"
    " and day(l.date_of_birth) = day(r.date_of_birth)"
    " and abs(year(l.date_of_birth) - year(r.date_of_birth)) <= 10",
    "l.surname = r.surname and month(l.date_of_birth) = month(r.date_of_birth)"
    " and day(l.date_of_birth) = day(r.date_of_birth)",
    # Full names agreeing where the date of birth is wrong or missing.
    "l.forename = r.forename and l.middle_names = r.middle_names"
    " and year(l.date_of_birth) = year(r.date_of_birth)",
    "l.forename = r.forename and left(l.surname, 3) = left(r.surname, 3)"
    " and (l.date_of_birth is null or r.date_of_birth is null)",
    "l.middle_names = r.middle_names and l.date_of_birth = r.date_of_birth",
    # Names spelt differently but sounding the same.
    "l.forename_metaphone = r.forename_metaphone and l.surname_metaphone = r.surname_metaphone"
    " and year(l.date_of_birth) = year(r.date_of_birth)",
    # A PNC with one character mistyped keeps either its first eight or its
    # last five characters.
    "right(l.pnc_number, 5) = right(r.pnc_number, 5)",
    "left(l.pnc_number, 8) = left(r.pnc_number, 8) and left(l.surname, 1) = left(r.surname, 1)",
    # Two identifiers wrong: a new surname (marriage, an alias) and a
    # misspelt forename that sounds the same; a new surname and a mistyped
    # day of birth; a misspelt surname where the date of birth is missing.
    "l.date_of_birth = r.date_of_birth and l.forename_metaphone = r.forename_metaphone",
    "l.forename = r.forename and year(l.date_of_birth) = year(r.date_of_birth)"
    " and month(l.date_of_birth) = month(r.date_of_birth)",
    MISSING_DATE_OF_BIRTH_RULE,
)
#: Across datasets the same rule in the same postcode district only. Family
#: and civil parties seldom have a date of birth, so across all datasets the
#: rule alone made 54 million of the cross-justice model's candidate pairs at
#: a million people (two thirds of its scoring time) for 5,589 direct links
#: at the default threshold; in the same district it makes 0.4 million pairs
#: and keeps 4,321 of those links (recall 0.9391 -> 0.9390 at 1M, after
#: clustering). Within a criminal dataset the full rule costs little and
#: keeps OASys's recall.
CROSS_JUSTICE_BLOCKING = tuple(
    rule + " and l.postcode_outward = r.postcode_outward"
    if rule == MISSING_DATE_OF_BIRTH_RULE
    else rule
    for rule in CRIMINAL_BLOCKING
) + ("l.surname = r.surname and l.postcode = r.postcode",)
#: Family and civil parties rarely have a date of birth: block on names and
#: places. Their datasets are small (at a million people 146,000 FamilyMan
#: records, 81,000 in CaseMan), so rules that make many pairs cost little:
#: at the 100k build a third of the true civil pairs still missed were never
#: compared, most of them one address with a name misspelt or the names
#: swapped, or a forename written differently (a nickname, an initial).
PARTY_BLOCKING = (
    "l.forename = r.forename and l.surname = r.surname",
    "l.surname = r.surname and l.date_of_birth = r.date_of_birth",
    "l.forename = r.forename and l.date_of_birth = r.date_of_birth",
    "l.postcode = r.postcode",
    "l.forename = r.surname and l.surname = r.forename",
    # Misspelt names, most often without a date of birth to go by.
    "l.forename_metaphone = r.forename_metaphone and l.surname_metaphone = r.surname_metaphone",
    "l.surname = r.surname and l.postcode_outward = r.postcode_outward",
    "l.surname = r.surname and left(l.forename, 1) = left(r.forename, 1)",
    "l.forename = r.forename and left(l.surname, 3) = left(r.surname, 3)",
)

#: Rules for expectation maximisation: each leaves the other comparisons free.
TRAINING_BLOCKING = (
    "l.date_of_birth = r.date_of_birth",
    "l.forename = r.forename and l.surname = r.surname",
)
PARTY_TRAINING_BLOCKING = (
    "l.forename = r.forename and l.surname = r.surname",
    "l.postcode = r.postcode",
)

#: Near-certain matches, used with their measured recall to re-estimate the
#: prior (probability that two random records match) for the data at hand.
DETERMINISTIC = (
    "l.forename = r.forename and l.surname = r.surname and l.date_of_birth = r.date_of_birth",
)
PARTY_DETERMINISTIC = (
    "l.forename = r.forename and l.surname = r.surname and l.postcode = r.postcode",
    "l.forename = r.forename and l.surname = r.surname and l.date_of_birth = r.date_of_birth",
)


#: Precision the review must show for the weakest band of links accepted at
#: each threshold (see PersonModel.band_precision_floor). Criminal datasets,
#: whose bar is a pairwise precision of 0.995, accept no marginal band below
#: 0.98 at the default level: the pooled target alone is met by the mass of
#: certain pairs above a weak band, whatever that band holds, and each wrong
#: link in it joins two people's clusters (at 0.95, two in a hundred of the
#: weakest links accepted were wrong and the clusters' precision fell below
#: the bar); a small dataset's review (a hundred or so true pairs) otherwise
#: accepts a weak band on two or three lucky labels. The high level is the
#: one at which the cross-justice links also join a criminal dataset's own
#: records (the registry's ``bridge_level``, for all but OASys): a wrong
#: bridge merges two people in a dataset whose own model kept them apart,
#: so every band it accepts must be all but certain (0.999).
BAND_PRECISION_FLOOR = {"low": 0.5, "default": 0.98, "high": 0.999}
#: Family and civil parties, whose bar is recall at a precision of 0.98.
PARTY_BAND_PRECISION_FLOOR = {"low": 0.5, "default": 0.9, "high": 0.99}


@dataclass(frozen=True)
class PersonModel:
    name: str
    datasets: tuple[str, ...]
    link_type: str  # "dedupe_only" within a dataset, "link_only" across datasets
    comparisons: tuple[str, ...]
    blocking: tuple[str, ...]
    training_blocking: tuple[str, ...]
    deterministic: tuple[str, ...]
    #: Pairwise precision the clerical review must show above each threshold.
    target_precision: dict[str, float] = field(
        default_factory=lambda: {"low": 0.98, "default": 0.995, "high": 0.999}
    )
    #: Precision the review must show for the weakest band of links accepted
    #: at each threshold, whatever the precision of all links above it: a few
    #: weak links among many strong ones pass a pooled target, yet each can
    #: merge two people's clusters. At the published threshold a criminal
    #: link must be right at least 19 times in 20 (a party link 9 in 10); at
    #: the low one, more often than not.
    band_precision_floor: dict[str, float] = field(
        default_factory=lambda: dict(BAND_PRECISION_FLOOR)
    )


#: Every identifier of a person, in the order the models compare them (the
#: cross-justice model compares these; case evidence stays within a dataset).
CRIMINAL_COMPARISONS = registry.PERSON_IDENTIFIERS


def comparisons_of(dataset: registry.Dataset) -> tuple[str, ...]:
    """A dataset's comparisons: only the identifiers its source holds (the
    registry's ``identifiers``). A dataset keyed by PNC (OASys) has duplicate
    records precisely because the PNC was missing or mistyped: two of its
    records never share a PNC, but a PNC one character away from another (a
    typo) is evidence. A dataset that issues the CRN as its records' key
    (nDelius) compares it across datasets only. Family and civil parties,
    who seldom have a date of birth, compare postcodes down to the local
    authority: a party who moved across town is told from a namesake by
    it, where a criminal record has its date of birth."""
    names = [
        name
        for name in registry.IDENTIFIERS
        if name in dataset.identifiers and not (name == "crn" and dataset.keyed_by_crn)
    ]
    if dataset.keyed_by_pnc and "pnc_number" in names:
        names[names.index("pnc_number")] = "pnc_number_typo"
    if dataset.code in PARTY_DATASETS and "postcode" in names:
        names[names.index("postcode")] = "postcode_within_authority"
    return tuple(names)


DATASET_COMPARISONS = {d.code: comparisons_of(d) for d in registry.LINKED_DATASETS}


#: Pairwise precision targets of the review, per level. A wrong link joins two
#: people's clusters, and the more records a person has in a dataset the more
#: wrong pairs it makes: the magistrates' courts, where the prolific minority
#: has dozens of records, need the strictest edge precision.
_TARGETS = {
    "mags_hocas": {"low": 0.995, "default": 0.999, "high": 0.9995},
    "criminal": {"low": 0.98, "default": 0.995, "high": 0.999},
    "family": {"low": 0.98, "default": 0.995, "high": 0.999},
    # Civil parties: the bar is recall at a precision of 0.98, and most
    # parties have no date of birth, so the published threshold aims close to
    # it: 0.985, half a point above, for the precision a larger population
    # loses (the same evidence is worth less among more namesakes: at the
    # weight this chooses, CaseMan's and PCOL's precision is .989 to .995 at
    # 100,000 people and .985 to .988 at a million).
    "civil": {"low": 0.95, "default": 0.985, "high": 0.995},
}
for _code in PARTY_DATASETS:
    _TARGETS[_code] = _TARGETS[registry.dataset(_code).kind]


#: Where records carry their case's co-parties: two records with a name and a
#: co-party in common (the same ex-partner in two family cases).
CO_PARTY_BLOCKING = (
    "l.surname = r.surname and list_has_any(l.co_party_names, r.co_party_names)",
    "l.forename = r.forename and list_has_any(l.co_party_names, r.co_party_names)",
)


def _dedupe(dataset: str) -> PersonModel:
    party = dataset in PARTY_DATASETS
    blocking = PARTY_BLOCKING if party else CRIMINAL_BLOCKING
    if "co_party_names" in registry.dataset(dataset).identifiers:
        blocking += CO_PARTY_BLOCKING
    return PersonModel(
        name=f"dedupe_{dataset}",
        datasets=(dataset,),
        link_type="dedupe_only",
        comparisons=DATASET_COMPARISONS[dataset],
        blocking=blocking,
        training_blocking=PARTY_TRAINING_BLOCKING if party else TRAINING_BLOCKING,
        deterministic=PARTY_DETERMINISTIC if party else DETERMINISTIC,
        target_precision=_TARGETS.get(dataset, _TARGETS["criminal"]),
        band_precision_floor=dict(PARTY_BAND_PRECISION_FLOOR if party else BAND_PRECISION_FLOOR),
    )


DEDUPE_MODELS = {d: _dedupe(d) for d in ALL_DATASETS}

#: The person models' levels (comparison, label) at which two records agree
#: on an identifier of one person: random pairs agree there about as often
#: as they match, so their u-probabilities move with the prior (see
#: :func:`datafirst.linkage.engine.for_population`). A PNC one character
#: apart is a typo's chance, as common among random pairs at any size.
IDENTIFIER_LEVELS: tuple[tuple[str, str], ...] = (
    ("pnc_number", "exact"),
    ("cro_number", "exact"),
    ("crn", "exact"),
)

CROSS_JUSTICE = PersonModel(
    name="link_cross_justice",
    datasets=ALL_DATASETS,
    link_type="link_only",
    comparisons=CRIMINAL_COMPARISONS,
    blocking=CROSS_JUSTICE_BLOCKING,
    training_blocking=TRAINING_BLOCKING,
    deterministic=DETERMINISTIC,
    target_precision={"low": 0.995, "default": 0.999, "high": 0.9995},
)

ALL_MODELS = {m.name: m for m in (*DEDUPE_MODELS.values(), CROSS_JUSTICE)}


@dataclass(frozen=True)
class JourneyModel:
    """Magistrates' to Crown case linkage: each Crown defendant-on-case to the
    magistrates' defendant-case it came from."""

    name: str = "link_mags_crown"
    blocking: tuple[str, ...] = (
        "l.police_urn = r.police_urn",
        "l.estimated_xjs_id = r.estimated_xjs_id",
        "l.court_code = r.court_code and l.court_date = r.court_date",
    )
    #: EM passes: pairs sharing a police reference, and pairs sent on one
    #: day from one court. Not pairs sharing a person id: among those the
    #: date of birth agrees whichever of the person's cases they are, and EM
    #: learnt it (and every case level) as evidence of one person, not of
    #: one case.
    training_blocking: tuple[str, ...] = (
        "l.police_urn = r.police_urn",
        "l.court_code = r.court_code and l.court_date = r.court_date",
    )
    deterministic: tuple[str, ...] = (
        "l.police_urn = r.police_urn and l.court_date = r.court_date",
    )
    target_precision: dict[str, float] = field(
        default_factory=lambda: {"low": 0.98, "default": 0.995, "high": 0.999}
    )
    #: Levels (comparison, label) at which two records agree on an
    #: identifier of one case or one person: random pairs agree there about
    #: as often as they match, so their u-probabilities move with the prior
    #: (see :func:`datafirst.linkage.engine.for_population`).
    identifier_levels: tuple[tuple[str, str], ...] = (
        ("police_urn", "exact"),
        ("estimated_xjs_id", "same person (cross-justice id)"),
    )


JOURNEY = JourneyModel()
