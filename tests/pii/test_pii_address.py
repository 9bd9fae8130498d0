"""ADDRESS: administrative pieces, roads, numbers, complexes and buildings; U.S. street addresses."""

from __future__ import annotations

import pytest
from pii_table import found

MUST_MATCH = [
    ("住址：广东省深圳市南山区科技南路18号A座1201室，", "广东省深圳市南山区科技南路18号A座1201室"),
    ("家住北京市朝阳区建国路88号", "北京市朝阳区建国路88号"),
    ("上门到杭州市西湖区文三路90号东部软件园。", "杭州市西湖区文三路90号东部软件园"),
    ("地址阳光花园3栋2单元502室", "阳光花园3栋2单元502室"),
    ("寄到上海市徐汇区漕溪北路201弄4号302室", "上海市徐汇区漕溪北路201弄4号302室"),
    ("四川省仪陇县马鞍镇新政村3组", "四川省仪陇县马鞍镇新政村3组"),
    ("寄到天津市和平区南京道200号", "天津市和平区南京道200号"),
    ("Mail to 1600 Pennsylvania Ave, Washington, DC 20500.", "1600 Pennsylvania Ave, Washington, DC 20500"),
    ("lives at 42 Elm Street Apt 5", "42 Elm Street Apt 5"),
]
MUST_NOT_MATCH = [
    "北京市朝阳区人民法院已受理",
    "深圳市南山区市场监督管理局",
    "我在深圳打工",
    "逾期90天",
    "请于2023年5月12日前还款",
    "pay 300 dollars by Friday",
    # a village and a verb that ends in a road suffix (知道 is no road called 知道)
    "让全村都知道你欠钱",
    "王家村的人都知道",
]


@pytest.mark.parametrize(("text", "value"), MUST_MATCH)
def test_address_matches(text: str, value: str) -> None:
    assert found(text, "ADDRESS") == [value]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_address_does_not_match(text: str) -> None:
    assert found(text, "ADDRESS") == []
