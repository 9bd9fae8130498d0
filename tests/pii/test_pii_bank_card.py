"""BANK_CARD: 16-19 digits, Luhn, plausible issuer, grouped or glued."""

from __future__ import annotations

import pytest
from pii_table import found

from collectguard.pii.checks import luhn_ok

MUST_MATCH = [
    ("卡号6222021234567890128", "6222021234567890128"),
    ("卡号 6222 0212 3456 7890 128", "6222 0212 3456 7890 128"),
    ("card 4539-1488-0343-6467 declined", "4539-1488-0343-6467"),
    ("尾号4969的卡5187104967484969", "5187104967484969"),
    ("卡号６２２２０２１２３４５６７８９０１２８", "６２２２０２１２３４５６７８９０１２８"),
]
MUST_NOT_MATCH = [
    "卡号6222021234567890127",  # Luhn fails
    "订单号2023051212345678",  # a date-led order number, and 2… is no issuer
    "合同编号6225880137706123",  # passes Luhn but is paperwork
    "Reference no. 4111111111111111",
    "身份证号440305198202105588",  # an ID number is never a card
    "流水号1000000000000000007",
    "0000000000000000",
    "card 4111-1111-1111-1111",  # two distinct digits: a test or placeholder number, not a card
]


@pytest.mark.parametrize(("text", "value"), MUST_MATCH)
def test_card_matches(text: str, value: str) -> None:
    assert found(text, "BANK_CARD") == [value]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_card_does_not_match(text: str) -> None:
    assert found(text, "BANK_CARD") == []


@pytest.mark.parametrize(
    ("digits", "ok"), [("4111111111111111", True), ("4111111111111112", False), ("79927398713", True)]
)
def test_luhn(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok
