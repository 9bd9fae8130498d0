"""Messages typed wholly in pinyin are read as characters that point back at their syllables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.text.pinyin_text import pinyin_message, read_pinyin
from collectguard.text.screen import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.load(("cn",), mode="rules")


def test_a_pinyin_message_is_read_in_lexicon_words_and_each_character_points_at_its_syllable() -> None:
    text = "Ni zai bu huan qian, ming tian jiu qu ni dan wei"
    read = read_pinyin(text)
    assert read is not None
    s, (starts, ends) = read
    assert s == "你再不还钱, 明天就去你单位"
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)][:5] == ["Ni", "zai", "bu", "huan", "qian"]


def test_joined_syllables_are_split() -> None:
    read = read_pinyin("ming tian bao ni tongxunlu")
    assert read is not None and read[0].endswith("通讯录")


@pytest.mark.parametrize(
    "text",
    [
        "I will call you tomorrow about the balance",
        "Linda, nice to meet you",
        "Please pay by Friday, ref 4471",
        "hao de",  # too short to tell
        "ok",
    ],
)
def test_english_and_short_texts_are_not_pinyin(text: str) -> None:
    assert read_pinyin(text) is None


def test_a_latin_word_that_is_no_pinyin_is_kept() -> None:
    read = read_pinyin("zhuan dao wo ge ren zhang hu, bie zou AP")
    assert read is not None and read[0] == "转到我个人账户, 别走 ap"


@pytest.mark.parametrize(
    ("text", "to", "expect"),
    [
        (
            "ni zai bu huan qian, ming tian jiu qu ni dan wei zhao ni ling dao",
            "borrower",
            "contact_third_party",
        ),
        ("lu kou zi ba, jin tian bi xu huan", "borrower", "induce_borrowing"),
        ("wei xin zhuan wo jiu xing, bu yong zou guan fang qu dao", "borrower", "improper_payment_channel"),
        (
            "ni shi ta ma ma ba? bang ta ba zhe bi qian huan yi xia ba",
            "emergency_contact",
            "demand_from_third_party",
        ),
    ],
)
def test_pinyin_violations_are_found_in_the_original_syllables(
    screener: Screener, text: str, to: str, expect: str
) -> None:
    result = screener.screen(text, to=to)
    found = [f for f in result.findings if f.category == expect]
    assert found, result.findings
    assert all(text[f.start : f.end].strip() and text[f.start : f.end].isascii() for f in found)


def test_a_reassurance_in_pinyin_passes(screener: Screener) -> None:
    assert screener.screen("wo men bu hui lian xi ni de jia ren, qing fang xin").verdict == "pass"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.?!0123456789'", max_size=80))
def test_any_ascii_text_reads_or_not_with_offsets_inside_it(text: str) -> None:
    read = read_pinyin(text)
    if read is None:
        return
    s, (starts, ends) = read
    assert len(s) == len(starts) == len(ends)
    assert all(0 <= a < b <= len(text) for a, b in zip(starts, ends, strict=True))
    assert starts == sorted(starts)
    assert pinyin_message(text.lower()) is not None
