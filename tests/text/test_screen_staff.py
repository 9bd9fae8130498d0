"""Memos to staff: orders and scripts for unlawful acts are flagged (tests/text/data/staff_memos.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectguard.text.rewrite import language_of
from collectguard.text.screen import Screener

_CASES = yaml.safe_load((Path(__file__).parent / "data" / "staff_memos.yaml").read_text(encoding="utf-8"))
#: the pack each language's memos are screened with, as bench/screen_eval.py does
_PACKS = {"zh": "cn", "en": "us-regf"}


@pytest.fixture(scope="module")
def screeners() -> dict[str, Screener]:
    return {lang: Screener.load((pack,)) for lang, pack in _PACKS.items()}


@pytest.mark.parametrize("text", _CASES["orders"])
def test_order_is_flagged(screeners: dict[str, Screener], text: str) -> None:
    assert screeners[language_of(text)].screen(text, to="staff").verdict != "pass"


def test_a_full_id_number_counts_in_a_report(screeners: dict[str, Screener]) -> None:
    memo = "质检通报：3号坐席把借款人身份证号110101199003071233发给了他妈，属违规，已扣分。"
    assert "privacy_exposure" in {f.category for f in screeners["zh"].screen(memo, to="staff").findings}
