"""Operators: masks keep what a person needs; tags, redaction, tokens and ciphertexts replace spans."""

from __future__ import annotations

import pytest

from collectguard.errors import ValidationError
from collectguard.pii import Keyring, analyze, anonymize, mask, mask_value

MASKS = [
    ("13812345678", "PHONE", "138****5678"),
    ("+86 138-1234-5678", "PHONE", "138****5678"),
    ("１３８１２３４５６７８", "PHONE", "138****5678"),
    ("11010519491231002X", "CN_ID", "110***********002X"),
    ("6222 0212 3456 7890 128", "BANK_CARD", "***************0128"),
    ("4539148803436467", "BANK_CARD", "************6467"),
    ("zhang.san@163.com", "EMAIL", "z***@163.com"),
    ("王建国", "PERSON", "王**"),
    ("John Smith", "PERSON", "J*** S****"),
]


@pytest.mark.parametrize(("value", "type_", "masked"), MASKS)
def test_mask_value(value: str, type_: str, masked: str) -> None:
    assert mask_value(value, type_) == masked


def test_mask_text_hides_every_digit_of_the_id() -> None:
    text = "借款人王芳，身份证号11010519491231002X，电话13812345678"
    out = mask(text)
    assert "11010519491231002X" not in out and "13812345678" not in out
    assert out == "借款人王*，身份证号110***********002X，电话138****5678"


def test_tag_and_redact() -> None:
    text = "电话13812345678，邮箱a.b@qq.com"
    spans = analyze(text)
    assert anonymize(text, spans, operator="tag") == "电话<PHONE>，邮箱<EMAIL>"
    assert anonymize(text, spans, operator="redact") == "电话，邮箱"


def test_token_and_encrypt_operators() -> None:
    ring = Keyring.from_secret("a secret long enough for tests")
    text = "电话13812345678"
    spans = analyze(text)
    tokened = anonymize(text, spans, operator="token", keyring=ring)
    assert tokened == f"电话<PHONE:{ring.tokenize('13812345678', kind='PHONE')[:16]}>"
    sealed = anonymize(text, spans, operator="encrypt", keyring=ring)
    token = sealed.removeprefix("电话<PHONE:").removesuffix(">")
    assert ring.decrypt(token, context="PHONE") == "13812345678"


@pytest.mark.parametrize("operator", ["token", "encrypt"])
def test_keyed_operators_need_a_key(operator: str) -> None:
    with pytest.raises(ValidationError):
        anonymize("电话13812345678", analyze("电话13812345678"), operator=operator)


def test_unknown_operator() -> None:
    with pytest.raises(ValidationError, match="unknown operator"):
        anonymize("x", [], operator="shred")
