"""Words named in quotation marks to be denied or warned against are not said; quoted threats still are."""

from __future__ import annotations

import pytest

from collectguard.text.screen import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.load(("cn", "us-regf"))


NAMED = [
    "您上次说担心我们会“爆通讯录”，这里明确告诉您：我们不会，也不允许这样做。",
    "您之前问“会不会坐牢”，我们可以很负责地回答：不会。",
    "有人说我们会“上门”，请放心，我们从不上门。",
    "You may have heard the word 'arrest' from other callers. You will not be arrested over this debt.",
]
SAID = [
    "再不还，“上门”的就是我们的人。",
    "我们会“爆通讯录”，你等着。",
    "Pay today or we send the 'sheriff' to your door.",
]
NEGATION_INTO_HIT = ["普通借款逾期不是犯罪。", "逾期可能影响贷款审批，但不会影响子女入学、就业或出行。"]


@pytest.mark.parametrize("text", NAMED + NEGATION_INTO_HIT)
def test_named_or_denied_words_pass(screener: Screener, text: str) -> None:
    result = screener.screen(text)
    assert result.verdict == "pass", [(f.category, f.evidence) for f in result.findings]


@pytest.mark.parametrize("text", SAID)
def test_quoted_threats_are_still_found(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "block"
