"""CN_ID: GB 11643 check digit, birth date, region prefix, legacy 15 digits, glued and grouped forms."""

from __future__ import annotations

import pytest
from pii_table import found

from collectguard.pii.checks import cn_id_check_char

MUST_MATCH = [
    ("身份证号11010519491231002X", "11010519491231002X"),
    ("身份证号11010519491231002x。", "11010519491231002x"),
    ("证件：440305198202105588，请核对", "440305198202105588"),
    ("ID 110105 19491231 002X on file", "110105 19491231 002X"),
    ("号码110105-19491231-002X", "110105-19491231-002X"),
    ("身份证号１１０１０５１９４９１２３１００２Ｘ", "１１０１０５１９４９１２３１００２Ｘ"),
    ("老身份证号码110105491231002", "110105491231002"),
    ("借款人身份证650102200002290011已核实", None),  # filled below: 2000-02-29 is a real date
]
MUST_NOT_MATCH = [
    "身份证号110105194912310021",  # wrong check digit
    "身份证号110105194913310020",  # month 13
    "身份证号110105190002290019",  # 1900 was not a leap year
    "身份证号990105194912310029",  # no province 99
    "订单号110105491231002已发货",  # 15 digits without an ID cue
    "流水号20230512123456789012",  # 20 digits
    "HT11010519491231002X",  # glued to letters: a contract code
    "金额110,105.19元",
    "日期2023-05-12",
]


def _valid(prefix17: str) -> str:
    return prefix17 + cn_id_check_char(prefix17)


MUST_MATCH[-1] = (f"借款人身份证{_valid('65010220000229001')}已核实", _valid("65010220000229001"))


@pytest.mark.parametrize(("text", "value"), MUST_MATCH)
def test_cn_id_matches(text: str, value: str) -> None:
    assert found(text, "CN_ID") == [value]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_cn_id_does_not_match(text: str) -> None:
    assert found(text, "CN_ID") == []


def test_check_char_follows_gb11643() -> None:
    # The worked example of GB 11643-1999 appendix: 11010519491231002X.
    assert cn_id_check_char("11010519491231002") == "X"
