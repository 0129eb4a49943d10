"""CaseMan: the county court civil case-management system.

Layout quirks: case numbers of the year's last digit, the court's two-letter
prefix and a serial ('2LS01234'); dates as ``dd/mm/yyyy`` text; a party's
name in one free-text field ('Mr John SMITH' for people, the registered name
for companies); parties are people or companies, with addresses but rarely a
date of birth; party ids built from the case number.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "caseman"

FMT = "dd/mm/yyyy"

CASES = TableSpec(
    system=NAME,
    table="cases",
    description="One row per county court claim started from January 2012 to January 2022: "
    "money claims, possession claims issued on paper and other claims (return of goods, "
    "injunctions, housing disrepair), and possession claims issued online through PCOL "
    "and received on transfer at the hearing centre (received_from 'PCOL').",
    grain="civil case",
    date_format=FMT,
    columns=(
        Column(
            "case_number",
            "string",
            "County court case number: last digit of the year of "
            "issue, the issuing court's two-letter prefix and a five-digit serial, e.g. "
            "'2LS01234'.",
            "key",
        ),
        Column(
            "case_type_code",
            "string",
            "Kind of claim (seed civil_case_types, "
            "source_system caseman; claim_category groups money, possession and other "
            "claims).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "County court that issued the claim (seed courts, court_type county).",
            "code",
        ),
        Column("issue_date", "string", "Date the claim was issued (dd/mm/yyyy).", "date_text"),
        Column(
            "amount_claimed",
            "decimal",
            "Amount claimed in pounds (arrears on possession claims); null when no sum is claimed.",
            "",
        ),
        Column("court_fee", "decimal", "Court fee paid on issue in pounds.", ""),
        Column(
            "track_code",
            "string",
            "Track a defended claim was allocated to: 'SC' small "
            "claims, 'FT' fast track, 'MT' multi-track; null when not allocated.",
            "",
        ),
        Column(
            "received_from",
            "string",
            "'PCOL' for a possession claim issued online through Possession Claims Online "
            "and received at the hearing centre on transfer (its issue_date is the date "
            "received, after the claim's PCOL issue date); null for a claim issued at the "
            "county court.",
            "",
        ),
        Column(
            "pcol_claim_number",
            "string",
            "PCOL claim number carried over as a reference on a claim received from PCOL, "
            "as the clerk keyed it (often, not always, entered; sometimes mistyped); null "
            "otherwise.",
            "",
        ),
    ),
)

PARTIES = TableSpec(
    system=NAME,
    table="parties",
    description="One row per party per role per case: claimants and defendants, people or "
    "companies. People have no id across cases; companies are never persons.",
    grain="party per role per case",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column(
            "party_id",
            "string",
            "Party id: the case number, 'C' (claimant) or 'D' "
            "(defendant) and the party's number in that role, e.g. '2LS01234-D1'.",
            "key",
        ),
        Column("case_number", "string", "The case (cases.case_number).", "fk", references="cases"),
        Column(
            "party_role_code",
            "string",
            "Role of the party (seed party_roles, source_system caseman).",
            "code",
        ),
        Column(
            "party_number",
            "int32",
            "Number of the party within its role (1 = first defendant).",
            "",
        ),
        Column("party_type", "string", "'individual' or 'company'.", ""),
        Column(
            "name",
            "string",
            "Name in one free-text field: for a person the title (often), "
            "forename, sometimes middle names and surname, surname usually in capitals "
            "('Mr John SMITH'); for a company or council its name.",
            "name",
        ),
        Column(
            "address_line_1", "string", "First line of the party's address for service.", "text"
        ),
        Column("address_line_2", "string", "Post town of the address, when entered.", "text"),
        Column(
            "postcode",
            "string",
            "Postcode of the address for service; may be stale, mistyped or missing.",
            "",
        ),
        Column(
            "date_of_birth",
            "string",
            "Date of birth (dd/mm/yyyy); rarely entered, null for companies.",
            "date_text",
        ),
        Column("is_represented", "bool", "True when a solicitor is on record for the party.", ""),
    ),
)

CASE_EVENTS = TableSpec(
    system=NAME,
    table="case_events",
    description="One row per event recorded on a case (issue, service, response, "
    "allocation, hearings listed, judgments, enforcement, closure), up to the extract date.",
    grain="event per case",
    date_format=FMT,
    columns=(
        Column("event_id", "int64", "CaseMan's id of the event.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk", references="cases"),
        Column(
            "event_code",
            "string",
            "Three-digit event code (seed civil_event_types, source_system caseman).",
            "code",
        ),
        Column("event_date", "string", "Date of the event (dd/mm/yyyy).", "date_text"),
        Column("event_sequence", "int32", "Order of the event within its case.", ""),
    ),
)

HEARINGS = TableSpec(
    system=NAME,
    table="hearings",
    description="One row per hearing listed on a case, including hearings vacated before "
    "they sat and hearings listed for the months after the extract (no outcome yet).",
    grain="hearing per case",
    date_format=FMT,
    columns=(
        Column("hearing_id", "int64", "CaseMan's id of the hearing.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk", references="cases"),
        Column(
            "hearing_type_code",
            "string",
            "Kind of hearing (seed hearing_types, source_system caseman).",
            "code",
        ),
        Column(
            "hearing_date", "string", "Date the hearing was listed for (dd/mm/yyyy).", "date_text"
        ),
        Column("court_code", "string", "Court where the hearing was listed (seed courts).", "code"),
        Column(
            "time_allowed_minutes",
            "int32",
            "Time the hearing took or was allowed, in minutes; null when vacated or not yet heard.",
            "length",
        ),
        Column(
            "hearing_outcome",
            "string",
            "Outcome as entered by the court clerk; null when not yet heard.",
            "text",
        ),
    ),
)

JUDGMENTS = TableSpec(
    system=NAME,
    table="judgments",
    description="One row per judgment entered against a defendant: in default, on "
    "admission, by determination, summary, by consent or after trial (possession orders "
    "included).",
    grain="judgment per case",
    date_format=FMT,
    columns=(
        Column("judgment_id", "int64", "CaseMan's id of the judgment.", "key"),
        Column("case_number", "string", "The case (cases.case_number).", "fk", references="cases"),
        Column(
            "against_party_id",
            "string",
            "The party the judgment is against (parties.party_id; the first defendant).",
            "fk",
            references="parties",
        ),
        Column(
            "judgment_type_code",
            "string",
            "Kind of judgment (seed civil_judgment_types, source_system caseman).",
            "code",
        ),
        Column(
            "judgment_date", "string", "Date the judgment was entered (dd/mm/yyyy).", "date_text"
        ),
        Column(
            "judgment_amount",
            "decimal",
            "Amount of the judgment in pounds (arrears on possession orders).",
            "",
        ),
        Column("costs_amount", "decimal", "Costs awarded in pounds.", ""),
        Column("total_amount", "decimal", "Judgment amount plus costs in pounds.", ""),
        Column("payment_terms", "string", "'FORTHWITH' or 'INSTALMENTS'.", ""),
        Column(
            "instalment_amount",
            "decimal",
            "Monthly instalment in pounds when payable by instalments.",
            "",
        ),
    ),
)

WARRANTS = TableSpec(
    system=NAME,
    table="warrants",
    description="One row per warrant issued to enforce a judgment or order: execution "
    "(control) for money, possession, delivery of goods, committal.",
    grain="warrant per case",
    date_format=FMT,
    columns=(
        Column(
            "warrant_number",
            "string",
            "Warrant number: a letter for the issuing year and seven digits.",
            "key",
        ),
        Column("case_number", "string", "The case (cases.case_number).", "fk", references="cases"),
        Column(
            "warrant_type_code",
            "string",
            "Kind of warrant (seed civil_warrant_types, source_system caseman).",
            "code",
        ),
        Column("issue_date", "string", "Date the warrant was issued (dd/mm/yyyy).", "date_text"),
        Column(
            "warrant_amount",
            "decimal",
            "Amount outstanding under the warrant in pounds; null for warrants not for money.",
            "",
        ),
        Column(
            "warrant_status",
            "string",
            "Latest state as entered by the bailiff: paid, no "
            "goods, suspended, withdrawn, executed, outstanding.",
            "text",
        ),
        Column(
            "executed_date",
            "string",
            "Date the warrant was paid out or executed (dd/mm/yyyy).",
            "date_text",
        ),
    ),
)

TABLES = (CASES, PARTIES, CASE_EVENTS, HEARINGS, JUDGMENTS, WARRANTS)

SOURCE = SourceSystem(
    name=NAME,
    title="CaseMan",
    description="CaseMan, the county court civil case-management system.",
    coverage=(date(2012, 1, 1), date(2022, 1, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="civil_caseman",
        programme_code="CaseMan",
        title="Civil court (CaseMan)",
        kind="civil",
        person_table="parties",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "postcode",
            "co_party_names",
        ),
        bridge_level="default",
        published_tables=(
            "caseman_cases",
            "caseman_case_events",
            "caseman_hearings",
            "caseman_judgments",
            "caseman_warrants",
            "caseman_parties",
        ),
        access=Access(
            coverage="cases started Jan 2012 - Jan 2022",
            caveats=(
                "Companies are parties but are never person-linked.",
                "Parties rarely have a date of birth: person ids split some people.",
                "Not comparable with Civil Justice Statistics Quarterly.",
            ),
        ),
    ),
)
