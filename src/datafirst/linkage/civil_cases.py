"""CaseMan to PCOL case linkage: which PCOL possession claim each CaseMan
case received from PCOL is.

A possession claim issued online through PCOL that is defended, or needs a
hearing the county court hearing centre runs, is transferred there and
continues on CaseMan under a new case number. The clerk often, not always,
keys the PCOL claim number in as a reference (sometimes mistyped); the
claimant, the defendants and the property are the same.

Two passes, as the journey linkage refuses what the evidence cannot decide:

1. **Reference.** The CaseMan case carries a PCOL claim number that is a
   PCOL possession claim issued no later than the CaseMan case was opened,
   sharing a defendant's surname or the claimant with it, and no other
   received case carries it: linked on it. A reference mistyped onto
   another claim's number names a claim that shares neither (at most the
   town: claims issued together have neighbouring numbers), or one two
   cases cite: left to the evidence.
2. **Evidence.** For the other received cases, the PCOL claims issued in
   the year before the case was opened that share the property's postcode
   or a defendant's surname are scored on the case-level evidence
   (:data:`EVIDENCE_POINTS`): a reference one keystroke away, the property
   postcode (or its district), a defendant's surname, the first
   defendant's forename (or its initial, where one side has only that),
   the claimant, the court and how soon after the PCOL issue the case was
   opened. The best claim at or above :data:`THRESHOLD` is linked when it
   is the only claim with that score and the case is the only received
   case that scores it that high; a tie stays unlinked rather than be
   linked to either.

Inputs (one table, ``int_civil_cases_link_prepared``): ``source_system``
('caseman' or 'pcol'), ``case_number``, ``pcol_reference`` (CaseMan only),
``issue_date``, ``court_code``, ``claimant_name``, ``defendant_surnames``
(a list), ``first_defendant_forename``, ``property_postcode``.
"""

from __future__ import annotations

import pyarrow as pa

from datafirst.linkage import dialect
from datafirst.linkage.backends import backend_for

#: Points each kind of evidence adds to a candidate pair.
EVIDENCE_POINTS = {
    "reference_one_keystroke_away": 6,
    "same_property_postcode": 4,
    "same_property_postcode_district": 2,
    "defendant_surname_in_common": 3,
    "same_first_defendant_forename": 2,
    "first_defendant_forename_initial_agrees": 1,
    "same_claimant": 2,
    "same_court": 1,
    "opened_within_60_days": 2,
    "opened_within_180_days": 1,
}
#: The least score an evidence link needs: the postcode and a defendant's
#: surname and one more piece of evidence, or without the postcode the
#: defendant's names, the claimant, the court and an early opening.
THRESHOLD = 9
#: How long after its PCOL issue a claim may be opened on CaseMan.
WINDOW_DAYS = 365

LINK_COLUMNS = (
    "caseman_case_number",
    "pcol_claim_number",
    "link_method",
    "evidence_score",
)

_SCORE = f"""
    case when levenshtein(caseman.pcol_reference, pcol.case_number) <= 1
         then {EVIDENCE_POINTS["reference_one_keystroke_away"]} else 0 end
    + case when caseman.property_postcode = pcol.property_postcode
           then {EVIDENCE_POINTS["same_property_postcode"]}
           when split_part(caseman.property_postcode, ' ', 1)
                = split_part(pcol.property_postcode, ' ', 1)
           then {EVIDENCE_POINTS["same_property_postcode_district"]} else 0 end
    + case when list_has_any(caseman.defendant_surnames, pcol.defendant_surnames)
           then {EVIDENCE_POINTS["defendant_surname_in_common"]} else 0 end
    + case when caseman.first_defendant_forename = pcol.first_defendant_forename
           then {EVIDENCE_POINTS["same_first_defendant_forename"]}
           when (length(caseman.first_defendant_forename) = 1
                 or length(pcol.first_defendant_forename) = 1)
                and left(caseman.first_defendant_forename, 1)
                    = left(pcol.first_defendant_forename, 1)
           then {EVIDENCE_POINTS["first_defendant_forename_initial_agrees"]} else 0 end
    + case when caseman.claimant_name = pcol.claimant_name
           then {EVIDENCE_POINTS["same_claimant"]} else 0 end
    + case when caseman.court_code = pcol.court_code
           then {EVIDENCE_POINTS["same_court"]} else 0 end
    + case when date_diff('day', pcol.issue_date, caseman.issue_date) <= 60
           then {EVIDENCE_POINTS["opened_within_60_days"]}
           when date_diff('day', pcol.issue_date, caseman.issue_date) <= 180
           then {EVIDENCE_POINTS["opened_within_180_days"]} else 0 end
"""


def link_received_claims(cases) -> pa.Table:
    """One row per CaseMan case linked to its PCOL claim
    (:data:`LINK_COLUMNS`): by the carried reference, else by the evidence,
    ties refused."""
    backend = backend_for(cases)
    backend.load("cases", cases)

    def run(sql: str):
        return backend.query(dialect.translate(sql, backend.dialect))

    out = run(
        f"""
        with
        caseman as (select * from cases where source_system = 'caseman'),
        pcol as (select * from cases where source_system = 'pcol'),
        cited as (
            select caseman.case_number as caseman_case_number,
                   pcol.case_number as pcol_claim_number,
                   count(*) over (partition by pcol.case_number) as citing_cases
            from caseman
            inner join pcol
                on caseman.pcol_reference = pcol.case_number
            where pcol.issue_date <= caseman.issue_date
              -- The claim named shares a party with the case: a reference
              -- mistyped onto another claim's number (at national scale a
              -- one-digit slip mostly lands on a real claim) names a claim
              -- of another landlord and tenant. The postcode district alone
              -- is not enough: claims issued together have neighbouring
              -- numbers and are often for one town's properties.
              and (
                  coalesce(
                      list_has_any(caseman.defendant_surnames, pcol.defendant_surnames), false
                  )
                  or coalesce(caseman.claimant_name = pcol.claimant_name, false)
              )
        ),
        -- A claim two received cases cite (one of them mistyped onto it) is
        -- decided on the evidence, as an uncited one is.
        by_reference as (
            select caseman_case_number, pcol_claim_number
            from cited
            where citing_cases = 1
        ),
        unlinked as (
            select * from caseman
            where case_number not in (
                select caseman_case_number from by_reference
            )
        ),
        blocked as (
            select unlinked.case_number as caseman_case_number,
                   pcol.case_number as pcol_claim_number
            from unlinked
            inner join pcol
                on unlinked.property_postcode = pcol.property_postcode
            union
            -- An equi-join on each defendant surname, not a join on
            -- overlapping lists (which compares every pair of cases).
            select unlinked_surnames.case_number, pcol_surnames.case_number
            from (
                select case_number, unnest(defendant_surnames) as surname
                from unlinked
            ) as unlinked_surnames
            inner join (
                select case_number, unnest(defendant_surnames) as surname
                from pcol
            ) as pcol_surnames
                on unlinked_surnames.surname = pcol_surnames.surname
        ),
        scored as (
            select blocked.caseman_case_number, blocked.pcol_claim_number,
                   {_SCORE} as evidence_score
            from blocked
            inner join unlinked as caseman
                on blocked.caseman_case_number = caseman.case_number
            inner join pcol
                on blocked.pcol_claim_number = pcol.case_number
            where pcol.issue_date <= caseman.issue_date
              and date_diff('day', pcol.issue_date, caseman.issue_date) <= {WINDOW_DAYS}
              and pcol.case_number not in (
                  select pcol_claim_number from by_reference
              )
        ),
        ranked as (
            select *,
                   rank() over (
                       partition by caseman_case_number order by evidence_score desc
                   ) as rank_for_case,
                   rank() over (
                       partition by pcol_claim_number order by evidence_score desc
                   ) as rank_for_claim
            from scored
            where evidence_score >= {THRESHOLD}
        ),
        best as (
            select *,
                   count(*) over (partition by caseman_case_number) as best_for_case,
                   count(*) over (partition by pcol_claim_number) as best_for_claim
            from ranked
            where rank_for_case = 1 and rank_for_claim = 1
        ),
        by_evidence as (
            select caseman_case_number, pcol_claim_number, evidence_score
            from best
            where best_for_case = 1 and best_for_claim = 1
        )
        select caseman_case_number, pcol_claim_number,
               'reference' as link_method,
               cast(null as integer) as evidence_score
        from by_reference
        union all
        select caseman_case_number, pcol_claim_number,
               'evidence' as link_method,
               cast(evidence_score as integer) as evidence_score
        from by_evidence
        order by caseman_case_number
        """
    )
    backend.close()
    return out
