"""The CaseMan to PCOL case linkage (datafirst.linkage.civil_cases): a claim
moved from PCOL to CaseMan links, on its carried claim number or on the
case-level evidence; a case two claims fit equally stays unlinked; a case
with no counterpart stays unlinked."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from datafirst.linkage.civil_cases import THRESHOLD, link_received_claims

SCHEMA = pa.schema(
    [
        ("source_system", pa.string()),
        ("case_number", pa.string()),
        ("pcol_reference", pa.string()),
        ("issue_date", pa.date32()),
        ("court_code", pa.string()),
        ("claimant_name", pa.string()),
        ("defendant_surnames", pa.list_(pa.string())),
        ("first_defendant_forename", pa.string()),
        ("property_postcode", pa.string()),
    ]
)


def _case(system, number, issued, *, ref=None, court="LS", claimant="LEEDS HOMES LTD",
          surnames=("SMITH",), forename="JOHN", postcode="LS9 7AB"):  # fmt: skip
    return {
        "source_system": system,
        "case_number": number,
        "pcol_reference": ref,
        "issue_date": issued,
        "court_code": court,
        "claimant_name": claimant,
        "defendant_surnames": list(surnames),
        "first_defendant_forename": forename,
        "property_postcode": postcode,
    }


def _links(rows) -> dict[str, tuple[str, str]]:
    out = link_received_claims(pa.Table.from_pylist(rows, schema=SCHEMA)).to_pylist()
    return {r["caseman_case_number"]: (r["pcol_claim_number"], r["link_method"]) for r in out}


def test_a_moved_claim_links_on_its_carried_claim_number():
    rows = [
        _case("pcol", "2PC00017", date(2012, 3, 1)),
        _case("pcol", "2PC00018", date(2012, 3, 2), surnames=("JONES",), postcode="M1 1AA"),
        # The tenant and the property point elsewhere, the landlord is the
        # same: the reference decides.
        _case("caseman", "2LS80001", date(2012, 4, 2), ref="2PC00018"),
    ]
    assert _links(rows) == {"2LS80001": ("2PC00018", "reference")}


def test_a_reference_naming_an_unrelated_claim_is_not_trusted():
    """A reference mistyped onto another claim's number: that claim has
    another landlord, tenant and property, so the reference is set aside
    and the case links to the claim its evidence fits."""
    rows = [
        _case("pcol", "2PC00017", date(2012, 3, 1)),
        _case(
            "pcol",
            "2PC00018",
            date(2012, 3, 2),
            claimant="OTHER LANDLORD",
            surnames=("JONES",),
            postcode="M1 1AA",
        ),  # fmt: skip
        _case("caseman", "2LS80001", date(2012, 4, 2), ref="2PC00018"),
    ]
    assert _links(rows) == {"2LS80001": ("2PC00017", "evidence")}


def test_a_reference_naming_a_neighbouring_claim_in_the_same_town_is_not_trusted():
    """A reference mistyped one digit onto the claim issued beside it, the
    same day, for another landlord's tenant in the same postcode district
    (claims issued together have neighbouring numbers and are often for one
    town): sharing the district alone, the reference is set aside and the
    case links to the claim its parties and property fit (it was linked to
    the neighbour at a 1M build of an unseen seed)."""
    rows = [
        _case("pcol", "5PC00121", date(2015, 1, 7), claimant="LEEDS CITY COUNCIL",
              surnames=("MAY", "ROGERS"), forename="KATY", postcode="LS9 7JX"),
        _case("pcol", "5PC00122", date(2015, 1, 7), claimant="SULLIVAN HOUSING ASSOCIATION",
              surnames=("MARTIN",), forename="DANIELLE", postcode="LS9 8HD"),
        _case("caseman", "5HU80018", date(2015, 2, 18), ref="5PC00121",
              claimant="SULLIVAN HOUSING ASSOCIATION", surnames=("MARTIN",),
              forename="DANIELLE", postcode="LS9 8HD"),
    ]  # fmt: skip
    assert _links(rows) == {"5HU80018": ("5PC00122", "evidence")}


def test_a_claim_two_cases_cite_is_decided_on_the_evidence():
    """Two received cases carry one claim number, the second mistyped onto
    it from its own claim's: each links to the claim its evidence fits,
    and no claim is linked twice."""
    rows = [
        _case("pcol", "2PC00017", date(2012, 3, 1)),
        _case("pcol", "2PC00018", date(2012, 3, 2), surnames=("JONES",), postcode="M1 1AA"),
        _case(
            "caseman",
            "2LS80001",
            date(2012, 4, 2),
            ref="2PC00018",
            surnames=("JONES",),
            postcode="M1 1AA",
        ),  # fmt: skip
        _case("caseman", "2LS80002", date(2012, 4, 3), ref="2PC00018"),
    ]
    assert _links(rows) == {
        "2LS80001": ("2PC00018", "evidence"),
        "2LS80002": ("2PC00017", "evidence"),
    }


def test_a_moved_claim_without_its_reference_links_on_the_evidence():
    rows = [
        _case("pcol", "2PC00017", date(2012, 3, 1)),
        # The same tenant sued by another landlord the year before.
        _case("pcol", "1PC00400", date(2011, 6, 1), claimant="OTHER HOUSING ASSOCIATION"),
        _case("pcol", "2PC00020", date(2012, 3, 5), surnames=("JONES",), postcode="M1 1AA"),
        _case("caseman", "2LS80001", date(2012, 4, 2)),
        # A mistyped reference, the postcode not entered.
        _case(
            "caseman",
            "2LS80002",
            date(2012, 4, 20),
            ref="2PC00029",
            postcode=None,
            surnames=("JONES",),
        ),  # fmt: skip
    ]
    assert _links(rows) == {
        "2LS80001": ("2PC00017", "evidence"),
        "2LS80002": ("2PC00020", "evidence"),
    }


def test_a_case_two_claims_fit_equally_stays_unlinked():
    """Two claims against the same tenant by the same landlord on the same
    day: the evidence cannot choose, so no link (rather than a guess)."""
    rows = [
        _case("pcol", "2PC00017", date(2012, 3, 1)),
        _case("pcol", "2PC00018", date(2012, 3, 1)),
        _case("caseman", "2LS80001", date(2012, 4, 2)),
    ]
    assert _links(rows) == {}


def test_a_case_with_no_counterpart_stays_unlinked():
    """A received case whose claim is not among the PCOL claims (quarantined,
    or issued after the case was opened) links to nothing, not to a claim
    that shares only a little evidence with it."""
    rows = [
        # Same surname and court, another tenant at another address.
        _case(
            "pcol",
            "2PC00017",
            date(2012, 3, 1),
            forename="MARY",
            postcode="LS1 4AB",
            claimant="OTHER HOMES LTD",
        ),  # fmt: skip
        # Every piece of evidence, but issued after the case was opened.
        _case("pcol", "2PC00030", date(2012, 5, 1)),
        _case("caseman", "2LS80001", date(2012, 4, 2)),
    ]
    assert _links(rows) == {}
    assert THRESHOLD > 3 + 1 + 2  # a surname, the court and the dates are not enough
