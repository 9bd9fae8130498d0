"""Words named in quotation marks to be denied or warned against are not said; quoted threats still are."""

from __future__ import annotations

import pytest

from collectguard.text.screen import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    # the rules alone: quotation and negation are theirs; the review model's false alarms (it warns on
    # 普通借款逾期不是犯罪 since it learned written16's wording) are measured on the corpus
    return Screener.load(("cn", "us-regf"), mode="rules")


@pytest.fixture(scope="module")
def full() -> Screener:
    return Screener.load(("cn", "us-regf"))


NAMED = [
    "您上次说担心我们会“爆通讯录”，这里明确告诉您：我们不会，也不允许这样做。",
    "您之前问“会不会坐牢”，我们可以很负责地回答：不会。",
    "有人说我们会“上门”，请放心，我们从不上门。",
    'You may have heard the word "arrest" from other callers. You will not be arrested over this debt.',
    "除合同约定的违约金外，不收取任何所谓“手续费”“加急费”。",
]
SAID = [
    "再不还，“上门”的就是我们的人。",
    "我们会“爆通讯录”，你等着。",
    "Pay today or we send the 'sheriff' to your door.",
    # an apostrophe is not a quote, and a later negation does not make a quote a mention
    "You'll be arrested tomorrow if you don't pay. Don't ignore this.",
    "我们说了“要让你坐牢”，不是吓唬你。",
    "你这不是要坐牢吗？",  # a rhetorical question asserts what its 不是 seems to deny
    "\"We will have you arrested\" - don't say we didn't warn you.",
]
NEGATION_INTO_HIT = ["普通借款逾期不是犯罪。", "逾期不会影响子女入学、就业或出行。"]
# 不影响 and 千万别 are no negation of what follows them here
PRESSURE = ["投诉也不影响我们天天给你打电话", "千万别忘了明天我们上门找你", "千万别以为我们不敢上门找你"]


@pytest.mark.parametrize("text", NAMED + NEGATION_INTO_HIT)
def test_named_or_denied_words_pass(screener: Screener, text: str) -> None:
    result = screener.screen(text)
    assert result.verdict == "pass", [(f.category, f.evidence) for f in result.findings]


@pytest.mark.parametrize("text", NAMED + NEGATION_INTO_HIT)
def test_with_the_model_the_named_or_denied_words_at_most_warn(full: Screener, text: str) -> None:
    """The review model may read the words without their denial (it warns on 普通借款逾期不是犯罪), but
    it only ever warns, and the rules beside it stay silent."""
    result = full.screen(text)
    assert result.verdict != "block"
    assert {f.source for f in result.findings} <= {"model"}, [
        (f.category, f.evidence) for f in result.findings
    ]


@pytest.mark.parametrize("text", SAID)
def test_quoted_threats_are_still_found(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "block"


@pytest.mark.parametrize("text", PRESSURE)
def test_pressure_behind_a_negation_word_is_found(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict != "pass"
