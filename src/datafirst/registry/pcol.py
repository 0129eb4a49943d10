"""PCOL: Possession Claims Online, where landlords and lenders issue
possession claims.

Layout quirks: typed dates (the claimant keys them into a web form); the
defendant's title, forename and surname in separate fields, as the claimant
typed them (sometimes in capitals); companies in a separate organisation
name field; numeric ids; dates of birth rarely given.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "pcol"

CLAIMS = TableSpec(
    system=NAME,
    table="claims",
    description="One row per claim issued through Possession Claims Online from January "
    "2012 to January 2022: possession for rent or mortgage arrears, accelerated possession, "
    "and money-only claims for arrears left after possession.",
    grain="possession claim",
    columns=(
        Column(
            "claim_number",
            "string",
            "PCOL claim number: last digit of the year of issue, "
            "'PC' and a five-digit serial, e.g. '4PC01234'.",
            "key",
        ),
        Column(
            "claim_type_code",
            "string",
            "Kind of claim (seed civil_case_types, source_system pcol).",
            "code",
        ),
        Column(
            "court_code",
            "string",
            "County court hearing centre for the property (seed courts, court_type county).",
            "code",
        ),
        Column("issue_date", "date", "Date the claim was issued.", "date"),
        Column(
            "arrears_amount",
            "decimal",
            "Rent or mortgage arrears claimed in pounds; null "
            "for accelerated and other-breach claims.",
            "",
        ),
        Column(
            "daily_rent_amount", "decimal", "Daily rate of rent in pounds (rent claims only).", ""
        ),
        Column("court_fee", "decimal", "Issue fee in pounds.", ""),
    ),
)

PARTIES = TableSpec(
    system=NAME,
    table="parties",
    description="One row per party per role per claim: claimants (landlords, lenders, "
    "councils, sometimes a private landlord in person) and defendants (tenants and "
    "borrowers, often two joint defendants). Organisations are never persons.",
    grain="party per role per claim",
    person_bearing=True,
    columns=(
        Column("party_id", "int64", "PCOL's id of the party-on-claim record.", "key"),
        Column(
            "claim_number", "string", "The claim (claims.claim_number).", "fk", references="claims"
        ),
        Column(
            "party_role_code",
            "string",
            "Role of the party (seed party_roles, source_system pcol).",
            "code",
        ),
        Column("party_number", "int32", "Number of the party within its role.", ""),
        Column("party_type", "string", "'individual' or 'company'.", ""),
        Column("title", "string", "Title as typed; often blank.", ""),
        Column(
            "forename",
            "string",
            "Forename as typed by the claimant (null for organisations).",
            "name",
        ),
        Column(
            "surname",
            "string",
            "Surname as typed by the claimant (null for organisations).",
            "name",
        ),
        Column(
            "organisation_name",
            "string",
            "Name of a company, housing association or council party; null for people.",
            "name",
        ),
        Column(
            "address_line_1",
            "string",
            "First line of the address (for defendants, the "
            "property or their address at the claim).",
            "text",
        ),
        Column("address_line_2", "string", "Post town, when typed.", "text"),
        Column("postcode", "string", "Postcode; may be stale, mistyped or missing.", ""),
        Column("date_of_birth", "date", "Date of birth; rarely given.", "date"),
        Column(
            "is_represented",
            "bool",
            "True when a legal representative (a solicitor) is on record for the party: "
            "the claimant's, given on the online claim form (almost always for landlords "
            "and lenders, less often for a private landlord in person); the defendant's, "
            "when one goes on record (rarely, more often on a defended claim).",
            "",
        ),
    ),
)

CLAIM_EVENTS = TableSpec(
    system=NAME,
    table="claim_events",
    description="One row per event on a claim (issue, service, defence, hearing listed, "
    "orders, warrant requests, evictions, closure), up to the extract date.",
    grain="event per claim",
    columns=(
        Column("event_id", "int64", "PCOL's id of the event.", "key"),
        Column(
            "claim_number", "string", "The claim (claims.claim_number).", "fk", references="claims"
        ),
        Column(
            "event_type_code",
            "string",
            "Event code (seed civil_event_types, source_system pcol).",
            "code",
        ),
        Column("event_date", "date", "Date of the event.", "date"),
    ),
)

HEARINGS = TableSpec(
    system=NAME,
    table="hearings",
    description="One row per hearing listed on a claim, including hearings vacated when "
    "the claim was withdrawn and hearings listed after the extract date (no outcome yet).",
    grain="hearing per claim",
    columns=(
        Column("hearing_id", "int64", "PCOL's id of the hearing.", "key"),
        Column(
            "claim_number", "string", "The claim (claims.claim_number).", "fk", references="claims"
        ),
        Column(
            "hearing_type_code",
            "string",
            "Kind of hearing (seed hearing_types, source_system pcol).",
            "code",
        ),
        Column("hearing_date", "date", "Date the hearing was listed for.", "date"),
        Column("court_code", "string", "Court where the hearing was listed (seed courts).", "code"),
        Column(
            "duration_minutes",
            "int32",
            "Length of the hearing in minutes; null when vacated or not yet heard.",
            "length",
        ),
        Column("outcome", "string", "Outcome text; null when not yet heard.", "text"),
    ),
)

JUDGMENTS = TableSpec(
    system=NAME,
    table="judgments",
    description="One row per possession order or money judgment on a claim.",
    grain="judgment per claim",
    columns=(
        Column("judgment_id", "int64", "PCOL's id of the judgment.", "key"),
        Column(
            "claim_number", "string", "The claim (claims.claim_number).", "fk", references="claims"
        ),
        Column(
            "judgment_type_code",
            "string",
            "Kind of judgment or order (seed civil_judgment_types, source_system pcol).",
            "code",
        ),
        Column("order_date", "date", "Date the order or judgment was made.", "date"),
        Column(
            "possession_date",
            "date",
            "Date by which possession must be given (outright orders only).",
            "date",
        ),
        Column("arrears_amount", "decimal", "Arrears ordered to be paid in pounds.", ""),
        Column("costs_amount", "decimal", "Costs ordered in pounds.", ""),
    ),
)

WARRANTS = TableSpec(
    system=NAME,
    table="warrants",
    description="One row per warrant: possession (the bailiff's eviction), restitution, or "
    "control for unpaid arrears.",
    grain="warrant per claim",
    columns=(
        Column("warrant_id", "int64", "PCOL's id of the warrant.", "key"),
        Column(
            "claim_number", "string", "The claim (claims.claim_number).", "fk", references="claims"
        ),
        Column(
            "warrant_type_code",
            "string",
            "Kind of warrant (seed civil_warrant_types, source_system pcol).",
            "code",
        ),
        Column("issue_date", "date", "Date the warrant was issued.", "date"),
        Column("warrant_amount", "decimal", "Amount outstanding in pounds, when stated.", ""),
        Column(
            "status",
            "string",
            "Latest state: executed, suspended, withdrawn, paid, no goods, outstanding.",
            "text",
        ),
        Column(
            "eviction_date",
            "date",
            "Date the eviction was carried out (or the warrant paid out).",
            "date",
        ),
    ),
)

TABLES = (CLAIMS, PARTIES, CLAIM_EVENTS, HEARINGS, JUDGMENTS, WARRANTS)

SOURCE = SourceSystem(
    name=NAME,
    title="PCOL",
    description="Possession Claims Online (PCOL), the online possession-claim system.",
    coverage=(date(2012, 1, 1), date(2022, 1, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="civil_pcol",
        programme_code="PCOL",
        title="Civil court (PCOL)",
        kind="civil",
        person_table="parties",
        identifiers=("forename", "surname", "date_of_birth", "postcode", "co_party_names"),
        bridge_level="default",
        published_tables=(
            "pcol_claims",
            "pcol_claim_events",
            "pcol_hearings",
            "pcol_judgments",
            "pcol_warrants",
            "pcol_parties",
        ),
        access=Access(
            coverage="claims started Jan 2012 - Jan 2022",
            caveats=(
                "Possession claims made online only; other possession claims are in CaseMan.",
                "Parties rarely have a date of birth: person ids split some people.",
                "Not comparable with Mortgage and Landlord Possession Statistics.",
            ),
        ),
    ),
)
