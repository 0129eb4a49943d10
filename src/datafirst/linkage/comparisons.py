"""Splink comparisons for person records in the standardised shape of
``int_person_records_unioned``.

Every comparison is written as explicit SQL levels so that the model card
can say exactly what each level means. Levels run from the strongest
agreement to the weakest; the first that applies is used.
"""

from __future__ import annotations

import splink.comparison_library as cl


def _level(sql: str, label: str, tf: str | None = None) -> dict:
    level = {"sql_condition": sql, "label_for_charts": label}
    if tf:
        level.update(tf_adjustment_column=tf, tf_adjustment_weight=1.0)
    return level


def _null(column: str) -> dict:
    return {
        "sql_condition": f"{column}_l is null or {column}_r is null",
        "label_for_charts": f"{column} missing",
        "is_null_level": True,
    }


_ELSE = {"sql_condition": "else", "label_for_charts": "all other"}

_SWAPPED = "forename_l = surname_r and surname_l = forename_r"


def _swapped_counted_in_surname() -> dict:
    """Forename and surname swapped: one piece of evidence, not two. It is
    weighed once, by the surname comparison; here it is neutral (a null
    level), otherwise a swap of two common names would count twice and
    outweigh a date of birth years apart."""
    return {
        "sql_condition": _SWAPPED,
        "label_for_charts": "forename and surname swapped (weighed under surname)",
        "is_null_level": True,
    }


def within_one_edit(left: str, right: str, same_length: bool = False) -> str:
    """Damerau-Levenshtein distance at most 1, computed cheaply. Between
    strings of one length a single edit is a substitution (Hamming distance
    1) or a transposition of neighbours (Hamming distance 2), so the costly
    edit distance is computed only for the few pairs two characters apart.
    The result is exactly ``damerau_levenshtein(left, right) <= 1`` (and,
    with ``same_length``, the lengths equal)."""
    other_lengths = "false" if same_length else f"damerau_levenshtein({left}, {right}) <= 1"
    return (
        f"case when length({left}) <> length({right}) then {other_lengths}"
        f" when length({left}) = 0 then true"
        f" else hamming({left}, {right}) <= 1"
        f" or (hamming({left}, {right}) = 2 and damerau_levenshtein({left}, {right}) <= 1) end"
    )


def forename():
    return cl.CustomComparison(
        output_column_name="forename",
        comparison_levels=[
            _null("forename"),
            _level("forename_l = forename_r", "exact", tf="forename"),
            _swapped_counted_in_surname(),
            _level(
                "list_contains(forename_aliases_r, forename_l)"
                " or list_contains(forename_aliases_l, forename_r)",
                "a known alias",
            ),
            _level(
                "list_contains(forename_variants_r, forename_l)"
                " or list_contains(forename_variants_l, forename_r)",
                "one is a nickname or the formal name of the other",
            ),
            _level(
                "jaro_winkler_similarity(forename_l, forename_r) >= 0.92", "Jaro-Winkler >= 0.92"
            ),
            _level("forename_metaphone_l = forename_metaphone_r", "sounds the same (Metaphone)"),
            _level(
                "(length(forename_l) = 1 or length(forename_r) = 1)"
                " and left(forename_l, 1) = left(forename_r, 1)",
                "initial agrees",
            ),
            _level(
                "jaro_winkler_similarity(forename_l, forename_r) >= 0.80", "Jaro-Winkler >= 0.80"
            ),
            _ELSE,
        ],
    )


def surname():
    return cl.CustomComparison(
        output_column_name="surname",
        comparison_levels=[
            _null("surname"),
            _level("surname_l = surname_r", "exact", tf="surname"),
            _level(_SWAPPED, "forename and surname swapped"),
            _level(
                "list_contains(surname_aliases_r, surname_l)"
                " or list_contains(surname_aliases_l, surname_r)",
                "a known alias or previous surname",
            ),
            _level("jaro_winkler_similarity(surname_l, surname_r) >= 0.92", "Jaro-Winkler >= 0.92"),
            _level("surname_metaphone_l = surname_metaphone_r", "sounds the same (Metaphone)"),
            _level(
                "length(surname_l) >= 3 and length(surname_r) >= 3"
                " and (contains(surname_l, surname_r) or contains(surname_r, surname_l))",
                "one contains the other (double-barrelled)",
            ),
            _level("jaro_winkler_similarity(surname_l, surname_r) >= 0.80", "Jaro-Winkler >= 0.80"),
            _ELSE,
        ],
    )


def middle_names():
    return cl.CustomComparison(
        output_column_name="middle_names",
        comparison_levels=[
            _null("middle_names"),
            _level("middle_names_l = middle_names_r", "exact"),
            _level("left(middle_names_l, 1) = left(middle_names_r, 1)", "same initial"),
            _ELSE,
        ],
    )


def date_of_birth():
    dl, dr = "date_of_birth_l", "date_of_birth_r"
    return cl.CustomComparison(
        output_column_name="date_of_birth",
        comparison_levels=[
            _null("date_of_birth"),
            _level(f"{dl} = {dr}", "exact"),
            _level(
                f"list_contains(date_of_birth_aliases_r, {dl})"
                f" or list_contains(date_of_birth_aliases_l, {dr})",
                "a known alias date of birth",
            ),
            _level(
                f"year({dl}) = year({dr}) and month({dl}) = day({dr}) and day({dl}) = month({dr})",
                "day and month swapped",
            ),
            _level(
                within_one_edit(f"cast({dl} as varchar)", f"cast({dr} as varchar)"),
                "one character differs",
            ),
            _level(
                f"year({dl}) = year({dr}) and ((month({dl}) = 1 and day({dl}) = 1)"
                f" or (month({dr}) = 1 and day({dr}) = 1))",
                "same year, one side 1 January",
            ),
            _level(
                f"month({dl}) = month({dr}) and day({dl}) = day({dr})"
                f" and abs(year({dl}) - year({dr})) <= 10",
                "same day and month, year differs",
            ),
            _level(f"abs(date_diff('day', {dl}, {dr})) <= 31", "within a month"),
            _level(f"abs(date_diff('day', {dl}, {dr})) <= 366", "within a year"),
            # More than a year apart: fathers and sons, namesakes born years
            # apart; strong evidence against a match.
            _ELSE,
        ],
    )


def postcode(local_authority: bool = False):
    """Postcodes: the same, the same sector, the same district, and with
    ``local_authority`` the same local authority (most moves stay within
    one: a party sued, or before the family court, again after moving
    across town, with no date of birth to tell them from a namesake)."""
    levels = [
        _null("postcode"),
        _level("postcode_l = postcode_r", "exact", tf="postcode"),
        _level(
            "left(postcode_l, length(postcode_l) - 2) = left(postcode_r, length(postcode_r) - 2)",
            "same sector",
        ),
        _level("postcode_outward_l = postcode_outward_r", "same district"),
    ]
    if local_authority:
        levels.append(
            _level(
                "postcode_local_authority_l = postcode_local_authority_r",
                "same local authority",
            )
        )
    levels.append(_ELSE)
    return cl.CustomComparison(output_column_name="postcode", comparison_levels=levels)


def pnc_number(exact_level: bool = True):
    """PNC numbers: the same, or one character apart (a mistyped digit or
    check letter). Without ``exact_level`` for a source keyed on the PNC,
    where two records never share one."""
    levels = [_null("pnc_number")]
    if exact_level:
        levels.append(_level("pnc_number_l = pnc_number_r", "exact"))
    levels.append(
        _level(
            within_one_edit("pnc_number_l", "pnc_number_r", same_length=True),
            "one character differs" if exact_level else "the same or one character differs",
        )
    )
    levels.append(_ELSE)
    return cl.CustomComparison(output_column_name="pnc_number", comparison_levels=levels)


def exact(column: str):
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[_null(column), _level(f"{column}_l = {column}_r", "exact"), _ELSE],
    )


def co_party_names():
    """Evidence from the case: the two records' cases have a co-party of the
    same recorded name (in family cases, the same ex-partner or child)."""
    return cl.CustomComparison(
        output_column_name="co_party_names",
        comparison_levels=[
            {
                "sql_condition": "co_party_names_l is null or co_party_names_r is null",
                "label_for_charts": "no other person party to one of the cases",
                "is_null_level": True,
            },
            _level(
                "list_has_any(co_party_names_l, co_party_names_r)",
                "a co-party of the same name",
            ),
            _ELSE,
        ],
    )
