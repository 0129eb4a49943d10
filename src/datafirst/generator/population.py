"""The simulated population: who people truly are.

People have sex, ethnicity (ONS 2011 categories in justice-population
proportions), date of birth, forename, middle name(s) and surname drawn from
realistic frequencies, aliases, surname changes, address histories and
police identifiers. Some people collide on purpose, as in life: fathers and
sons with the same name, twins, and strangers with the same name and year of
birth.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.dates import add_days, d64, uniform_dates
from datafirst.generator.vocab import ETHNIC_GROUPS, Vocab

CHILD_SHARE = 0.08
CRIMINAL_SHARE = 0.78  # of adults
# Family-court adults come mostly from outside the criminal population:
# about a third of adult family parties are known to the criminal courts
# (calibration: family_parties_criminal_share).
FAMILY_ADULT_SHARE = 0.45  # of adults with no criminal record
FAMILY_CRIMINAL_SHARE = 0.035  # of adults with a criminal record
CIVIL_SHARE = 0.18  # of adults


@dataclass
class Addresses:
    """Address history: one row per address a person lived at."""

    person: np.ndarray  # int index into the population, sorted
    start: np.ndarray  # datetime64[D]
    line: np.ndarray  # object: "12 Acacia Avenue"
    postcode: np.ndarray  # object: "LS9 7AB"
    outward: np.ndarray  # object
    local_authority: np.ndarray  # object (ONS code)
    region: np.ndarray  # object

    def at(self, person: np.ndarray, when: np.ndarray, stale: np.ndarray | None = None):
        """Index of the address each ``person`` lived at on ``when``; where
        ``stale`` is true, the address before it (if any)."""
        scale = np.int64(1 << 20)
        keys = self.person.astype(np.int64) * scale + (self.start.astype(np.int64) + (1 << 19))
        probe = person.astype(np.int64) * scale + (when.astype(np.int64) + (1 << 19))
        idx = np.searchsorted(keys, probe, side="right") - 1
        idx = np.maximum(idx, 0)
        if stale is not None:
            prev = idx - 1
            ok = stale & (prev >= 0)
            ok[ok] = self.person[prev[ok]] == person[ok]
            idx = np.where(ok, prev, idx)
        return idx


@dataclass
class Population:
    n: int
    key: np.ndarray  # "P0000001"
    sex: np.ndarray  # "M"/"F"
    ethnicity: np.ndarray  # ONS code
    ethnic_group: np.ndarray
    dob: np.ndarray
    forename: np.ndarray
    middle: np.ndarray  # "" when none; may hold two names "Paul James"
    surname: np.ndarray  # at birth
    new_surname: np.ndarray  # "" when no change
    surname_change: np.ndarray  # date of change, NaT when none
    is_child: np.ndarray
    is_criminal: np.ndarray
    is_family_adult: np.ndarray
    is_civil: np.ndarray
    propensity: np.ndarray  # expected extra criminal cases (heavy-tailed)
    pnc: np.ndarray  # PNC id, e.g. "2009/0123456K"
    cro: np.ndarray  # CRO number, e.g. "123456/09X"
    alias_person: np.ndarray
    alias_forename: np.ndarray
    alias_surname: np.ndarray
    alias_dob: np.ndarray
    alias_start: np.ndarray  # offset of each person's aliases (len n+1)
    collision: np.ndarray  # "", "junior", "twin", "namesake"
    collides_with: np.ndarray  # index of the other person or -1
    addresses: Addresses

    def surname_on(self, person: np.ndarray, when: np.ndarray) -> np.ndarray:
        changed = ~np.isnat(self.surname_change[person]) & (self.surname_change[person] <= when)
        return np.where(changed, self.new_surname[person], self.surname[person])


def _choose(rng, values, probs, size):
    probs = np.asarray(probs, dtype=float)
    return np.asarray(values, dtype=object)[
        rng.choice(len(values), size=size, p=probs / probs.sum())
    ]


def _pnc(rng, years: np.ndarray) -> np.ndarray:
    serial = rng.integers(0, 10_000_000, size=len(years))
    letters = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)
    check = letters[(years * 7 + serial) % len(letters)]
    return np.array(
        [f"{y}/{s:07d}{c}" for y, s, c in zip(years, serial, check, strict=True)], dtype=object
    )


def _cro(rng, years: np.ndarray) -> np.ndarray:
    serial = rng.integers(1, 1_000_000, size=len(years))
    letters = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)
    check = letters[(serial * 3 + years) % len(letters)]
    return np.array(
        [f"{s:06d}/{y % 100:02d}{c}" for y, s, c in zip(years, serial, check, strict=True)],
        dtype=object,
    )


def build_population(rng: np.random.Generator, n: int, vocab: Vocab) -> Population:
    """``n`` people: who they are, their domains (criminal, family, civil),
    police identifiers, deliberate look-alikes, addresses and aliases."""
    eth_rows = vocab.seed("ethnicity_codes")
    eth_codes = np.array([r["ethnicity_code"] for r in eth_rows], dtype=object)
    eth_group = {r["ethnicity_code"]: r["ethnic_group"] for r in eth_rows}
    eth_share = np.array([float(r["justice_population_share"]) for r in eth_rows])

    is_child = rng.random(n) < CHILD_SHARE
    sex = np.where(rng.random(n) < np.where(is_child, 0.5, 0.68), "M", "F").astype(object)
    ethnicity = _choose(rng, eth_codes, eth_share, n)
    group = np.array([eth_group[c] for c in ethnicity], dtype=object)
    dob = _dates_of_birth(rng, n, is_child)
    forename, middle, surname = _names(rng, vocab, n, group, sex)
    new_surname, surname_change = _surname_changes(rng, vocab, n, sex, is_child, dob)
    is_criminal, is_family_adult, is_civil, propensity = _domains(rng, n, is_child, sex, dob)

    years = dob.astype("datetime64[Y]").astype(np.int64) + 1970 + 18
    years = np.minimum(years, 2022)
    pnc = _pnc(rng, rng.integers(2000, 2023, size=n))
    cro = _cro(rng, years)

    # Look-alikes change the names, sex and dates of birth drawn above.
    collision, collides_with = _make_collisions(
        rng, n, sex, dob, forename, surname, middle, is_child
    )
    addresses = _address_history(rng, n, dob, is_criminal, vocab, collision, collides_with)
    aliases = _aliases(rng, vocab, n, is_criminal, propensity, group, sex, forename, surname, dob)

    return Population(
        n=n,
        key=np.array([f"P{i:08d}" for i in range(n)], dtype=object),
        sex=sex,
        ethnicity=ethnicity,
        ethnic_group=group,
        dob=dob,
        forename=forename,
        middle=middle,
        surname=surname,
        new_surname=new_surname,
        surname_change=surname_change,
        is_child=is_child,
        is_criminal=is_criminal,
        is_family_adult=is_family_adult,
        is_civil=is_civil,
        propensity=propensity,
        pnc=pnc,
        cro=cro,
        **aliases,
        collision=collision,
        collides_with=collides_with,
        addresses=addresses,
    )


def _dates_of_birth(rng, n: int, is_child: np.ndarray) -> np.ndarray:
    """Adults mostly born 1968-1998 (the justice population is young, but
    about one prisoner in six is 50 or over and one in six under 25),
    children born 2004-2020."""
    adult_dob = uniform_dates(rng, d64("1945-01-01"), d64("2003-12-31"), n)
    young = uniform_dates(rng, d64("1968-01-01"), d64("1998-12-31"), n)
    adult_dob = np.where(rng.random(n) < 0.6, young, adult_dob)
    child_dob = uniform_dates(rng, d64("2004-01-01"), d64("2020-12-31"), n)
    return np.where(is_child, child_dob, adult_dob)


def _names(rng, vocab: Vocab, n: int, group: np.ndarray, sex: np.ndarray):
    """Forenames, middle names ("" when none, sometimes two) and surnames at
    birth, by ethnic group and sex; a few surnames double-barrelled."""
    forename = np.empty(n, dtype=object)
    middle = np.full(n, "", dtype=object)
    surname = np.empty(n, dtype=object)
    for g in ETHNIC_GROUPS:
        in_group = group == g
        surname[in_group] = vocab.surnames[g].names[vocab.surnames[g].sample(rng, in_group.sum())]
        for s in ("M", "F"):
            mask = in_group & (sex == s)
            pool = vocab.forenames[(g, s)]
            forename[mask] = pool.names[pool.sample(rng, mask.sum())]
            has_middle = mask & (rng.random(n) < 0.62)
            middle[has_middle] = pool.names[pool.sample(rng, has_middle.sum())]
            two = has_middle & (rng.random(n) < 0.12)
            middle[two] = middle[two] + " " + pool.names[pool.sample(rng, two.sum())]

    # Double-barrelled surnames for a few.
    barrel = rng.random(n) < 0.02
    other = vocab.surnames["white"].names[vocab.surnames["white"].sample(rng, barrel.sum())]
    surname[barrel] = surname[barrel] + "-" + other
    return forename, middle, surname


def _surname_changes(rng, vocab: Vocab, n: int, sex, is_child, dob):
    """Surname changes (marriage, mostly women): the new surname ("" when
    none) and the date of change (NaT when none), at 18 at the earliest."""
    change_p = np.where(sex == "F", 0.22, 0.02) * ~is_child
    changes = rng.random(n) < change_p
    new_surname = np.full(n, "", dtype=object)
    new_surname[changes] = vocab.surnames["white"].names[
        vocab.surnames["white"].sample(rng, changes.sum())
    ]
    surname_change = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    surname_change[changes] = uniform_dates(
        rng, d64("2008-01-01"), d64("2022-12-31"), changes.sum()
    )
    surname_change[changes] = np.maximum(surname_change[changes], add_days(dob[changes], 18 * 366))
    return new_surname, surname_change


def _domains(rng, n: int, is_child, sex, dob):
    """Who is criminal, a family-court adult or a civil-court adult, and each
    person's propensity to offend."""
    adult = ~is_child
    u = rng.random(n)
    is_criminal = adult & (u < CRIMINAL_SHARE) & (add_days(dob, 18 * 365) < d64("2022-06-01"))
    # One draw for each branch (as before the calibration), so that the civil
    # and offending draws after these stay as they were for a given seed.
    family_if_not_criminal = rng.random(n) < FAMILY_ADULT_SHARE
    family_if_criminal = rng.random(n) < FAMILY_CRIMINAL_SHARE
    is_family_adult = adult & np.where(is_criminal, family_if_criminal, family_if_not_criminal)
    is_civil = adult & (rng.random(n) < CIVIL_SHARE)
    # Heavy-tailed propensity: most offend once or twice, a prolific
    # minority many times (gamma-mixed Poisson = negative binomial).
    propensity = rng.gamma(shape=0.45, scale=2.6, size=n) * is_criminal
    propensity *= np.where(sex == "M", 1.0, 0.6)
    return is_criminal, is_family_adult, is_civil, propensity


def _aliases(rng, vocab: Vocab, n, is_criminal, propensity, group, sex, forename, surname, dob):
    """Aliases: a minority of criminal people use other names or birth
    dates. The ``alias_*`` fields of :class:`Population`."""
    has_alias = is_criminal & (rng.random(n) < 0.12 + 0.04 * np.minimum(propensity, 5))
    counts = np.where(has_alias, rng.integers(1, 4, size=n), 0)
    alias_person = np.repeat(np.arange(n), counts)
    m = len(alias_person)
    alias_forename = forename[alias_person].copy()
    alias_surname = surname[alias_person].copy()
    alias_dob = dob[alias_person].copy()
    kind = rng.random(m)
    new_fore = kind < 0.45
    new_sur = (kind >= 0.35) & (kind < 0.8)
    new_dob = kind >= 0.6
    for g in ETHNIC_GROUPS:
        gm = group[alias_person] == g
        for s in ("M", "F"):
            mask = new_fore & gm & (sex[alias_person] == s)
            pool = vocab.forenames[(g, s)]
            alias_forename[mask] = pool.names[pool.sample(rng, mask.sum())]
        mask = new_sur & gm
        alias_surname[mask] = vocab.surnames[g].names[vocab.surnames[g].sample(rng, mask.sum())]
    alias_dob[new_dob] = add_days(alias_dob[new_dob], rng.integers(-900, 900, size=new_dob.sum()))
    alias_start = np.concatenate([[0], np.cumsum(counts)])
    return {
        "alias_person": alias_person,
        "alias_forename": alias_forename,
        "alias_surname": alias_surname,
        "alias_dob": alias_dob,
        "alias_start": alias_start,
    }


def _make_collisions(rng, n, sex, dob, forename, surname, middle, is_child):
    """Distinct people who look alike: juniors (same name as their father,
    born 18-40 years later, same first address), twins (same surname, birth
    date and address) and namesakes (same full name and year of birth)."""
    collision = np.full(n, "", dtype=object)
    collides_with = np.full(n, -1, dtype=np.int64)
    adults = np.flatnonzero(~is_child)
    if len(adults) < 20:
        return collision, collides_with
    order = rng.permutation(adults)
    n_junior = int(0.02 * len(adults))
    n_twin = int(0.006 * len(adults))
    n_namesake = int(0.01 * len(adults))
    cursor = 0

    def take(k):
        nonlocal cursor
        out = order[cursor : cursor + k]
        cursor += k
        return out

    # Juniors: son takes the father's forename and surname.
    sons, fathers = take(n_junior), take(n_junior)
    fathers = fathers[sex[fathers] == "M"]
    sons = sons[: len(fathers)]
    gap = rng.integers(18 * 365, 40 * 365, size=len(sons))
    new_dob = add_days(dob[fathers], gap)
    ok = new_dob < d64("2003-12-31")
    sons, fathers, new_dob = sons[ok], fathers[ok], new_dob[ok]
    sex[sons] = "M"
    forename[sons] = forename[fathers]
    surname[sons] = surname[fathers]
    dob[sons] = new_dob
    collision[sons] = "junior"
    collides_with[sons] = fathers

    # Twins: same surname, date of birth, first address; own forename.
    twins, firsts = take(n_twin), take(n_twin)
    surname[twins] = surname[firsts]
    dob[twins] = dob[firsts]
    collision[twins] = "twin"
    collides_with[twins] = firsts

    # Namesakes: same full name and year of birth, different day. The name
    # copied is drawn in proportion to how common it is (forename share x
    # surname share): two people of one birth year share a full name about
    # that often, so a namesake is usually a John Smith and rarely a name
    # held by one family in the country.
    names = take(n_namesake)
    sources = _common_names_first(rng, order[cursor:], forename, surname, n_namesake)
    forename[names] = forename[sources]
    surname[names] = surname[sources]
    middle[names] = ""
    sex[names] = sex[sources]
    year_start = dob[sources].astype("datetime64[Y]").astype("datetime64[D]")
    dob[names] = add_days(year_start, rng.integers(0, 365, size=len(names)))
    collision[names] = "namesake"
    collides_with[names] = sources
    return collision, collides_with


def _common_names_first(rng, candidates, forename, surname, k: int) -> np.ndarray:
    """``k`` of ``candidates`` drawn without replacement with probability
    proportional to how common their full name is: the share of all people
    with their forename times the share with their surname."""
    if k == 0 or len(candidates) == 0:
        return candidates[:0]
    fore_values, fore_index, fore_counts = np.unique(
        forename.astype(str), return_inverse=True, return_counts=True
    )
    sur_values, sur_index, sur_counts = np.unique(
        surname.astype(str), return_inverse=True, return_counts=True
    )
    weight = (fore_counts[fore_index] * sur_counts[sur_index])[candidates].astype(float)
    return rng.choice(
        candidates, size=min(k, len(candidates)), replace=False, p=weight / weight.sum()
    )


def _address_history(rng, n, dob, is_criminal, vocab, collision, collides_with) -> Addresses:
    rows = vocab.seed("postcode_districts")
    outward = np.array([r["outward_code"] for r in rows], dtype=object)
    la = np.array([r["local_authority_code"] for r in rows], dtype=object)
    region = np.array([r["region"] for r in rows], dtype=object)
    weight = np.array([float(r["population_weight"]) for r in rows])
    weight = weight / weight.sum()
    # Districts of the same local authority, for local moves.
    by_la: dict[str, np.ndarray] = {}
    for code in np.unique(la):
        by_la[code] = np.flatnonzero(la == code)

    rate = np.where(is_criminal, 0.38, 0.2)  # moves per year
    moves = np.minimum(rng.poisson(rate * 18), 14)
    counts = moves + 1
    person = np.repeat(np.arange(n), counts)
    total = len(person)
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    is_first = np.zeros(total, dtype=bool)
    is_first[first] = True

    start = uniform_dates(rng, d64("2005-01-01"), d64("2023-12-31"), total)
    start[is_first] = d64("1900-01-01")
    # Sort starts within each person.
    order = np.lexsort((start.astype(np.int64), person))
    start = start[order]

    district = rng.choice(len(outward), size=total, p=weight)
    # 65% of moves stay within the same local authority.
    local = (~is_first) & (rng.random(total) < 0.65)
    for i in np.flatnonzero(local):
        options = by_la[la[district[i - 1]]]
        district[i] = options[rng.integers(len(options))]

    # Twins and juniors share their sibling's/father's first address.
    shared = np.flatnonzero(np.isin(collision, ["twin", "junior"]))
    district[first[shared]] = district[first[collides_with[shared]]]

    digits = rng.integers(1, 10, size=total).astype(str)
    letters = vocab.unit_letters
    l1 = letters[rng.integers(len(letters), size=total)]
    l2 = letters[rng.integers(len(letters), size=total)]
    postcode = (outward[district] + " " + digits.astype(object) + l1 + l2).astype(object)
    house = rng.integers(1, 240, size=total).astype(str).astype(object)
    street = vocab.streets[rng.integers(len(vocab.streets), size=total)]
    line = (house + " " + street).astype(object)
    postcode[first[shared]] = postcode[first[collides_with[shared]]]
    line[first[shared]] = line[first[collides_with[shared]]]
    return Addresses(
        person=person,
        start=start,
        line=line,
        postcode=postcode,
        outward=outward[district],
        local_authority=la[district],
        region=region[district],
    )
