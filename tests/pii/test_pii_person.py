"""PERSON: Chinese names by surname and cue, English names by capitals and cue."""

from __future__ import annotations

import pytest
from pii_table import found

MUST_MATCH = [
    ("借款人王芳，电话已核实", ["王芳"]),
    ("联系人：张伟华，关系：同事", ["张伟华"]),
    ("紧急联系人李娜电话13812345678", ["李娜"]),
    ("请转告王建国先生尽快回电", ["王建国"]),
    ("张先生您好，您的账单已出", ["张"]),
    ("陈桂英，你好，请核对", ["陈桂英"]),
    ("尊敬的欧阳明：您好", ["欧阳明"]),
    ("慕容丽华女士的家属", ["慕容丽华"]),
    ("债务人阿依古丽·买买提名下账户", ["阿依古丽·买买提"]),
    ("今天跟刘洋通了电话", ["刘洋"]),
    ("Dear John Smith, this is a reminder.", ["John Smith"]),
    ("Mr. Oliver said he will pay.", ["Oliver"]),
    ("Borrower Jane Doe can be reached by mail.", ["Jane Doe"]),
    ("We spoke with Xiuying Wang today.", ["Xiuying Wang"]),
]
MUST_NOT_MATCH = [
    "我们不会联系您的家人",
    "借款人张某某已还款",
    "高利贷不受法律保护",
    "联系方式已更新",
    "双方达成和解方案",
    "客户高度重视此事",
    "请相信我们会妥善处理",
    "北京市朝阳区人民法院",
    "Consumer Financial Protection Bureau",
    "Dear Customer, your payment is due on Monday.",
]


@pytest.mark.parametrize(("text", "names"), MUST_MATCH)
def test_person_matches(text: str, names: list[str]) -> None:
    assert found(text, "PERSON") == names


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_person_does_not_match(text: str) -> None:
    assert found(text, "PERSON") == []
