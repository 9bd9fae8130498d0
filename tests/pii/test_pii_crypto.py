"""Keyring: AES-256-GCM round trips, loud failures, rotation by key id, keyed stable tokens."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.errors import CryptoError, ValidationError
from collectguard.pii import Keyring

A = Keyring.from_secret("correct horse battery staple")
B = Keyring.from_secret("another secret of some length")

texts = st.text(max_size=200)
contexts = st.text(max_size=30)


@given(texts, contexts)
def test_round_trip(plaintext: str, context: str) -> None:
    assert A.decrypt(A.encrypt(plaintext, context=context), context=context) == plaintext


def _flip(token: str, bit: int) -> str:
    version, kid, data = token.split(".")
    blob = bytearray(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    blob[bit // 8 % len(blob)] ^= 1 << (bit % 8)
    return f"{version}.{kid}." + base64.urlsafe_b64encode(bytes(blob)).rstrip(b"=").decode()


@settings(max_examples=60)
@given(texts, st.integers(min_value=0, max_value=10_000))
def test_any_flipped_bit_fails(plaintext: str, bit: int) -> None:
    with pytest.raises(CryptoError):
        A.decrypt(_flip(A.encrypt(plaintext), bit))


@given(texts)
def test_wrong_key_and_wrong_context_fail(plaintext: str) -> None:
    token = A.encrypt(plaintext, context="party:1/phone")
    other_key_same_kid = Keyring({A.active: bytes(32)}, A.active)
    with pytest.raises(CryptoError):
        other_key_same_kid.decrypt(token, context="party:1/phone")
    with pytest.raises(CryptoError):
        A.decrypt(token, context="party:2/phone")
    with pytest.raises(CryptoError, match="unknown key id"):
        B.decrypt(token, context="party:1/phone")


@given(st.text(min_size=1, max_size=40), st.sampled_from(["PHONE", "CN_ID", "EMAIL", "PERSON"]))
def test_tokens_stable_per_key_and_differ_across_keys_and_kinds(value: str, kind: str) -> None:
    assert A.tokenize(value, kind=kind) == A.tokenize(value, kind=kind)
    assert A.tokenize(value, kind=kind) != B.tokenize(value, kind=kind)
    assert A.tokenize(value, kind=kind) != A.tokenize(value, kind="BANK_CARD")


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("+86 138-1234-5678", "13812345678", "PHONE"),
        ("0086 13812345678", "１３８１２３４５６７８", "PHONE"),
        ("11010519491231002x", "110105 19491231 002X", "CN_ID"),
        ("6222 0212 3456 7890 128", "6222021234567890128", "BANK_CARD"),
        ("Zhang.San@163.COM", "zhang.san@163.com", "EMAIL"),
    ],
)
def test_tokens_normalise_formatting(a: str, b: str, kind: str) -> None:
    assert A.tokenize(a, kind=kind) == A.tokenize(b, kind=kind)


def test_tokens_are_hex_sha256() -> None:
    token = A.tokenize("13812345678", kind="PHONE")
    assert len(token) == 64 and int(token, 16) >= 0


def test_rotation_keeps_old_ciphertexts_readable() -> None:
    old = A.encrypt("secret")
    fresh = Keyring.generate()
    rotated = A.with_key(fresh.active, fresh._keys[fresh.active])  # type: ignore[attr-defined]
    assert rotated.active == fresh.active
    assert rotated.decrypt(old) == "secret"
    assert rotated.encrypt("x").split(".")[1] == fresh.active
    # Blind indexes written before the rotation stay computable with the old key id.
    assert rotated.tokenize("13812345678", kind="PHONE", kid=A.active) == A.tokenize(
        "13812345678", kind="PHONE"
    )
    assert rotated.tokenize("13812345678", kind="PHONE") != A.tokenize("13812345678", kind="PHONE")
    with pytest.raises(CryptoError):
        rotated.tokenize("x", kind="PHONE", kid="nope")


def test_export_round_trip_and_token_format() -> None:
    ring = Keyring.generate()
    again = Keyring.from_export(ring.export())
    token = ring.encrypt("13812345678", context="c")
    assert token.startswith(f"v1.{ring.active}.")
    assert again.decrypt(token, context="c") == "13812345678"


def test_from_secret_is_deterministic() -> None:
    assert Keyring.from_secret("correct horse battery staple").active == A.active


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        '{"format": "collectguard-keyring", "active": "k", "keys": {"k": "!!"}}',
        '{"format": "collectguard-keyring", "active": "k", "keys": {"k": "AAAA"}}',
    ],
)
def test_bad_key_files_are_validation_errors(text: str) -> None:
    with pytest.raises(ValidationError):
        Keyring.from_export(text)


@pytest.mark.parametrize("token", ["", "v1.x", "v2.k.AAAA", f"v1.{A.active}.@@@", f"v1.{A.active}.AAAA"])
def test_malformed_tokens_fail_loudly(token: str) -> None:
    with pytest.raises(CryptoError):
        A.decrypt(token)


def test_keys_must_be_32_bytes_and_secret_long_enough() -> None:
    with pytest.raises(ValidationError):
        Keyring({"k": b"short"}, "k")
    with pytest.raises(ValidationError):
        Keyring({"k": bytes(32)}, "other")
    with pytest.raises(ValidationError):
        Keyring.from_secret("short")
