"""Generator configuration: scale, seed, output folders and the error profiles.

Every recording-error rate lives here, documented, so that the tests can
measure the generated extracts against it and the README can quote it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from datafirst.project import DEFAULT_RAW_DIR, DEFAULT_TRUTH_DIR, SEEDS_DIR
from datafirst.registry import SYSTEMS

#: Coverage windows of the source extracts (inclusive), from the registry.
COVERAGE: dict[str, tuple[date, date]] = {s.name: s.coverage for s in SYSTEMS}

#: The simulation starts before coverage so that earlier sentences can appear.
SIMULATION_START = date(2007, 1, 1)
SIMULATION_END = date(2023, 12, 31)


@dataclass(frozen=True)
class ErrorProfile:
    """Per-record probabilities of recording errors.

    Name, date-of-birth and postcode errors are drawn independently for every
    person-bearing source record. Within each group one error at most is
    applied, chosen with the probabilities below.
    """

    name: str
    # --- names (forename/surname as recorded) ---
    forename_typo: float = 0.04
    surname_typo: float = 0.04
    phonetic_spelling: float = 0.04
    nickname: float = 0.06  # applied where the forename has a known nickname
    forename_initial: float = 0.02
    name_swap: float = 0.02  # forename and surname swapped
    alias_name: float = 0.06  # a known alias used (people who have aliases)
    surname_variant: float = 0.03  # hyphen / double-barrel / apostrophe variants
    middle_name_dropped: float = 0.25  # not counted as a name difference
    middle_name_initialled: float = 0.10
    # --- date of birth ---
    dob_missing_criminal: float = 0.035
    dob_first_of_january: float = 0.02  # unknown day and month recorded as 1 Jan
    dob_day_month_swap: float = 0.04  # only possible where day <= 12
    dob_day_typo: float = 0.03
    dob_year_error: float = 0.03
    # --- address / postcode ---
    postcode_typo: float = 0.03
    postcode_missing: float = 0.04
    stale_address: float = 0.10  # previous address recorded instead of current
    # --- categorical fields ---
    sex_missing_or_junk: float = 0.01
    ethnicity_junk: float = 0.06
    ethnicity_misrecorded: float = 0.04  # another code in the same broad group
    # --- system behaviours ---
    nomis_new_offender_id: float = 0.25  # returning prisoner given a new id
    nomis_wrong_offender_id: float = 0.02  # returning prisoner attached to another person
    nomis_alias_on_return: float = 0.30  # variant recorded as an alias when linked
    delius_duplicate_offender: float = 0.12  # new offender record made for a known person
    oasys_pnc_missing: float = 0.06
    oasys_crn_missing: float = 0.15  # nDelius CRN not entered on the OASys offender record
    oasys_crn_typo: float = 0.01
    xhibit_urn_missing: float = 0.15
    xhibit_urn_typo: float = 0.04
    xhibit_warrant_execution_unrecorded: float = 0.08  # executed warrant left without its date
    nomis_charge_offence_missing: float = 0.015  # charge recorded without an offence code
    # --- missing birth dates outside the criminal systems ---
    familyman_dob_missing: dict[str, float] = field(
        default_factory=lambda: {
            "applicant": 0.25,
            "respondent": 0.55,
            "child": 0.12,
            "other": 0.60,
        }
    )
    civil_dob_missing: float = 0.88
    # --- malformed rows (bad input the warehouse must quarantine) ---
    malformed_row_share: float = 0.004

    def scaled(self, factor: float, name: str) -> ErrorProfile:
        """Return a copy with every error rate multiplied by ``factor``
        (capped so that probabilities stay valid)."""
        changes: dict[str, object] = {"name": name}
        for fld in fields(self):
            value = getattr(self, fld.name)
            if fld.name in {"name", "middle_name_dropped", "middle_name_initialled"}:
                continue
            if isinstance(value, float):
                changes[fld.name] = min(value * factor, 0.95)
            elif isinstance(value, dict):
                changes[fld.name] = {k: min(v * factor, 0.95) for k, v in value.items()}
        return replace(self, **changes)


DEFAULT_PROFILE = ErrorProfile(name="default")
#: Roughly doubles every error rate of the default profile.
HARD_PROFILE = DEFAULT_PROFILE.scaled(2.0, "hard")
PROFILES: dict[str, ErrorProfile] = {"default": DEFAULT_PROFILE, "hard": HARD_PROFILE}


@dataclass(frozen=True)
class GeneratorConfig:
    """What to generate and where to write it."""

    people: int = 20_000
    seed: int = 20110101
    profile: ErrorProfile = DEFAULT_PROFILE
    raw_dir: Path = DEFAULT_RAW_DIR
    truth_dir: Path = DEFAULT_TRUTH_DIR
    seeds_dir: Path = SEEDS_DIR
    progress: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> GeneratorConfig:
        """Build a configuration from ``DATAFIRST_*`` environment variables."""
        env = os.environ
        values: dict[str, object] = {
            "people": int(env.get("DATAFIRST_PEOPLE", cls.people)),
            "seed": int(env.get("DATAFIRST_SEED", cls.seed)),
            "profile": PROFILES[env.get("DATAFIRST_PROFILE", "default")],
            "raw_dir": Path(env.get("DATAFIRST_RAW_DIR", cls.raw_dir)),
            "truth_dir": Path(env.get("DATAFIRST_TRUTH_DIR", cls.truth_dir)),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
