"""How a source system records a person: the true identity plus recording
errors, drawn per record at the error profile's rates.

Every error applied is logged (field and kind) so that tests and the linkage
evaluation can see exactly what was done to which record.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.config import ErrorProfile
from datafirst.generator.dates import NAT, from_ymd, year_month_day
from datafirst.generator.population import Population

_KEYBOARD = {
    "a": "qwsz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc",
    "g": "ftyhbv", "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop",
    "m": "njk", "n": "bhjm", "o": "iklp", "p": "ol", "q": "wa", "r": "edft", "s": "awedxz",
    "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu", "z": "asx",
}  # fmt: skip

#: Spelling changes that keep the sound (applied to the first match).
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("f", "ph"), ("ck", "k"), ("ch", "tch"), ("c", "k"), ("k", "c"),
    ("ie", "y"), ("y", "ie"), ("ey", "y"), ("ei", "ie"), ("ou", "ow"), ("ee", "ea"),
    ("ai", "ay"), ("ay", "ai"), ("s", "z"), ("z", "s"), ("ll", "l"), ("l", "ll"),
    ("nn", "n"), ("tt", "t"), ("th", "t"), ("wr", "r"), ("mc", "mac"), ("mac", "mc"),
    ("son", "sen"), ("er", "a"), ("ine", "een"), ("ah", "a"), ("oh", "o"), ("aa", "a"),
    ("i", "y"), ("gh", "g"), ("ss", "s"),
)  # fmt: skip

NAME_ERRORS = (
    "forename_typo", "surname_typo", "phonetic_spelling", "nickname",
    "forename_initial", "name_swap", "alias_name", "surname_variant",
)  # fmt: skip
DOB_ERRORS = ("first_of_january", "day_month_swap", "day_typo", "year_error")


def _case_like(template: str, text: str) -> str:
    return text.capitalize() if template[:1].isupper() else text


def typo(word: str, r: np.ndarray) -> str:
    """One keyboard-style typo driven by three uniforms in ``r``."""
    if len(word) < 2:
        return word + "e"
    lower = word.lower()
    pos = 1 + int(r[1] * (len(word) - 1))  # keep the first letter more often
    if r[2] < 0.15:
        pos = 0
    op = int(r[0] * 4)
    ch = lower[pos]
    if op == 0 and ch in _KEYBOARD:  # substitute a neighbouring key
        new = _KEYBOARD[ch][int(r[2] * 97) % len(_KEYBOARD[ch])]
        out = lower[:pos] + new + lower[pos + 1 :]
    elif op == 1 and len(word) > 3:  # drop a letter
        out = lower[:pos] + lower[pos + 1 :]
    elif op == 2:  # double a letter
        out = lower[:pos] + ch + lower[pos:]
    else:  # transpose two letters
        pos = min(pos, len(word) - 2)
        out = lower[:pos] + lower[pos + 1] + lower[pos] + lower[pos + 2 :]
        if out == lower:
            out = lower[:pos] + "e" + lower[pos + 1 :]
    return _case_like(word, out)


def phonetic(word: str, r: float) -> str | None:
    lower = word.lower()
    options = [(a, b) for a, b in PHONETIC_RULES if a in lower[1:] or lower.startswith(a)]
    if not options:
        return None
    a, b = options[int(r * len(options)) % len(options)]
    out = lower.replace(a, b, 1)
    return _case_like(word, out) if out != lower else None


def surname_variant(surname: str, r: float) -> str | None:
    """Hyphen / double-barrel / apostrophe / prefix variants of a surname."""
    if "-" in surname:
        left, right = surname.split("-", 1)
        return (f"{left} {right}", left, right, left + right.lower())[int(r * 4) % 4]
    if "'" in surname:
        return (surname.replace("'", ""), surname.replace("'", " "))[int(r * 2) % 2]
    if " " in surname:
        return (surname.replace(" ", "-"), surname.replace(" ", ""))[int(r * 2) % 2]
    lower = surname.lower()
    if lower.startswith("mac"):
        return "Mc" + surname[3:]
    if lower.startswith("mc"):
        return "Mac" + surname[2:]
    return None


@dataclass
class Recorded:
    """What one system wrote down about a set of person-records."""

    forename: np.ndarray
    middle: np.ndarray
    surname: np.ndarray
    dob: np.ndarray
    sex: np.ndarray  # "M"/"F"/None (None = missing or junk in the source)
    ethnicity: np.ndarray  # ONS code, or None for a junk/blank value
    postcode: np.ndarray
    address_line: np.ndarray
    local_authority: np.ndarray
    errors: dict[str, np.ndarray]  # field -> error kind ("" when none)


def record_identities(
    rng: np.random.Generator,
    pop: Population,
    profile: ErrorProfile,
    nicknames: dict[str, tuple[str, ...]],
    person: np.ndarray,
    when: np.ndarray,
    *,
    dob_missing: float | np.ndarray,
    ethnicity_junk: float | None = None,
) -> Recorded:
    """Record the identity of ``person`` as seen on ``when`` with errors."""
    forename, surname, name_err = _record_names(rng, pop, profile, nicknames, person, when)
    middle = _record_middle_names(rng, profile, pop.middle[person].copy())
    dob, dob_err = _record_dates_of_birth(rng, pop, profile, person, dob_missing)
    postcode, line, la, pc_err = _record_addresses(rng, pop, profile, person, when)
    sex, sex_err = _record_sex(rng, pop, profile, person)
    eth, eth_err = _record_ethnicity(rng, pop, profile, person, ethnicity_junk)
    return Recorded(
        forename=forename,
        middle=middle,
        surname=surname,
        dob=dob,
        sex=sex,
        ethnicity=eth,
        postcode=postcode,
        address_line=line,
        local_authority=la,
        errors={
            "name": name_err,
            "date_of_birth": dob_err,
            "postcode": pc_err,
            "sex": sex_err,
            "ethnicity": eth_err,
        },
    )


def _record_names(rng, pop: Population, profile: ErrorProfile, nicknames, person, when):
    """Forename and surname (the surname used on ``when``) with at most one
    name error each, at the profile's rates: forenames, surnames and the
    error kind ("" when none)."""
    k = len(person)
    forename = pop.forename[person].copy()
    surname = pop.surname_on(person, when).copy()
    name_err = np.full(k, "", dtype=object)
    probs = np.array([getattr(profile, e) for e in NAME_ERRORS])
    cum = np.cumsum(probs)
    u = rng.random(k)
    choice = np.searchsorted(cum, u, side="right")  # len(NAME_ERRORS) = none
    rnd = rng.random((k, 3))
    for i in np.flatnonzero(choice < len(NAME_ERRORS)):
        fore, sur = forename[i], surname[i]
        kind, new_fore, new_sur = _name_error(
            NAME_ERRORS[choice[i]], pop, nicknames, person[i], fore, sur, rnd[i]
        )
        forename[i], surname[i] = new_fore, new_sur
        if new_fore != fore or new_sur != sur:
            name_err[i] = kind
    return forename, surname, name_err


def _name_error(kind: str, pop: Population, nicknames, p: int, fore: str, sur: str, r):
    """Apply a name error of ``kind`` to person ``p``'s ``fore`` and ``sur``
    names, driven by the three uniforms ``r``; a kind that cannot apply
    (no nickname, alias or variant) falls back to a phonetic spelling, and
    that to a typo. The kind applied and the new names."""
    new_fore, new_sur = fore, sur
    if kind == "nickname":
        nicks = nicknames.get(fore.lower())
        if nicks:
            new_fore = nicks[int(r[0] * len(nicks)) % len(nicks)].capitalize()
        else:
            kind = "phonetic_spelling"
    if kind == "alias_name":
        a0, a1 = pop.alias_start[p], pop.alias_start[p + 1]
        if a1 > a0:
            j = a0 + int(r[0] * (a1 - a0)) % (a1 - a0)
            new_fore, new_sur = pop.alias_forename[j], pop.alias_surname[j]
            if new_fore == fore and new_sur == sur:
                kind = "phonetic_spelling"
        else:
            kind = "phonetic_spelling"
    if kind == "surname_variant":
        variant = surname_variant(sur, r[0])
        if variant:
            new_sur = variant
        else:
            kind = "phonetic_spelling"
    if kind == "phonetic_spelling":
        target_sur = r[2] < 0.5
        variant = phonetic(sur if target_sur else fore, r[1])
        if variant is None:
            kind = "surname_typo" if target_sur else "forename_typo"
        elif target_sur:
            new_sur = variant
        else:
            new_fore = variant
    if kind == "forename_typo":
        new_fore = typo(fore, r)
    elif kind == "surname_typo":
        new_sur = typo(sur, r)
    elif kind == "forename_initial":
        new_fore = fore[0]
    elif kind == "name_swap":
        new_fore, new_sur = sur, fore
    return kind, new_fore, new_sur


def _record_middle_names(rng, profile: ErrorProfile, middle: np.ndarray) -> np.ndarray:
    """Middle names, some dropped and some cut to an initial."""
    k = len(middle)
    has_middle = middle != ""
    drop = has_middle & (rng.random(k) < profile.middle_name_dropped)
    initial = has_middle & ~drop & (rng.random(k) < profile.middle_name_initialled)
    middle[drop] = ""
    middle[initial] = np.array([m[0] for m in middle[initial]], dtype=object)
    return middle


def _record_dates_of_birth(rng, pop: Population, profile: ErrorProfile, person, dob_missing):
    """Dates of birth, missing at ``dob_missing`` (a rate, or one per record)
    and otherwise mistaken at the profile's rates: dates and error kinds."""
    k = len(person)
    dob = pop.dob[person].copy()
    dob_err = np.full(k, "", dtype=object)
    u = rng.random(k)
    missing_p = np.broadcast_to(np.asarray(dob_missing, dtype=float), (k,))
    missing = u < missing_p
    u2 = rng.random(k)
    cum = np.cumsum(
        [
            profile.dob_first_of_january,
            profile.dob_day_month_swap,
            profile.dob_day_typo,
            profile.dob_year_error,
        ]
    )
    kind = np.where(missing, -1, np.searchsorted(cum, u2, side="right"))
    years, months, days = year_month_day(dob)
    jan1 = kind == 0
    swap = (kind == 1) & (days <= 12) & (days != months)
    day_typo = (kind == 2) | ((kind == 1) & ~swap)
    year_err = kind == 3
    new_years, new_months, new_days = years.copy(), months.copy(), days.copy()
    new_months[jan1], new_days[jan1] = 1, 1
    new_months[swap], new_days[swap] = days[swap], months[swap]
    shift = np.where(rng.random(k) < 0.5, -1, 1) * rng.integers(1, 4, size=k)
    new_days[day_typo] = np.clip(days[day_typo] + shift[day_typo], 1, 28)
    new_days[day_typo & (new_days == days)] += 1
    decade = rng.random(k) < 0.3
    new_years[year_err] = years[year_err] + np.where(decade[year_err], 10, 1) * np.sign(
        shift[year_err]
    )
    changed = jan1 | swap | day_typo | year_err
    dob[changed] = from_ymd(new_years[changed], new_months[changed], new_days[changed])
    really = changed & (dob != pop.dob[person])
    dob_err[jan1 & really] = "first_of_january"
    dob_err[swap & really] = "day_month_swap"
    dob_err[day_typo & really] = "day_typo"
    dob_err[year_err & really] = "year_error"
    dob[missing] = NAT
    dob_err[missing] = "missing"
    return dob, dob_err


def _record_addresses(rng, pop: Population, profile: ErrorProfile, person, when):
    """The address on ``when`` (or the one before, when stale), its postcode
    mistyped or missing at the profile's rates: postcodes, address lines,
    local authorities and the postcode error kinds."""
    k = len(person)
    stale = rng.random(k) < profile.stale_address
    addr = pop.addresses.at(person, when, stale=stale)
    current = pop.addresses.at(person, when)
    postcode = pop.addresses.postcode[addr].copy()
    line = pop.addresses.line[addr].copy()
    la = pop.addresses.local_authority[addr].copy()
    pc_err = np.full(k, "", dtype=object)
    pc_err[addr != current] = "stale_address"
    u = rng.random(k)
    pc_missing = u < profile.postcode_missing
    pc_typo = (~pc_missing) & (u < profile.postcode_missing + profile.postcode_typo)
    rnd = rng.random((k, 2))
    for i in np.flatnonzero(pc_typo):
        postcode[i] = _postcode_typo(postcode[i], rnd[i])
    pc_err[pc_typo] = "postcode_typo"
    postcode[pc_missing] = None
    line[pc_missing & (rng.random(k) < 0.5)] = None
    pc_err[pc_missing] = "missing"
    return postcode, line, la, pc_err


def _record_sex(rng, pop: Population, profile: ErrorProfile, person):
    """Sex, missing or junk (None) at the profile's rate, and the error."""
    k = len(person)
    sex = pop.sex[person].copy()
    sex_err = np.full(k, "", dtype=object)
    junk_sex = rng.random(k) < profile.sex_missing_or_junk
    sex[junk_sex] = None
    sex_err[junk_sex] = "missing_or_junk"
    return sex, sex_err


def _record_ethnicity(rng, pop: Population, profile: ErrorProfile, person, ethnicity_junk):
    """Ethnicity, junk (None) at ``ethnicity_junk`` (or the profile's rate)
    or misrecorded as another of the same group, and the error kinds."""
    k = len(person)
    eth = pop.ethnicity[person].copy()
    eth_err = np.full(k, "", dtype=object)
    junk_p = profile.ethnicity_junk if ethnicity_junk is None else ethnicity_junk
    u = rng.random(k)
    junk = u < junk_p
    mis = (~junk) & (u < junk_p + profile.ethnicity_misrecorded)
    if mis.any():
        eth[mis] = _same_group_other(rng, pop, eth[mis])
        eth_err[mis] = "misrecorded"
    eth[junk] = None
    eth_err[junk] = "junk"
    return eth, eth_err


def _postcode_typo(postcode: str, r: np.ndarray) -> str:
    out_code, _, inward = postcode.partition(" ")
    if r[0] < 0.4:  # a wrong letter in the inward code
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        pos = 1 + int(r[1] * 2) % 2
        ch = letters[(letters.index(inward[pos]) + 1) % len(letters)]
        inward = inward[:pos] + ch + inward[pos + 1 :]
    elif r[0] < 0.7:  # wrong digit
        inward = str((int(inward[0]) % 9) + 1) + inward[1:]
    else:  # inward letters transposed, or a missing space
        if inward[1] != inward[2]:
            inward = inward[0] + inward[2] + inward[1]
        else:
            return out_code + inward
    return f"{out_code} {inward}"


_GROUP_CACHE: dict[int, dict[str, np.ndarray]] = {}


def _same_group_other(rng, pop: Population, codes: np.ndarray) -> np.ndarray:
    key = id(pop)
    if key not in _GROUP_CACHE:
        pairs = dict(zip(pop.ethnicity, pop.ethnic_group, strict=True))
        by_group: dict[str, list[str]] = {}
        for code, group in sorted(pairs.items()):
            by_group.setdefault(group, []).append(code)
        _GROUP_CACHE.clear()
        _GROUP_CACHE[key] = {c: np.array(by_group[g], dtype=object) for c, g in pairs.items()}
    options = _GROUP_CACHE[key]
    out = codes.copy()
    for i, code in enumerate(codes):
        opts = options[code]
        if len(opts) > 1:
            pick = opts[rng.integers(len(opts))]
            out[i] = pick if pick != code else opts[(list(opts).index(code) + 1) % len(opts)]
    return out
