"""Keys that mean something: the secure target refuses the public demo key and
low-entropy keys, the dev target refuses an extract the generator did not
mark as synthetic unless the key is a secret, and every build knows the
fingerprint of its key (never the key)."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import shutil
import string

import pyarrow.parquet as pq
import pytest
from conftest import PSEUDONYMISATION_KEY

from datafirst.extracts import MANIFEST_NAME, is_synthetic, read_manifest, write_manifest
from datafirst.warehouse.pseudonymisation import (
    DEMO_KEY,
    FINGERPRINT_MESSAGE,
    KEY_ENV,
    PseudonymisationKeyError,
    current_key_fingerprint,
    key_fingerprint,
    key_problems,
    resolve_key,
)

RNG = random.Random(13)


def random_key(length: int, alphabet: str) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(length))


SECRET = random_key(43, string.ascii_letters + string.digits + "-_")

WEAK_KEYS = {
    "demo key": (DEMO_KEY, "public demo key"),
    "demo key in capitals, padded": ("my-" + DEMO_KEY.upper() + "-2024", "public demo key"),
    "sixteen spaces": (" " * 16, "shorter than 32"),
    "one letter repeated": ("a" * 48, "too predictable"),
    "two letters repeated": ("ab" * 24, "too predictable"),
    "a word repeated": ("Password1" * 4, "shorter block repeated"),
    "the alphabet": (string.ascii_lowercase + "012345", "run of more than 7"),
    "a counting tail": ("k3y-for-the-warehouse-x-12345678", "run of more than 7"),
    "short random": (random_key(20, string.ascii_letters), "shorter than 32"),
    "padded with a space": (" " + SECRET, "white space"),
}


@pytest.mark.parametrize("name", WEAK_KEYS)
def test_a_weak_key_is_not_a_secret_and_the_reason_never_quotes_it(name):
    key, reason = WEAK_KEYS[name]
    problems = key_problems(key)
    assert any(reason in problem for problem in problems), problems
    with pytest.raises(PseudonymisationKeyError) as refused:
        resolve_key({KEY_ENV: key}, allow_demo_key=False)
    assert reason in str(refused.value)
    if key.strip():
        assert key.strip() not in str(refused.value)


@pytest.mark.parametrize(
    "alphabet,length",
    [
        ("0123456789abcdef", 32),  # 128 random bits in hex, the shortest accepted
        ("0123456789abcdef", 64),
        (string.ascii_letters + string.digits + "-_", 43),  # secrets.token_urlsafe(32)
    ],
)
def test_random_keys_are_secrets(alphabet, length):
    keys = [random_key(length, alphabet) for _ in range(2000)]
    refused = [key_problems(key) for key in keys if key_problems(key)]
    assert not refused, refused[:3]
    assert resolve_key({KEY_ENV: keys[0]}, allow_demo_key=False) == (keys[0], False)


def test_the_secure_target_needs_a_key():
    with pytest.raises(PseudonymisationKeyError, match=f"{KEY_ENV} is not set"):
        resolve_key({}, allow_demo_key=False)


def test_the_demo_key_is_recognised_even_when_set_explicitly():
    assert resolve_key({}, allow_demo_key=True) == (DEMO_KEY, True)
    assert resolve_key({KEY_ENV: DEMO_KEY}, allow_demo_key=True) == (DEMO_KEY, True)
    assert resolve_key({KEY_ENV: SECRET}, allow_demo_key=True) == (SECRET, False)
    with pytest.raises(PseudonymisationKeyError, match="shorter than 16"):
        resolve_key({KEY_ENV: "short"}, allow_demo_key=True)


def test_the_fingerprint_identifies_the_key_without_revealing_it():
    fingerprint = key_fingerprint(SECRET)
    assert fingerprint == key_fingerprint(SECRET)
    assert len(fingerprint) == 16 and set(fingerprint) <= set("0123456789abcdef")
    assert fingerprint != key_fingerprint(SECRET + "x")
    assert fingerprint not in SECRET and SECRET not in fingerprint
    expected = hmac.new(SECRET.encode(), FINGERPRINT_MESSAGE, hashlib.sha256).hexdigest()
    assert fingerprint == expected[:16]
    # Not a plain hash of the key: the key is the HMAC's secret.
    assert fingerprint != hashlib.sha256(SECRET.encode()).hexdigest()[:16]
    assert current_key_fingerprint({}) == key_fingerprint(DEMO_KEY)
    assert current_key_fingerprint({KEY_ENV: SECRET}) == fingerprint


# --- the synthetic marker -------------------------------------------------------


@pytest.fixture()
def raw_copy(extract, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(extract["raw_dir"], raw)
    return raw


def test_the_generator_marks_its_extract_synthetic(extract):
    manifest = read_manifest(extract["raw_dir"])
    assert manifest["synthetic"] is True
    assert len(manifest["files"]) == len(list(extract["raw_dir"].glob("*/*.parquet")))
    assert manifest["tables"] == extract["tables"]
    assert is_synthetic(extract["raw_dir"])


@pytest.mark.parametrize("change", ["rewritten", "added", "no marker", "no manifest"])
def test_a_changed_or_unmarked_extract_is_not_synthetic(raw_copy, change):
    assert is_synthetic(raw_copy)
    victim = raw_copy / "nomis" / "incidents.parquet"
    if change == "rewritten":
        table = pq.read_table(victim)
        pq.write_table(table.slice(1), victim)
    elif change == "added":
        shutil.copy(victim, raw_copy / "nomis" / "real_extract.parquet")
    elif change == "no marker":
        manifest = read_manifest(raw_copy)
        manifest.pop("synthetic")
        (raw_copy / MANIFEST_NAME).write_text(json.dumps(manifest))
    else:
        (raw_copy / MANIFEST_NAME).unlink()
    assert not is_synthetic(raw_copy)
    # Marking it again (as a test that crafts a synthetic extract does) restores it.
    write_manifest(raw_copy, read_manifest(raw_copy) or {})
    assert is_synthetic(raw_copy)


def test_dev_refuses_an_unmarked_extract_unless_the_key_is_a_secret(raw_copy):
    (raw_copy / MANIFEST_NAME).unlink()
    for environ in ({}, {KEY_ENV: DEMO_KEY}, {KEY_ENV: PSEUDONYMISATION_KEY}):
        with pytest.raises(PseudonymisationKeyError, match="not marked synthetic"):
            resolve_key(environ, allow_demo_key=True, synthetic_extract_dir=raw_copy)
    assert resolve_key({KEY_ENV: SECRET}, allow_demo_key=True, synthetic_extract_dir=raw_copy) == (
        SECRET,
        False,
    )


def test_dev_builds_a_marked_extract_or_an_empty_folder_on_any_key(raw_copy, tmp_path):
    assert resolve_key({}, allow_demo_key=True, synthetic_extract_dir=raw_copy) == (
        DEMO_KEY,
        True,
    )
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert resolve_key({}, allow_demo_key=True, synthetic_extract_dir=empty)[1]


# --- through dbt ------------------------------------------------------------------


def _show(warehouse, tmp_path, *args, **env):
    return warehouse.dbt(
        "show",
        "--inline",
        "select {{ key_fingerprint() }} as fingerprint",
        "--target-path",
        str(tmp_path / "target"),
        *args,
        DATAFIRST_DUCKDB_PATH=str(tmp_path / "empty.duckdb"),
        **env,
    )


@pytest.mark.parametrize("key", [DEMO_KEY, "a" * 48, "Password1" * 4])
def test_the_secure_target_refuses_the_demo_key_and_low_entropy_keys(warehouse, tmp_path, key):
    refused = _show(warehouse, tmp_path, "--target", "secure", **{KEY_ENV: key})
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert f"{KEY_ENV} is not a secret key" in output
    assert key not in output


def test_dev_refuses_a_real_extract_on_a_public_key_and_records_the_fingerprint(
    warehouse, tmp_path
):
    raw = tmp_path / "raw"
    shutil.copytree(warehouse.raw_dir, raw)
    (raw / MANIFEST_NAME).unlink()  # what a real extract looks like
    for key in ("", PSEUDONYMISATION_KEY):
        refused = _show(warehouse, tmp_path, DATAFIRST_RAW_DIR=str(raw), **{KEY_ENV: key})
        assert refused.returncode != 0
        assert "was not marked synthetic by the generator" in refused.stdout + refused.stderr
    built = _show(warehouse, tmp_path, DATAFIRST_RAW_DIR=str(raw), **{KEY_ENV: SECRET})
    assert built.returncode == 0, built.stdout[-2000:]
    assert key_fingerprint(SECRET) in built.stdout
    assert SECRET not in built.stdout + built.stderr
