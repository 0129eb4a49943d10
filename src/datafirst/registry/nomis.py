"""P-NOMIS: the prison system (PRIS dataset).

Layout quirks: an offender record (prison number) that reception staff
should reuse when a person returns, but often do not (a new id) and
sometimes attach to the wrong person; an aliases table holding further names
and dates of birth; bookings per period of custody; movements in, out and
between prisons with reason codes; typed dates.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "nomis"

OFFENDERS = TableSpec(
    system=NAME,
    table="offenders",
    description="One row per offender record (root record). A person should have one, but "
    "returning prisoners are often given a new record, and some bookings are attached to "
    "another person's record.",
    grain="offender record",
    person_bearing=True,
    columns=(
        Column("offender_id", "int64", "P-NOMIS internal offender id.", "key"),
        Column("offender_id_display", "string", "Prison number shown to staff (e.g. A1234BC).", ""),
        Column("last_name", "string", "Surname in upper case.", "name"),
        Column("first_name", "string", "First forename in upper case.", "name"),
        Column("middle_name", "string", "Middle names in upper case, when recorded.", "name"),
        Column("birth_date", "date", "Date of birth given at reception.", "date"),
        Column("sex_code", "string", "Sex (seed sex_source_values, system nomis).", "code"),
        Column(
            "ethnic_code",
            "string",
            "Ethnicity code (seed ethnicity_source_values, system nomis); dummy values occur.",
            "",
        ),
        Column("pnc_number", "string", "PNC id when known.", ""),
        Column("cro_number", "string", "Criminal Records Office number when known.", ""),
        Column("create_date", "date", "Date the record was created (first reception).", "date"),
    ),
)

ALIASES = TableSpec(
    system=NAME,
    table="offender_aliases",
    description="Further names and dates of birth an offender record is known by: "
    "aliases given, maiden names, and variants recorded at later receptions.",
    grain="alias per offender record",
    person_bearing=True,
    columns=(
        Column("alias_offender_id", "int64", "Id of the alias record.", "key"),
        Column(
            "root_offender_id",
            "int64",
            "The offender record the alias belongs to.",
            "fk",
            references="offenders",
        ),
        Column("last_name", "string", "Alias surname in upper case.", "name"),
        Column("first_name", "string", "Alias forename in upper case.", "name"),
        Column("middle_name", "string", "Alias middle names.", "name"),
        Column("birth_date", "date", "Alias date of birth.", "date"),
        Column(
            "alias_name_type",
            "string",
            "A alias, M maiden name, V variant recorded at a later reception.",
            "",
        ),
        Column("create_date", "date", "Date the alias was recorded.", "date"),
    ),
)

BOOKINGS = TableSpec(
    system=NAME,
    table="offender_bookings",
    description="One row per booking: a period under the prison's care from reception to "
    "final release (recalls reopen the same booking).",
    grain="booking",
    columns=(
        Column("offender_book_id", "int64", "Booking id.", "key"),
        Column(
            "offender_id",
            "int64",
            "Offender record the booking is attached to (not always the right person).",
            "fk",
            references="offenders",
        ),
        Column("booking_no", "string", "Booking number shown to staff.", ""),
        Column("booking_begin_date", "date", "Reception date.", "date"),
        Column("booking_end_date", "date", "Final release date; null while in custody.", "date"),
        Column("agy_loc_id", "string", "Prison of reception (seed prisons).", "code"),
        Column("active_flag", "string", "Y while the booking is open.", ""),
    ),
)

SENTENCES = TableSpec(
    system=NAME,
    table="offender_sentences",
    description="One row per custodial spell status on a booking: remand, sentence, recall.",
    grain="spell per booking",
    columns=(
        Column("sentence_id", "int64", "Id of the spell record.", "key"),
        Column("offender_book_id", "int64", "The booking.", "fk", references="offender_bookings"),
        Column("sentence_seq", "int64", "Order on the booking.", ""),
        Column("imprisonment_status", "string", "REMAND, SENTENCED or RECALL.", ""),
        Column("start_date", "date", "Start of the spell.", "date"),
        Column("end_date", "date", "End of the spell (release or change of status).", "date"),
        Column(
            "sentence_length_days", "int64", "Sentence length in days (0 for remand).", "length"
        ),
    ),
)

MOVEMENTS = TableSpec(
    system=NAME,
    table="external_movements",
    description="One row per movement into, out of or between prisons.",
    grain="movement",
    columns=(
        Column("movement_id", "int64", "Movement id.", "key"),
        Column("offender_book_id", "int64", "The booking.", "fk", references="offender_bookings"),
        Column("movement_seq", "int64", "Order of the movement on the booking.", ""),
        Column("movement_date", "date", "Date of the movement.", "date"),
        Column("movement_time", "string", "Time of the movement (HH:MM).", ""),
        Column("movement_type", "string", "ADM, REL or TRN (seed movement_types).", "code"),
        Column("movement_reason_code", "string", "Reason (seed movement_reasons).", "code"),
        Column("direction_code", "string", "IN or OUT.", ""),
        Column("from_agy_loc_id", "string", "Prison moved from (null on admission).", ""),
        Column("to_agy_loc_id", "string", "Prison moved to (null on release).", ""),
    ),
)

INCIDENTS = TableSpec(
    system=NAME,
    table="incidents",
    description="Safety-in-custody incidents (assaults, self-harm) per prisoner involved.",
    grain="prisoner per incident",
    columns=(
        Column("incident_party_id", "int64", "Id of the prisoner's involvement.", "key"),
        Column("incident_case_id", "int64", "Incident id (shared by the parties involved).", ""),
        Column(
            "offender_book_id",
            "int64",
            "Booking of the prisoner involved.",
            "fk",
            references="offender_bookings",
        ),
        Column("incident_date", "date", "Date of the incident.", "date"),
        Column("incident_type", "string", "Type (seed incident_types).", "code"),
        Column("agy_loc_id", "string", "Prison where it happened (seed prisons).", ""),
        Column("party_role", "string", "PERP perpetrator, VICT victim, SELF self-harm.", ""),
        Column("injury_flag", "string", "Y when an injury was sustained.", ""),
        Column("hospital_flag", "string", "Y when hospital attendance was needed.", ""),
    ),
)

CHARGES = TableSpec(
    system=NAME,
    table="offender_charges",
    description=(
        "One row per offence held against a custody spell of a booking: the offences "
        "sentenced to custody (each with its own term and sentence calculation type) or "
        "awaiting trial on remand."
    ),
    grain="offence per spell per booking",
    columns=(
        Column("offender_charge_id", "int64", "Id of the charge record.", "key"),
        Column("offender_book_id", "int64", "The booking.", "fk", references="offender_bookings"),
        Column(
            "sentence_seq",
            "int64",
            "The spell of the booking the offence is held against (offender_sentences).",
            "",
        ),
        Column(
            "offence_code",
            "string",
            "CJS offence code (seed offence_codes); blank in a few records.",
            "code",
        ),
        Column("offence_date", "date", "Date of the offence.", "date"),
        Column(
            "charge_status",
            "string",
            "SENTENCED (custodial sentence) or REMAND (awaiting trial).",
            "",
        ),
        Column(
            "sentence_calc_type",
            "string",
            "Sentence calculation type of the offence's sentence (seed "
            "sentence_calc_types); null on remand.",
            "",
        ),
        Column(
            "sentence_length_days",
            "int64",
            "Custodial term for the offence in days (minimum term for life and IPP); 0 on remand.",
            "length",
        ),
    ),
)

TABLES = (OFFENDERS, ALIASES, BOOKINGS, SENTENCES, MOVEMENTS, INCIDENTS, CHARGES)

SOURCE = SourceSystem(
    name=NAME,
    title="P-NOMIS",
    description="P-NOMIS, the prison case-management system.",
    coverage=(date(2011, 1, 1), date(2023, 3, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="prison_nomis",
        programme_code="PRIS",
        title="Prisoner custodial journey",
        kind="criminal",
        person_table="offenders",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "sex",
            "pnc_number",
            "cro_number",
        ),
        published_tables=("nomis_flatfile", "nomis_movements", "nomis_safety_in_custody"),
        access=Access(
            coverage="custody spanning Jan 2011 - Mar 2023 (earlier sentences may appear)",
            caveats=(
                "A custodial journey merges connected remand, sentence and recall spells; "
                "it is not a count of receptions.",
                "Prison source ids are unreliable: use the linkage's person ids.",
                "Not comparable with Offender Management Statistics.",
            ),
        ),
    ),
)
