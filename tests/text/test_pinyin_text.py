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
        "Nima, same date here",  # English words that split into syllables seldom stand alone as one
        "Dani came here, Dani made a date",
        "a" * 20000,  # no pinyin word is that long (and it is not read in quadratic time)
        "你再不还钱 ming tian qu ni jia",  # a message with Chinese characters is read as it is
    ],
)
def test_english_and_short_texts_are_not_pinyin(text: str) -> None:
    assert read_pinyin(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Ni zai bu huan qian，ming tian qu ni dan wei",  # a Chinese comma
        "nǐ zài bù huán qián, míng tiān qù nǐ dān wèi",  # tone marks
        "ni3 zai4 bu4 huan2 qian2, ming2 tian1 qu4 ni3 dan1 wei4",  # tone digits
        "ni zai bu huan qian, ming tian qu ni dan wei. Thanks, Collections Team",  # an English sign-off
    ],
)
def test_pinyin_is_read_through_tone_marks_digits_and_other_punctuation(text: str) -> None:
    read = read_pinyin(text)
    assert read is not None and "你再不还钱" in read[0] and "单位" in read[0]


def test_a_word_is_read_as_it_is_said_not_in_every_reading_of_its_characters(screener: Screener) -> None:
    # 案底 is an di: "xi'an de fen gong si" (西安的分公司) names no criminal record
    assert screener.screen("wo men zai xi'an de fen gong si ke yi ban li").verdict == "pass"


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


@pytest.mark.parametrize("text", ["Makukulong ka na po", "Bayaran mo na, makukulong ka na"])
def test_a_message_that_only_spells_pinyin_is_screened_as_written_too(text: str) -> None:
    # Tagalog "you'll be jailed" spells pinyin syllables; its English-pack reading still finds the threat
    assert read_pinyin(text) is not None
    result = Screener.load(("us-regf",), mode="rules").screen(text)
    assert "false_legal_consequence" in {f.category for f in result.findings}
