"""EMAIL and the no-code types (LICENSE_PLATE, WECHAT_ID, QQ) from patterns.yaml."""

from __future__ import annotations

import pytest
from pii_table import found

CASES = [
    ("EMAIL", "邮箱zhang.san@163.com请查收", ["zhang.san@163.com"]),
    ("EMAIL", "Mail John.Doe+bills@mail.example.co.uk.", ["John.Doe+bills@mail.example.co.uk"]),
    ("EMAIL", "发送至１２３４５＠ｑｑ．ｃｏｍ", ["１２３４５＠ｑｑ．ｃｏｍ"]),
    ("EMAIL", "not an address: user@localhost or @handle", []),
    ("EMAIL", "version 1.2@3 build", []),
    ("LICENSE_PLATE", "车牌粤B12345停在楼下", ["粤B12345"]),
    ("LICENSE_PLATE", "新能源车牌沪AD12345", ["沪AD12345"]),
    ("LICENSE_PLATE", "粤I12345", []),  # I and O are never issued
    ("WECHAT_ID", "微信号：zhang_san88", ["zhang_san88"]),
    ("WECHAT_ID", "加我微信吧", []),
    ("QQ", "QQ号：12345678", ["12345678"]),
    ("QQ", "qq 01234567", []),
]


@pytest.mark.parametrize(("type_", "text", "values"), CASES)
def test_table(type_: str, text: str, values: list[str]) -> None:
    assert found(text, type_) == values
