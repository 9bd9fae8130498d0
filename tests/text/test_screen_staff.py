"""Memos to staff: orders and scripts for unlawful acts are flagged (tests/text/data/staff_memos.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectguard.text.screen import Screener

_CASES = yaml.safe_load((Path(__file__).parent / "data" / "staff_memos.yaml").read_text(encoding="utf-8"))


def _pack(text: str) -> str:
    return "cn" if any("\u4e00" <= c <= "\u9fff" for c in text) else "us-regf"


@pytest.fixture(scope="module")
def screeners() -> dict[str, Screener]:
    return {p: Screener.load((p,)) for p in ("cn", "us-regf")}


@pytest.mark.parametrize("text", _CASES["orders"])
def test_order_is_flagged(screeners: dict[str, Screener], text: str) -> None:
    assert screeners[_pack(text)].screen(text, to="staff").verdict != "pass"


def test_a_full_id_number_counts_in_a_report(screeners: dict[str, Screener]) -> None:
    memo = "质检通报：3号坐席把借款人身份证号110101199003071233发给了他妈，属违规，已扣分。"
    assert "privacy_exposure" in {f.category for f in screeners["cn"].screen(memo, to="staff").findings}
