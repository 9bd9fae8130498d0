"""PHONE: mainland mobiles in every dress, landlines with area codes, international numbers."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pii_table import found

MUST_MATCH = [
    ("电话13812345678", "13812345678"),
    ("手机：138 1234 5678。", "138 1234 5678"),
    ("手机138-1234-5678", "138-1234-5678"),
    ("+86 13812345678", "+86 13812345678"),
    ("联系0086-13812345678", "0086-13812345678"),
    ("(+86)19912345678", "(+86)19912345678"),
    ("手机：１３８１２３４５６７８。", "１３８１２３４５６７８"),
    ("座机010-62345678无人接听", "010-62345678"),
    ("(0755)26543210", "(0755)26543210"),
    ("Call +1 415-555-2671 today", "+1 415-555-2671"),
    ("Call (212) 736-5000 today", "(212) 736-5000"),
    ("香港+852 9123 4567", "+852 9123 4567"),
    ("13812345678@qq.com 不是电话", None),
]
MUST_MATCH[-1] = ("电话13812345678，微信同号", "13812345678")
# A paperwork word vetoes a number only in its own clause.
MUST_MATCH.append(("编号82950650312，请拨134 0376 3405", "134 0376 3405"))
MUST_NOT_MATCH = [
    "编号12345678901",  # 12… is no mobile prefix
    "客服热线400-820-8820",  # a company hotline, not a person
    "官方客服95588",
    "订单号13812345678001",  # longer number
    "合同编号13812345678",  # paperwork word before it
    "日期2023-05-12 10:30",
    "金额13,812,345.67元",
    "toll-free 1-800-555-0199",
]


@pytest.mark.parametrize(("text", "value"), MUST_MATCH)
def test_phone_matches(text: str, value: str) -> None:
    assert found(text, "PHONE") == [value]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_phone_does_not_match(text: str) -> None:
    assert found(text, "PHONE") == []


@given(st.from_regex(r"\A1[3-9]\d{9}\Z", fullmatch=True))
def test_mobile_prefix_shortcut_agrees_with_full_parse(number: str) -> None:
    try:
        full = phonenumbers.is_valid_number(phonenumbers.parse(number, "CN"))
    except phonenumbers.NumberParseException:
        full = False
    assert bool(found(f"手机{number}。", "PHONE")) == full
