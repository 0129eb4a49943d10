"""Linkage: the committed models load and predict, obvious people are linked
across datasets and distinct people are not, the ids keep their invariants,
and the evaluation holds the quality bar at the demo scale and seed."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import shutil

import duckdb
import pyarrow as pa
import pytest

from datafirst.linkage import engine
from datafirst.linkage.journeys import link_journeys
from datafirst.linkage.specs import ALL_MODELS, PARTY_DATASETS
from datafirst.project import SEEDS_DIR
from datafirst.warehouse.names import forename_variants, metaphone

PERSON_MODELS = sorted(ALL_MODELS)

#: The local authority of each postcode district, as int_person_records_unioned
#: derives it (seed postcode_districts).
with (SEEDS_DIR / "postcode_districts.csv").open() as f:
    LOCAL_AUTHORITY = {
        row["outward_code"]: row["local_authority_code"] for row in csv.DictReader(f)
    }


def _record(
    dataset, rid, forename, surname, dob, postcode=None, pnc=None, sex="male", crn=None, cro=None
):
    return {
        "record_id": f"{dataset}|{rid}",
        "source_dataset": dataset,
        "forename": forename,
        "middle_names": None,
        "surname": surname,
        "forename_aliases": None,
        "surname_aliases": None,
        "date_of_birth": dob,
        "date_of_birth_aliases": None,
        "sex": sex,
        "postcode": postcode,
        "postcode_outward": postcode.split(" ")[0] if postcode else None,
        "postcode_local_authority": LOCAL_AUTHORITY.get(postcode.split(" ")[0])
        if postcode
        else None,
        "pnc_number": pnc,
        "cro_number": cro,
        "crn": crn,
        "co_party_names": None,
        "is_linkable": True,
        # The name features int_person_records_unioned derives.
        "forename_variants": forename_variants(forename),
        "forename_metaphone": metaphone(forename),
        "surname_metaphone": metaphone(surname),
    }


def _strangers(dataset: str, n: int, first_id: int = 1000) -> list[dict]:
    """``n`` records of ``n`` people with names nobody else has: the other
    records of a dataset, so that a test's names are weighed by a realistic
    frequency rather than as the only names in the warehouse."""
    syllables = ["".join(pair) for pair in itertools.product("BCDFGKLMNPRSTV", "AEIOU")]
    names = ["".join(pair) + "R" for pair in itertools.product(syllables, syllables)]
    born = [dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28) for i in range(n)]
    return [_record(dataset, first_id + i, names[-1 - i], names[i], born[i]) for i in range(n)]


def _ids(clusters: pa.Table, column: str = "estimated_person_id") -> dict[str, str]:
    """Each record's id in ``column`` of the clustered records."""
    return dict(zip(clusters["record_id"].to_pylist(), clusters[column].to_pylist(), strict=True))


def _linked(records: pa.Table, column: str = "estimated_person_id") -> dict[str, str]:
    """Score and cluster ``records`` with the committed models: each
    record's id in ``column``."""
    return _ids(engine.cluster_people(records, engine.score_links(records)), column)


def fixture_records() -> pa.Table:
    """Three people with records in several datasets, recorded consistently,
    and a look-alike of the first (same name, born 25 years later)."""
    d = dt.date
    rows = [
        _record("mags_hocas", 1, "DARREN", "WHITFIELD", d(1984, 3, 17), "LS9 7AB", "2003/0012345K"),
        _record("mags_hocas", 2, "DARREN", "WHITFIELD", d(1984, 3, 17), "LS9 7AB", None),
        _record(
            "crown_xhibit", 1, "DARREN", "WHITFIELD", d(1984, 3, 17), "LS9 7AB", "2003/0012345K"
        ),
        _record("prison_nomis", 1, "DARREN", "WHITFIELD", d(1984, 3, 17), None, "2003/0012345K"),
        _record("probation_delius", 1, "DARREN", "WHITFIELD", d(1984, 3, 17), "LS9 7AB", None),
        _record("mags_hocas", 3, "PRIYA", "CHANDRASEKAR", d(1991, 11, 2), "B5 4TR", None, "female"),
        _record("prison_oasys", 1, "PRIYA", "CHANDRASEKAR", d(1991, 11, 2), None, None, "female"),
        _record("familyman", 1, "PRIYA", "CHANDRASEKAR", d(1991, 11, 2), "B5 4TR", None, "female"),
        _record("civil_pcol", 1, "MARTIN", "OKONKWO-BELL", d(1975, 6, 30), "M14 5RQ", None),
        _record("civil_caseman", 1, "MARTIN", "OKONKWO-BELL", d(1975, 6, 30), "M14 5RQ", None),
        _record("mags_hocas", 4, "MARTIN", "OKONKWO-BELL", d(1975, 6, 30), "M14 5RQ", None),
        _record("mags_hocas", 5, "DARREN", "WHITFIELD", d(2009, 8, 1), "LS9 7AB", None),
    ]
    return pa.Table.from_pylist(rows)


@pytest.mark.parametrize("name", [*PERSON_MODELS, "link_mags_crown"])
def test_committed_model_is_complete(name):
    trained = engine.load_model(name)
    meta = trained["datafirst"]
    assert meta["model"] == name
    low, default, high = (meta["thresholds"][k] for k in ("low", "default", "high"))
    assert 0 < low <= default <= high < 1
    assert meta["training"]["true_pairs"] > 0
    assert 0 < meta["deterministic_recall"] <= 1
    assert meta["clerical_review"], "thresholds must come from a review sample"
    for comparison in trained["splink"]["comparisons"]:
        trained_levels = [
            level
            for level in comparison["comparison_levels"]
            if not level.get("is_null_level") and level.get("m_probability") is not None
        ]
        assert trained_levels, comparison["output_column_name"]
    assert (engine.MODELS_DIR / f"{name}.md").exists()


@pytest.fixture(scope="module")
def linked():
    records = fixture_records()
    links = engine.score_links(records)
    return records, links, engine.cluster_people(records, links)


def test_loading_the_committed_models_predicts(linked):
    _, links, _ = linked
    assert links.num_rows > 0
    models = set(links["link_model"].to_pylist())
    assert "link_cross_justice" in models and "dedupe_mags_hocas" in models


def test_obvious_people_share_a_cross_justice_id_and_others_do_not(linked):
    _, _, clusters = linked
    xjs = _ids(clusters, "estimated_xjs_id")
    darren = {
        xjs[r]
        for r in (
            "mags_hocas|1",
            "mags_hocas|2",
            "crown_xhibit|1",
            "prison_nomis|1",
            "probation_delius|1",
        )
    }
    priya = {xjs[r] for r in ("mags_hocas|3", "prison_oasys|1", "familyman|1")}
    martin = {xjs[r] for r in ("civil_pcol|1", "civil_caseman|1", "mags_hocas|4")}
    assert len(darren) == len(priya) == len(martin) == 1
    assert len(darren | priya | martin) == 3
    # The son with his father's name and address is not merged with him.
    assert xjs["mags_hocas|5"] not in darren


def test_every_record_gets_one_id_per_threshold_and_clusters_nest(linked):
    records, _, clusters = linked
    assert clusters.num_rows == records.num_rows
    rows = clusters.to_pylist()
    for fine, coarse in [
        ("estimated_xjs_id_high", "estimated_xjs_id"),
        ("estimated_xjs_id", "estimated_xjs_id_low"),
        ("estimated_person_id", "estimated_xjs_id"),
        ("estimated_person_id_high", "estimated_person_id"),
        ("estimated_person_id", "estimated_person_id_low"),
    ]:
        parent: dict[str, str] = {}
        for row in rows:
            assert row[fine] is not None and row[coarse] is not None
            assert parent.setdefault(row[fine], row[coarse]) == row[coarse], (fine, coarse)


def test_a_record_without_a_date_of_birth_joins_one_generation_not_two():
    """A family party recorded without a date of birth links to a father and
    to his son of the same name (born 26 years apart), who do not link to
    each other: it joins the one it links more strongly and father and son
    stay two people, at every level and in every scope. A party linked to
    two records born in the same year (one date mistyped) still joins
    them."""
    d = dt.date
    link = _cross_justice_link
    clusters = _clustered(
        [
            ("mags_hocas|1", None, d(1960, 4, 2)),
            ("mags_hocas|2", None, d(1986, 7, 19)),
            ("familyman|1", None, None),
            ("mags_hocas|3", None, d(1985, 3, 1)),
            ("probation_delius|1", None, d(1985, 3, 10)),
            ("familyman|2", None, None),
        ],
        [
            link("familyman|1", "mags_hocas|1", 12.0),
            link("familyman|1", "mags_hocas|2", 10.0, high=False),
            link("familyman|2", "mags_hocas|3", 12.0),
            link("familyman|2", "probation_delius|1", 11.0),
        ],
    )
    for level in ("estimated_xjs_id_low", "estimated_xjs_id", "estimated_xjs_id_high"):
        ids = {r: row[level] for r, row in clusters.items()}
        assert ids["familyman|1"] == ids["mags_hocas|1"] != ids["mags_hocas|2"], level
        assert ids["familyman|2"] == ids["mags_hocas|3"] == ids["probation_delius|1"], level
    for level in ("estimated_person_id_low", "estimated_person_id", "estimated_person_id_high"):
        assert clusters["mags_hocas|1"][level] != clusters["mags_hocas|2"][level], level


def test_two_records_without_a_date_of_birth_join_only_within_one_generation():
    """Two family parties recorded without a date of birth agree with each
    other (one name, no date to tell them apart), but each joined a namesake
    of another generation (born 1968 and 1971): they are two people, at every
    level and in every scope. Two that joined records born in the same year
    stay one person, and so does one that joined no dated record at all."""
    d = dt.date
    link = _cross_justice_link
    clusters = _clustered(
        [
            ("mags_hocas|1", None, d(1968, 7, 6)),
            ("mags_hocas|2", None, d(1971, 8, 27)),
            ("familyman|1", None, None),
            ("familyman|2", None, None),
            ("mags_hocas|3", None, d(1985, 3, 1)),
            ("probation_delius|1", None, d(1985, 3, 10)),
            ("familyman|3", None, None),
            ("familyman|4", None, None),
            ("familyman|5", None, None),
        ],
        [
            link("familyman|1", "mags_hocas|1", 12.0),
            link("familyman|2", "mags_hocas|2", 12.0),
            link("familyman|1", "familyman|2", 8.0),
            link("familyman|3", "mags_hocas|3", 12.0),
            link("familyman|4", "probation_delius|1", 12.0),
            link("familyman|3", "familyman|4", 8.0),
            link("familyman|5", "familyman|4", 8.0),
        ],
    )
    for level in (
        "estimated_xjs_id_low",
        "estimated_xjs_id",
        "estimated_xjs_id_high",
        "estimated_person_id_low",
        "estimated_person_id",
        "estimated_person_id_high",
    ):
        ids = {r: row[level] for r, row in clusters.items()}
        assert ids["familyman|1"] != ids["familyman|2"], level
        assert ids["familyman|3"] == ids["familyman|4"] == ids["familyman|5"], level
    xjs = {r: row["estimated_xjs_id"] for r, row in clusters.items()}
    assert xjs["familyman|1"] == xjs["mags_hocas|1"] != xjs["mags_hocas|2"] == xjs["familyman|2"]


def _cross_justice_link(left: str, right: str, weight: float, high: bool = True) -> dict:
    """A cross-justice link between two record ids, linking at the low and
    default levels and, if ``high``, at the high level too."""
    return {
        "record_id_l": left,
        "record_id_r": right,
        "source_dataset_l": left.split("|")[0],
        "source_dataset_r": right.split("|")[0],
        "match_weight": weight,
        "match_probability": 2**weight / (1 + 2**weight),
        "link_model": "link_cross_justice",
        "is_link_low": True,
        "is_link_default": True,
        "is_link_high": high,
    }


def _clustered(records: list[tuple], links: list[dict]) -> dict[str, dict]:
    """cluster_people on records given as (record id, PNC, date of birth) and
    links as rows: each record's ids by record id."""
    table = pa.Table.from_pylist(
        [
            {
                "record_id": r,
                "source_dataset": r.split("|")[0],
                "pnc_number": pnc,
                "date_of_birth": born,
            }
            for r, pnc, born in records
        ]
    )
    clusters = engine.cluster_people(table, pa.Table.from_pylist(links))
    return {row["record_id"]: row for row in clusters.to_pylist()}


def test_oasys_records_are_one_person_where_the_other_datasets_join_them_at_default():
    """OASys is bridged at the default level (the registry's bridge_level):
    two OASys records each linked at that level to one person's magistrates'
    records are one person in OASys at the default and low levels, not the
    high one; a PNC one character from the other's is that one mistyped,
    two PNCs further apart are two people, and P-NOMIS records, bridged at
    the high level only, stay apart at default."""
    pnc = "2011/2007273V"
    born = dt.date(1980, 1, 2)
    link = _cross_justice_link
    clusters = _clustered(
        [
            ("mags_hocas|1", pnc, born),
            ("mags_hocas|2", pnc, born),
            ("prison_oasys|1", None, born),
            ("prison_oasys|2", pnc, born),
            ("prison_oasys|3", "2011/2007373V", born),
            ("prison_nomis|1", None, born),
            ("prison_nomis|2", None, born),
            ("mags_hocas|3", None, born),
            ("prison_oasys|4", "2003/0012345K", born),
            ("prison_oasys|5", "1998/4410987C", born),
        ],
        [
            link("mags_hocas|1", "mags_hocas|2", 20.0),
            link("prison_oasys|1", "mags_hocas|1", 6.0, high=False),
            link("prison_oasys|2", "mags_hocas|2", 6.0, high=False),
            link("prison_oasys|3", "mags_hocas|1", 6.0, high=False),
            link("prison_nomis|1", "mags_hocas|1", 6.0, high=False),
            link("prison_nomis|2", "mags_hocas|2", 6.0, high=False),
            link("prison_oasys|4", "mags_hocas|3", 6.0, high=False),
            link("prison_oasys|5", "mags_hocas|3", 6.0, high=False),
        ],
    )
    for level in ("estimated_person_id_low", "estimated_person_id"):
        ids = {r: row[level] for r, row in clusters.items()}
        assert ids["prison_oasys|1"] == ids["prison_oasys|2"] == ids["prison_oasys|3"], level
        assert ids["prison_oasys|4"] != ids["prison_oasys|5"], level
        assert ids["prison_nomis|1"] != ids["prison_nomis|2"], level
    high = {r: row["estimated_person_id_high"] for r, row in clusters.items()}
    assert len({high[f"prison_oasys|{n}"] for n in (1, 2, 3)}) == 3


def test_parties_are_one_person_where_their_criminal_records_join_them_at_default():
    """Family and civil parties are bridged at the default level: two PCOL
    parties without a date of birth (two addresses, names alone), each
    linked at that level to one person's magistrates' records, are one
    person in PCOL at the default and low levels, not the high one; so are
    two FamilyMan parties. Two CaseMan parties linked to two people's
    records stay two."""
    d = dt.date
    link = _cross_justice_link
    clusters = _clustered(
        [
            ("mags_hocas|1", None, d(1979, 5, 14)),
            ("mags_hocas|2", None, d(1979, 5, 14)),
            ("mags_hocas|3", None, d(1991, 11, 3)),
            ("civil_pcol|1", None, None),
            ("civil_pcol|2", None, None),
            ("familyman|1", None, None),
            ("familyman|2", None, d(1979, 5, 14)),
            ("civil_caseman|1", None, None),
            ("civil_caseman|2", None, None),
        ],
        [
            link("mags_hocas|1", "mags_hocas|2", 20.0),
            link("civil_pcol|1", "mags_hocas|1", 6.0, high=False),
            link("civil_pcol|2", "mags_hocas|2", 6.0, high=False),
            link("familyman|1", "mags_hocas|1", 6.0, high=False),
            link("familyman|2", "mags_hocas|2", 6.0, high=False),
            link("civil_caseman|1", "mags_hocas|1", 6.0, high=False),
            link("civil_caseman|2", "mags_hocas|3", 6.0, high=False),
        ],
    )
    for level in ("estimated_person_id_low", "estimated_person_id"):
        ids = {r: row[level] for r, row in clusters.items()}
        assert ids["civil_pcol|1"] == ids["civil_pcol|2"], level
        assert ids["familyman|1"] == ids["familyman|2"], level
        assert ids["civil_caseman|1"] != ids["civil_caseman|2"], level
    high = {r: row["estimated_person_id_high"] for r, row in clusters.items()}
    assert high["civil_pcol|1"] != high["civil_pcol|2"]
    assert high["familyman|1"] != high["familyman|2"]


@pytest.mark.parametrize(
    ("first", "second", "one_person"),
    [("K482913", "K482913", True), (None, None, False), ("K482913", "B120044", False)],
)
def test_an_oasys_case_reference_joins_records_the_missing_pnc_split(first, second, one_person):
    """OASys keys offenders by PNC, so a record made without one splits a
    person; the nDelius case reference (CRN) both records hold joins them
    again, where a name misspelt and no date of birth alone would not."""
    d = dt.date
    records = pa.Table.from_pylist(
        [
            _record("prison_oasys", 1, "KIERAN", "MADDOX", d(1988, 12, 4), crn=first),
            _record("prison_oasys", 2, "KIERAN", "MADDOCKS", None, crn=second),
            *_strangers("prison_oasys", 400),
        ]
    )
    person = _linked(records)
    assert (person["prison_oasys|1"] == person["prison_oasys|2"]) == one_person


@pytest.mark.parametrize(
    ("first", "second", "one_person"),
    [("776021/20Z", "776021/20Z", True), (None, None, False), ("776021/20Z", "412207/11M", False)],
)
def test_a_cro_number_joins_prison_records_of_one_person_under_two_surnames(
    first, second, one_person
):
    """A prisoner booked in again under another surname, without a date of
    birth: the PNC number alone is the evidence the two records share, and
    it weighs no more than the prior against a new surname. The Criminal
    Records Office number both records hold joins them; none, or two
    different, leave them apart."""
    d = dt.date
    pnc = "2011/2007273V"
    records = pa.Table.from_pylist(
        [
            _record("prison_nomis", 1, "JUSTIN", "HOLDEN", d(2002, 8, 26), pnc=pnc, cro=first),
            _record("prison_nomis", 2, "JUSTIN", "KEARNEY", None, pnc=pnc, cro=second),
            *_strangers("prison_nomis", 400),
        ]
    )
    person = _linked(records)
    assert (person["prison_nomis|1"] == person["prison_nomis|2"]) == one_person


def test_a_rare_name_links_civil_parties_that_a_common_name_does_not():
    """Two pairs of civil parties, each without a date of birth and recorded
    at two addresses: one pair shares a name nobody else in the warehouse
    has, the other the commonest name in it. In a small dataset both names
    are seen twice; weighed by how common they are among every dataset's
    records, only the rare one links."""
    d = dt.date
    rows = [
        _record("civil_pcol", 1, "DANIEL", "OPARINDE", None, "E17 9WG"),
        _record("civil_pcol", 2, "DANIEL", "OPARINDE", None, "WF1 6YR"),
        _record("civil_pcol", 3, "JOHN", "SMITH", None, "E17 9WA"),
        _record("civil_pcol", 4, "JOHN", "SMITH", None, "WF1 6YA"),
    ]
    # The magistrates' courts' defendants: 400 called John Smith among
    # 4,400, the others each with a name of their own.
    born = [d(1950 + i % 50, 1 + i % 12, 1 + i % 28) for i in range(4400)]
    rows += [_record("mags_hocas", i, "JOHN", "SMITH", born[i]) for i in range(400)]
    syllables = ["".join(pair) for pair in itertools.product("BCDFGKLMNPRSTV", "AEIOU")]
    names = ["".join(pair) + "R" for pair in itertools.product(syllables, syllables)]
    rows += [
        _record("mags_hocas", 400 + i, names[-1 - i], names[i], born[400 + i]) for i in range(4000)
    ]
    records = pa.Table.from_pylist(rows)
    person = _linked(records)
    assert person["civil_pcol|1"] == person["civil_pcol|2"]
    assert person["civil_pcol|3"] != person["civil_pcol|4"]


def _namesakes_background(names: list[tuple[str, str]], copies: int) -> list[dict]:
    """The magistrates' courts' defendants behind a party test: ``copies``
    records of each of ``names`` (each born on another day) and 4,000
    people with names of their own, so that every name of the test is
    weighed as equally common."""
    d = dt.date
    rows = []
    for forename, surname in names:
        first = len(rows)
        rows += [
            _record("mags_hocas", first + i, forename, surname, d(1950 + i % 50, 1 + i % 12, 1))
            for i in range(copies)
        ]
    return rows + _strangers("mags_hocas", 4000, first_id=len(rows))


def test_a_party_who_moved_within_the_local_authority_is_told_from_a_namesake():
    """Two pairs of civil parties without a date of birth, each pair one
    name recorded at two addresses in different postcode districts, the
    names equally common. Most moves stay within a local authority: the
    pair whose districts are one authority's (Birmingham's B5 and B23) is
    one person who moved across town and links; the pair whose districts
    are two authorities far apart (Birmingham and Wakefield) is as likely
    two namesakes, and stays apart. Without the local authority (a district
    the lookup does not hold) the first pair stays apart too."""
    rows = [
        _record("civil_pcol", 1, "PAUL", "KENDRICK", None, "B5 4TR"),
        _record("civil_pcol", 2, "PAUL", "KENDRICK", None, "B23 7AB"),
        _record("civil_pcol", 3, "SIMON", "HARGREAVES", None, "B5 4TS"),
        _record("civil_pcol", 4, "SIMON", "HARGREAVES", None, "WF1 6YA"),
    ]
    rows += _namesakes_background([("PAUL", "KENDRICK"), ("SIMON", "HARGREAVES")], 20)
    person = _linked(pa.Table.from_pylist(rows))
    assert person["civil_pcol|1"] == person["civil_pcol|2"]
    assert person["civil_pcol|3"] != person["civil_pcol|4"]
    unknown = [{**row, "postcode_local_authority": None} for row in rows]
    person = _linked(pa.Table.from_pylist(unknown))
    assert person["civil_pcol|1"] != person["civil_pcol|2"]


@pytest.mark.parametrize("name", [f"dedupe_{code}" for code in PARTY_DATASETS])
def test_the_party_models_compare_the_pairs_their_names_alone_miss(name):
    """Family and civil parties, most without a date of birth, recorded
    twice with names that neither agree nor sound alike: at one address (a
    misspelt surname; forename and surname swapped, one misspelt), or at
    two addresses with a forename written another way (a nickname, an
    initial) or a surname misspelt after its third letter. The committed
    party models' blocking rules compare every such pair; they compared
    none of these before (a third of the true civil pairs missed at 100k
    were never compared)."""
    pairs = [
        (("CLIVE", "DAVIS", "PR2 1PU"), ("CLIVE", "ADVIS", "PR2 1PU")),
        (("MARK", "DONOHUE", "TS3 7HB"), ("DONOHUE", "MADK", "TS3 7HB")),
        (("SUSAN", "JACKSON", "SE6 9BQ"), ("SUZIE", "JACKSON", "SE13 1QU")),
        (("BRENDA", "BATES", "B23 3JX"), ("B", "BATES", "B11 9SW")),
        (("BENJAMIN", "BERNEY", "BS3 1ZX"), ("BENJAMIN", "BERNYE", "M15 8DN")),
    ]
    dataset = name.removeprefix("dedupe_")
    rows = [
        {
            **_record(dataset, 2 * i + side, *pair[side][:2], None, pair[side][2]),
            "unique_id": 2 * i + side,
        }
        for i, pair in enumerate(pairs)
        for side in (0, 1)
    ]
    rules = engine.load_model(name)["datafirst"]["blocking_rules"]
    con = duckdb.connect()
    con.register("records", pa.Table.from_pylist(rows))
    compared = con.execute(engine.candidate_pairs_sql(rules, "dedupe_only")).fetchall()
    assert sorted(compared) == [(2 * i, 2 * i + 1) for i in range(len(pairs))]


def test_names_recorded_swapped_weigh_as_common_as_they_are():
    """Two people called David Anderson, each once recorded surname first
    (forename ANDERSON, surname DAVID), one without a date of birth, at two
    addresses. As a forename ANDERSON is rare and as a surname DAVID is
    rare, so weighed by the field they were keyed in the two records look
    like a match on two names nobody has; weighed by how common the names
    are in either field, they are two records of a common name with
    nothing else in common, and stay apart."""
    d = dt.date
    rows = [
        _record("familyman", 1, "ANDERSON", "DAVID", None, "GL51 7ES"),
        _record("probation_delius", 1, "ANDERSON", "DAVID", d(1971, 5, 15), "NG3 4LW"),
    ]
    # 300 other David Andersons, and 4,000 people with names of their own.
    born = [d(1950 + i % 50, 1 + i % 12, 1 + i % 28) for i in range(300)]
    rows += [_record("mags_hocas", i, "DAVID", "ANDERSON", born[i]) for i in range(300)]
    rows += _strangers("mags_hocas", 4000, first_id=300)
    records = pa.Table.from_pylist(rows)
    frequencies = engine.term_frequencies(records)
    tf = {
        column: dict(
            zip(
                frequencies[column][column].to_pylist(),
                frequencies[column][f"tf_{column}"].to_pylist(),
                strict=True,
            )
        )
        for column in ("forename", "surname")
    }
    # ANDERSON as a forename is as common as Anderson the surname.
    assert tf["forename"]["ANDERSON"] == pytest.approx(tf["surname"]["ANDERSON"])
    assert tf["surname"]["DAVID"] == pytest.approx(tf["forename"]["DAVID"])
    xjs = _linked(records, "estimated_xjs_id")
    assert xjs["familyman|1"] != xjs["probation_delius|1"]


def test_journey_model_links_a_crown_case_to_its_magistrates_case():
    d = dt.date
    cases = pa.Table.from_pylist(
        [
            {
                "record_id": "mags_hocas|1",
                "source_dataset": "mags_hocas",
                "police_urn": "42AB1234519",
                "court_date": d(2019, 5, 2),
                "court_code": "2575",
                "offence_codes": ["TH68010"],
                "date_of_birth": d(1990, 3, 14),
            },
            {
                "record_id": "mags_hocas|2",
                "source_dataset": "mags_hocas",
                "police_urn": "42AB9999919",
                "court_date": d(2019, 5, 9),
                "court_code": "2575",
                "offence_codes": ["MD71230"],
                "date_of_birth": d(1990, 3, 14),
            },
            {
                "record_id": "crown_xhibit|1",
                "source_dataset": "crown_xhibit",
                "police_urn": "42AB1234519",
                "court_date": d(2019, 5, 2),
                "court_code": "2575",
                "offence_codes": ["TH68010"],
                "date_of_birth": d(1990, 3, 14),
            },
        ]
    )
    person = {"mags_hocas|1": "p1", "mags_hocas|2": "p1", "crown_xhibit|1": "p1"}
    assert _journeys(cases, person) == [("crown_xhibit|1", "mags_hocas|1")]


def _journeys(cases: pa.Table, person: dict[str, str]) -> list[tuple[str, str]]:
    """The journeys the committed model links among ``cases``, each record's
    cross-justice id given by ``person``: (Crown record, magistrates' record)."""
    clusters = pa.Table.from_pylist(
        [{"record_id": r, "estimated_xjs_id": p} for r, p in person.items()]
    )
    links = link_journeys(cases, clusters, engine.load_model("link_mags_crown")).to_pylist()
    return [(r["crown_record_id"], r["mags_record_id"]) for r in links]


def test_a_journey_is_told_from_a_co_defendants_by_the_date_of_birth():
    """Two defendants sent for trial on one day from one court on the same
    charges under one police reference; the Crown case lacks the reference
    and the person linkage joined neither magistrates' case to it. The
    defendant's date of birth on the case chooses: linked to the one born
    that day, where on the case evidence alone the two fit equally and the
    Crown case stayed unlinked."""
    d = dt.date

    def case(record_id, dataset, urn, born):
        return {
            "record_id": record_id,
            "source_dataset": dataset,
            "police_urn": urn,
            "court_date": d(2019, 5, 2),
            "court_code": "2575",
            "offence_codes": ["TH68010", "CJ88116"],
            "date_of_birth": born,
        }

    cases = pa.Table.from_pylist(
        [
            case("mags_hocas|1", "mags_hocas", "42AB1234519", d(1990, 3, 14)),
            case("mags_hocas|2", "mags_hocas", "42AB1234519", d(1987, 11, 2)),
            case("crown_xhibit|1", "crown_xhibit", None, d(1987, 11, 2)),
        ]
    )
    person = {"mags_hocas|1": "p1", "mags_hocas|2": "p2", "crown_xhibit|1": "p3"}
    assert _journeys(cases, person) == [("crown_xhibit|1", "mags_hocas|2")]


def _identifier_cases():
    from datafirst.linkage.specs import IDENTIFIER_LEVELS, JOURNEY

    same_day_court = (("court_date", "same day"), ("court_code", "same court"))
    return [
        ("link_mags_crown", JOURNEY.identifier_levels, same_day_court),
        *(
            (name, IDENTIFIER_LEVELS, (("date_of_birth", "exact"),))
            for name in ("link_cross_justice", "dedupe_mags_hocas", "dedupe_prison_oasys")
        ),
    ]


@pytest.mark.parametrize(("name", "identifiers", "common"), _identifier_cases())
def test_a_shared_identifier_weighs_what_it_weighs_in_the_population_at_hand(
    name, identifiers, common
):
    """In a population fifty times the training extract's, two random
    records are a fiftieth as likely to match, and a fiftieth as likely to
    share a person id, a PNC number, a case reference or a police
    reference: a pair agreeing on one keeps its match odds, while one that
    agrees only on what is as common at any size (a day and court, a date
    of birth) loses them. Without the scaling a shared person id no longer
    carried a journey at 1M."""
    from datafirst.linkage.engine import for_population

    def odds(model, agreeing):
        prior = model["probability_two_random_records_match"]
        out = prior / (1 - prior)
        for comparison in model["comparisons"]:
            for level in comparison["comparison_levels"]:
                if (comparison["output_column_name"], level["label_for_charts"]) in agreeing:
                    out *= level["m_probability"] / level["u_probability"]
        return out

    at_training = engine.load_model(name)["splink"]
    prior = at_training["probability_two_random_records_match"]
    at_scale = for_population(at_training, prior / 50, identifiers)
    held = {
        (c["output_column_name"], level.get("label_for_charts"))
        for c in at_training["comparisons"]
        for level in c["comparison_levels"]
    }
    present = [level for level in identifiers if level in held]
    assert present, name
    for level in present:
        assert odds(at_scale, {level}) == pytest.approx(odds(at_training, {level}), rel=1e-3)
    assert odds(at_scale, set(common)) == pytest.approx(
        odds(at_training, set(common)) / 50, rel=1e-3
    )
    assert for_population(at_training, 0, identifiers) == at_training


def _journey_links(pairs, threshold: float, crown_on_left: bool = True) -> list[tuple[str, str]]:
    """The journey links ``best_links`` keeps of ``pairs`` (Crown case,
    magistrates' case, match weight), scored with either side on the left:
    (Crown record id, magistrates' record id)."""
    from datafirst.linkage.journeys import best_links

    rows = []
    for crown, mags, weight in pairs:
        sides = [("crown_xhibit", crown), ("mags_hocas", mags)]
        (left, lid), (right, rid) = sides if crown_on_left else sides[::-1]
        rows.append(
            {
                "record_id_l": f"{left}|{lid}",
                "record_id_r": f"{right}|{rid}",
                "source_dataset_l": left,
                "source_dataset_r": right,
                "match_weight": weight,
                "match_probability": 2**weight / (1 + 2**weight),
            }
        )
    links = best_links(pa.Table.from_pylist(rows), threshold).to_pylist()
    return [(r["crown_record_id"], r["mags_record_id"]) for r in links]


def test_a_crown_case_two_magistrates_cases_fit_equally_stays_unlinked():
    """Co-defendants sent on the same day, court and charges, the Crown case
    without a police reference and its person in neither: the evidence
    cannot choose, so no link (a tie-break on record ids was wrong half the
    time at 1M); a third Crown case with one best fit is linked."""
    pairs = [(1, 1, -3.8), (1, 2, -3.8), (2, 3, 20.0), (2, 4, -3.8)]
    assert _journey_links(pairs, 0.001) == [("crown_xhibit|2", "mags_hocas|3")]


def test_a_crown_case_links_only_to_a_clearly_best_fit():
    """Two of one person's magistrates' cases at one court two days apart,
    the Crown case without a police reference and the case it came from
    without a date of birth: the other case fits 1.4 bits better (its date of
    birth agrees), too close to choose between (the best of two is right
    with odds 2^gap, below the journey model's target precision 0.995 under
    7.6 bits), so the Crown case stays unlinked. A Crown case whose best fit
    is ten bits clear of the next is linked."""
    from datafirst.linkage.journeys import MARGIN_BITS

    assert round(MARGIN_BITS, 2) == 7.64
    pairs = [(1, 1, 14.6), (1, 2, 13.2), (2, 3, 23.0), (2, 4, 13.0)]
    assert _journey_links(pairs, 0.9998) == [("crown_xhibit|2", "mags_hocas|3")]


def test_a_magistrates_case_is_sent_to_one_crown_case():
    """A magistrates' case that is the best fit of two Crown cases (the
    second a co-defendant's, whose own magistrates' row was quarantined, so
    that the case they were sent in together fits it best) goes to the
    Crown case it fits best; the other stays unlinked. Two Crown cases it
    fits equally well both stay unlinked."""
    pairs = [(1, 1, 54.4), (2, 1, 19.9), (3, 2, 20.0), (4, 2, 20.0)]
    assert _journey_links(pairs, 0.9998, crown_on_left=False) == [
        ("crown_xhibit|1", "mags_hocas|1")
    ]


# --- the quality bar, measured at the demo scale and seed -----------------------------

#: The dbt tests that hold the linkage to the quality bar on every build
#: (models/linkage/evaluation/_evaluation__models.yml); one home for the bar.
QUALITY_BAR_TESTS = (
    "linkage_person_accuracy_criminal_dedupe_precision_bar",
    "linkage_person_accuracy_criminal_dedupe_f1_bar",
    "linkage_person_accuracy_cross_justice_bar",
    "linkage_person_accuracy_family_bar",
    "linkage_person_accuracy_civil_precision_bar",
    "linkage_recall_ceiling_civil_recall_bar",
    "quality_bar_journeys_linked_right",
    "quality_bar_journeys_linked_wrong",
)


@pytest.fixture()
def built(warehouse):
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-3000:]
    con = warehouse.connect()
    yield con
    con.close()


@pytest.mark.parametrize("name", QUALITY_BAR_TESTS)
def test_the_quality_bar_is_an_error_level_test_that_passed(warehouse, name):
    """On the demo build every bar is an error-level dbt test, and it passed."""
    tests = {
        node["name"]: node
        for node in warehouse.manifest()["nodes"].values()
        if node["resource_type"] == "test"
    }
    assert tests[name]["config"]["severity"].lower() == "error"
    statuses = {
        r["unique_id"].split(".")[2]: r["status"] for r in warehouse.build_results["results"]
    }
    assert statuses[name] == "pass"


@pytest.mark.parametrize(
    ("update", "test"),
    [
        # A criminal scope below the F1 bar.
        (
            "update linkage.linkage_person_accuracy set f1 = 0.9 where scope = 'prison_nomis'"
            " and threshold_level = 'default' and group_type = 'all'",
            "linkage_person_accuracy_criminal_dedupe_f1_bar",
        ),
        # A civil dataset below 0.70 recall and more than 0.05 below its ceiling.
        (
            "update linkage.linkage_recall_ceiling set recall = 0.5, recall_ceiling = 1.0"
            " where source_dataset = 'civil_pcol'",
            "linkage_recall_ceiling_civil_recall_bar",
        ),
    ],
)
def test_the_bar_test_fails_a_build_below_the_bar(warehouse, tmp_path, update, test):
    """A bar is not a test that cannot fail: on a copy of the warehouse whose
    evaluation shows a scope below its bar, the build fails."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse.duckdb_path, copy)
    con = duckdb.connect(str(copy))
    con.execute(update)
    con.close()
    result = warehouse.dbt("test", "-s", test, DATAFIRST_DUCKDB_PATH=str(copy))
    assert result.returncode != 0
    assert test in result.stdout


def test_evaluation_covers_every_scope_threshold_and_group(built):
    scopes, levels, groups = built.execute(
        """
        select count(distinct scope), count(distinct threshold_level),
               count(distinct group_type)
        from linkage.linkage_person_accuracy
        """
    ).fetchone()
    assert (scopes, levels, groups) == (9, 3, 3)
    gaps = built.execute(
        "select count(*) from linkage.linkage_accuracy_fairness where f1_gap is not null"
    ).fetchone()[0]
    assert gaps > 0


@pytest.mark.parametrize(
    ("scope", "group_type", "group_value"),
    [
        ("cross_justice", "all", "all"),
        ("cross_justice", "sex", "female"),
        ("familyman", "all", "all"),
        ("civil_pcol", "all", "all"),
    ],
)
def test_the_f1_standard_error_agrees_with_a_bootstrap_over_people(
    built, scope, group_type, group_value
):
    """The F1's standard error in the evaluation is the spread of the F1
    over populations drawn from these people: resampling the people (with
    their pairs: linked, missed, and wrong ones counted half to either
    person) a few hundred times gives the same figure within the
    bootstrap's own noise."""
    import numpy as np

    ids = "estimated_xjs_id" if scope == "cross_justice" else "estimated_person_id"
    in_scope = "" if scope == "cross_justice" else f"and clusters.source_dataset = '{scope}'"
    in_group = "" if group_type == "all" else f"and people.{group_type} = '{group_value}'"
    cells = built.execute(
        f"""
        select clusters.{ids} as estimated_id, truth.person_key, count(*) as n
        from linkage.linkage_person_clusters as clusters
        inner join intermediate.int_person_records_unioned as records using (record_id)
        inner join staging.stg_truth__person_records as truth using (record_id)
        left join staging.stg_truth__people as people using (person_key)
        where records.is_linkable {in_scope} {in_group}
        group by all
        """
    ).fetchall()
    cluster_size: dict[str, int] = {}
    for estimated_id, _, n in cells:
        cluster_size[estimated_id] = cluster_size.get(estimated_id, 0) + n
    shares: dict[str, list[float]] = {}
    for estimated_id, person, n in cells:
        tp, wrong, records = shares.setdefault(person, [0.0, 0.0, 0.0])
        shares[person] = [
            tp + n * (n - 1) / 2,
            wrong + n * (cluster_size[estimated_id] - n) / 2,
            records + n,
        ]
    a = np.array([2 * tp for tp, _, _ in shares.values()])
    b = np.array([2 * tp + wrong + (m * (m - 1) / 2 - tp) for tp, wrong, m in shares.values()])
    rng = np.random.default_rng(7)
    draws = rng.integers(0, len(a), size=(400, len(a)))
    bootstrap = np.std(a[draws].sum(axis=1) / b[draws].sum(axis=1))
    f1, standard_error = built.execute(
        "select f1, f1_standard_error from linkage.linkage_person_accuracy "
        "where scope = ? and threshold_level = 'default' and group_type = ? "
        "and group_value = ?",
        [scope, group_type, group_value],
    ).fetchone()
    assert a.sum() / b.sum() == pytest.approx(f1)
    assert bootstrap > 0
    assert standard_error == pytest.approx(bootstrap, rel=0.2)


def test_linkage_leaves_nothing_behind_in_the_warehouse(built):
    splink_tables = built.execute(
        "select count(*) from information_schema.tables where table_name like '__splink%'"
    ).fetchone()[0]
    assert splink_tables == 0


def test_quarantine_and_person_ids_are_deterministic(built, warehouse):
    """Same inputs give the same ids: rebuilding the linkage models on the
    same warehouse changes nothing."""
    before = built.execute(
        "select md5(string_agg(record_id || estimated_xjs_id || estimated_person_id, ',' "
        "order by record_id)) from linkage.linkage_person_clusters"
    ).fetchone()[0]
    built.close()
    rerun = warehouse.dbt("run", "-s", "linkage_person_links", "linkage_person_clusters")
    assert rerun.returncode == 0, rerun.stdout[-2000:]
    con = warehouse.connect()
    after = con.execute(
        "select md5(string_agg(record_id || estimated_xjs_id || estimated_person_id, ',' "
        "order by record_id)) from linkage.linkage_person_clusters"
    ).fetchone()[0]
    con.close()
    assert before == after


@pytest.mark.parametrize("name", ["dedupe_mags_hocas", "link_cross_justice"])
def test_the_engine_scores_exactly_the_pairs_splink_scores(built, name):
    """The engine blocks on integer ids itself and has Splink score the
    registered pairs; that must give the very pairs and match weights of
    Splink's own predict with the model's blocking rules."""
    from splink import DuckDBAPI, Linker

    model = ALL_MODELS[name]
    records = built.sql("select * from intermediate.int_person_records_unioned").to_arrow_table()
    tables = engine.split_by_dataset(records, model)
    settings = engine.load_model(name)["splink"]
    floor = 0.01
    db_api = DuckDBAPI()
    frames = [db_api.register(t, dataset_display_name=n) for n, t in tables.items()]
    splink_scored = (
        Linker(frames if len(frames) > 1 else frames[0], settings)
        .inference.predict(threshold_match_probability=floor)
        .as_pyarrow_table()
    )
    ours = engine.score_pairs(settings, tables, floor)

    def weights(table, left, right):
        return {
            tuple(sorted((a, b))): w
            for a, b, w in zip(
                table[left].to_pylist(),
                table[right].to_pylist(),
                table["match_weight"].to_pylist(),
                strict=True,
            )
        }

    expected = weights(splink_scored, "record_id_l", "record_id_r")
    got = weights(ours, "record_id_l", "record_id_r")
    assert len(expected) > 1000
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in expected)
    assert all(left < right for left, right in got)


@pytest.mark.parametrize("name", ["dedupe_mags_hocas", "link_cross_justice"])
def test_the_engine_re_estimates_the_prior_as_splink_does(built, name):
    model = ALL_MODELS[name]
    records = built.sql("select * from intermediate.int_person_records_unioned").to_arrow_table()
    tables = engine.split_by_dataset(records, model)
    trained = engine.load_model(name)
    recall = trained["datafirst"]["deterministic_recall"]
    linker = engine.new_linker(model, tables, trained["splink"])
    linker.training.estimate_probability_two_random_records_match(
        list(model.deterministic), recall=recall
    )
    expected = linker.misc.save_model_to_json()["probability_two_random_records_match"]
    con = engine.numbered_records(tables)
    got = engine.estimate_prior(con, model.link_type, model.deterministic, recall)
    assert got == pytest.approx(expected, rel=1e-12)
    assert got != pytest.approx(trained["splink"]["probability_two_random_records_match"])


def test_the_cheap_one_edit_test_is_damerau_levenshtein_within_one():
    import duckdb

    from datafirst.linkage.comparisons import within_one_edit

    words = [
        "2003/0012345K", "2003/0012354K", "2003/0012345L", "2003/012345K", "2030/0012345K",
        "1984-03-17", "1984-03-71", "1984-30-17", "1948-03-17", "1984-03-18", "1985-04-17",
        "ANNE", "ANN", "AENN", "ANEN", "BOB", "", "A",
    ]  # fmt: skip
    con = duckdb.connect()
    con.register("w", pa.table({"s": words}))
    for same_length in (False, True):
        cheap = within_one_edit("l.s", "r.s", same_length=same_length)
        exact = "damerau_levenshtein(l.s, r.s) <= 1"
        if same_length:
            exact = f"length(l.s) = length(r.s) and {exact}"
        mismatched = con.execute(
            f"select count(*) from w as l, w as r where ({cheap}) <> ({exact})"
        ).fetchone()[0]
        assert mismatched == 0


def test_splink_sessions_are_memory_limited_and_closed_on_leaving(monkeypatch):
    from datafirst.linkage import backends

    monkeypatch.setenv(backends.MEMORY_LIMIT_ENV, "1GB")
    with backends.splink_session() as db_api:
        con = db_api._con
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
        assert limit.replace(" ", "").lower() in ("1gb", "953.6mib")
        con.execute("create table t as select 1 as x")
    # What Splink made there is freed with the connection, not at the next
    # garbage collection.
    with pytest.raises(duckdb.ConnectionException):
        con.execute("select 1")


def test_the_recall_ceiling_tells_namesakes_from_recorded_matches():
    """Two records of one person recorded alike (born, living at the same
    place) are told apart from namesakes; two records of another person with
    neither date of birth nor postcode look exactly like that person and a
    namesake, so at precision 0.98 only the first pair can be linked. The
    patterns are the comparisons' levels: with the names' frequency alone,
    the two true pairs would look alike and the ceiling would be 0."""
    from datafirst.linkage.diagnostics import recall_ceiling
    from datafirst.linkage.specs import DEDUPE_MODELS

    d = dt.date
    rows = [
        _record("familyman", 1, "ANWEN", "PRYDDERCH", d(1988, 2, 9), "CF10 1AA", sex="female"),
        _record("familyman", 2, "ANWEN", "PRYDDERCH", d(1988, 2, 9), "CF10 1AA", sex="female"),
        _record("familyman", 3, "JOHN", "SMITH", None),
        _record("familyman", 4, "JOHN", "SMITH", None),
        _record("familyman", 5, "JOHN", "SMITH", None),
    ]
    records = pa.Table.from_pylist(rows)
    person = {"1": "a", "2": "a", "3": "b", "4": "b", "5": "c"}
    truth = pa.table(
        {
            "record_id": records["record_id"],
            "person_key": [person[r.split("|")[1]] for r in records["record_id"].to_pylist()],
        }
    )
    linked = pa.table({"record_id_l": ["familyman|1"], "record_id_r": ["familyman|2"]})
    model = DEDUPE_MODELS["familyman"]
    row = recall_ceiling(model, engine.load_model(model.name), records, truth, linked)
    assert row["true_pairs"] == 2
    assert row["recall"] == 0.5
    assert row["missed_pairs"] == row["indistinguishable_missed_pairs"] == 1
    assert row["recall_ceiling"] == 0.5
