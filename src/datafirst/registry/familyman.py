"""FamilyMan: the family court case-management system (FACO dataset).

Layout quirks: case numbers built from the court's prefix, the year, a letter
for the kind of case and a serial ('MA12C00345'); dates as ``yyyymmdd`` text;
one party row per party per case with the forename and middle names in one
field; organisations (local authorities) held in the same party table with
their name in the surname field; dates of birth often missing (more for
respondents and other parties than for applicants and children); ethnicity
seldom asked.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "familyman"

FMT = "yyyymmdd"

CASES = TableSpec(
    system=NAME,
    table="cases",
    description="One row per family court case (public and private law children cases, "
    "divorce, Family Law Act protection and adoption) active at any time from January 2011 "
    "to March 2023, including cases issued earlier and cases still open at the extract.",
    grain="family court case",
    date_format=FMT,
    columns=(
        Column(
            "case_number",
            "string",
            "FamilyMan case number: the issuing court's two-letter "
            "prefix, the two-digit year of issue, a letter for the kind of case (C public "
            "law, P private law, D divorce, F Family Law Act, A adoption) and a five-digit "
            "serial within court, year and letter, e.g. 'MA12C00345'.",
            "key",
        ),
        Column(
            "case_type_code",
            "string",
            "Kind of application that started the case (seed "
            "family_case_types; its law_type groups the codes).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "Family court that issued the case (seed courts, court_type family).",
            "code",
        ),
        Column(
            "issue_date",
            "string",
            "Date the application or petition was issued, as yyyymmdd text.",
            "date_text",
        ),
        Column(
            "closed_date",
            "string",
            "Date the case was closed by a final order, "
            "withdrawal or dismissal, as yyyymmdd text; null while the case is open.",
            "date_text",
        ),
        Column(
            "order_type_code",
            "string",
            "Final order made (seed family_order_types); null "
            "while the case is open and when it closed without an order (withdrawn or "
            "refused).",
            "code",
        ),
        Column("case_status", "string", "'OPEN' or 'CLOSED' at the extract date.", ""),
        Column(
            "number_of_children",
            "int32",
            "Number of children who are subjects of the "
            "case, as keyed by court staff (0 for divorce and Family Law Act cases).",
            "length",
        ),
    ),
)

PARTIES = TableSpec(
    system=NAME,
    table="parties",
    description="One row per party per family case: applicants and petitioners, "
    "respondents, the children the case is about, and other parties (children's guardians, "
    "interveners). The same person has a separate row in every case they are party to, with "
    "no person id. Local authorities are parties too (party_type 'organisation'): they are "
    "not people and must never be person-linked.",
    grain="party per case",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column("party_id", "int64", "FamilyMan's id of the party-on-case record.", "key"),
        Column(
            "case_number",
            "string",
            "The case the party belongs to (cases.case_number).",
            "fk",
            references="cases",
        ),
        Column(
            "role_code",
            "string",
            "The party's role in the case (seed party_roles, "
            "source_system familyman; its party_category groups roles into applicant, "
            "respondent, child and other).",
            "code",
        ),
        Column("party_type", "string", "'person' or 'organisation' (a local authority).", ""),
        Column(
            "title",
            "string",
            "Courtesy title as entered (Mr, Mrs, Ms, Miss, Master); often blank.",
            "",
        ),
        Column(
            "forenames",
            "string",
            "Forename and any middle names in one field, as entered; null for organisations.",
            "name",
        ),
        Column(
            "surname",
            "string",
            "Surname as entered (occasionally in capitals); for an "
            "organisation, the organisation's name.",
            "name",
        ),
        Column(
            "date_of_birth",
            "string",
            "Date of birth as yyyymmdd text. Often missing: "
            "about a quarter of applicants, more than half of respondents and other "
            "parties, fewer children; 1 January can stand for an unknown day and month. "
            "Null for organisations.",
            "date_text",
        ),
        Column(
            "gender",
            "string",
            "Gender as recorded (seed sex_source_values, system "
            "familyman); 'Unknown' and blank occur. Null for organisations.",
            "code",
        ),
        Column(
            "ethnicity",
            "string",
            "Ethnicity as recorded, when asked at all (seed "
            "ethnicity_source_values, system familyman); junk values occur.",
            "",
        ),
        Column(
            "address_line_1",
            "string",
            "First line of the party's address; usually blank "
            "for children, null for organisations.",
            "text",
        ),
        Column(
            "postcode",
            "string",
            "Postcode of the party's address; may be stale, mistyped or missing.",
            "",
        ),
        Column(
            "is_represented",
            "string",
            "'Y' when the party has a legal representative on record, else 'N'.",
            "",
        ),
    ),
)

EVENTS = TableSpec(
    system=NAME,
    table="events",
    description="One row per event recorded on a family case: issue, each application "
    "made in the case (the first on the day of issue, further ones later), hearings "
    "listed, held or vacated, interim orders, decree nisi or conditional order, the final "
    "order, transfer to another court and closure, up to the extract date.",
    grain="event per family case",
    date_format=FMT,
    columns=(
        Column("event_id", "int64", "FamilyMan's id of the case event.", "key"),
        Column(
            "case_number",
            "string",
            "The case the event belongs to (cases.case_number).",
            "fk",
            references="cases",
        ),
        Column(
            "event_code",
            "string",
            "Kind of event (seed family_event_types; its event_stage groups the codes).",
            "code",
        ),
        Column("event_date", "string", "Date of the event, as yyyymmdd text.", "date_text"),
        Column(
            "application_type_code",
            "string",
            "For an application event (APP), the kind of application (seed "
            "family_case_types), e.g. a placement order application in care proceedings; "
            "null for other events.",
            "code",
        ),
        Column(
            "order_type_code",
            "string",
            "For an order event (IOM interim order, DNP decree nisi or conditional order, FOM "
            "final order), the order made (seed family_order_types); null for other events.",
            "code",
        ),
    ),
)

DIVORCE = TableSpec(
    system=NAME,
    table="divorce",
    description="Matrimonial details of each divorce, judicial separation and nullity case: "
    "the date of the marriage, the fact relied on to prove the breakdown of the marriage "
    "(the single no-fault statement from 6 April 2022) and whether the application was made "
    "jointly by both spouses (possible from 6 April 2022).",
    grain="matrimonial case",
    date_format=FMT,
    columns=(
        Column("divorce_id", "int64", "FamilyMan's id of the matrimonial record.", "key"),
        Column(
            "case_number",
            "string",
            "The matrimonial case (cases.case_number); one row per case.",
            "fk",
            references="cases",
        ),
        Column(
            "marriage_date",
            "string",
            "Date of the marriage as on the marriage certificate, as yyyymmdd text; "
            "occasionally not keyed.",
            "date_text",
        ),
        Column(
            "fact_code",
            "string",
            "Fact relied on (seed divorce_facts): adultery, behaviour, desertion, two "
            "years' separation with consent, five years' separation; from 6 April 2022 "
            "the statement of irretrievable breakdown. Null for nullity.",
            "code",
        ),
        Column(
            "is_joint_application",
            "string",
            "'Y' when both spouses applied together (from 6 April 2022), else 'N'.",
            "",
        ),
    ),
)

TABLES = (CASES, PARTIES, EVENTS, DIVORCE)

SOURCE = SourceSystem(
    name=NAME,
    title="FamilyMan",
    description="FamilyMan, the family court case-management system.",
    coverage=(date(2011, 1, 1), date(2023, 3, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="familyman",
        programme_code="FACO",
        title="Family court",
        kind="family",
        person_table="parties",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "postcode",
            "sex",
            "co_party_names",
        ),
        bridge_level="default",
        published_tables=("family_cases", "family_people", "family_case_events"),
        access=Access(
            coverage="cases active Jan 2011 - Mar 2023",
            held_at="ONS Secure Research Service (SRS); also the SAIL Databank",
            caveats=(
                "Dates of birth are often missing (more for some party roles), so "
                "party linkage depends on role and is less complete for some ethnic "
                "groups.",
                "Not comparable with Family Court Statistics Quarterly.",
            ),
        ),
    ),
)
