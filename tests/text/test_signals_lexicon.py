"""The cue-pattern language and the lexicon loader: expansion, validation with positions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectguard.errors import DataFileError
from collectguard.text.signal_lexicon import build, load_cue_file, shipped_lexicon, spellings
from collectguard.text.signal_patterns import PatternError, expand
from collectguard.text.signal_schema import ContextFile
from collectguard.text.signals import detect

DATA = Path(__file__).parent / "data" / "signals_broken"
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "collectguard" / "data" / "signals"


@pytest.mark.parametrize(
    ("pattern", "classes", "expected"),
    [
        ("滚", {}, [("滚",)]),
        ("(我|)不想活", {}, [("不想活",), ("我不想活",)]),
        ("对不起…尽力了", {}, [("对不起", "尽力了")]),
        ("照顾好{f}", {"f": ["孩子", "我妈"]}, [("照顾好我妈",), ("照顾好孩子",)]),
        ("({f}|我)…走", {"f": ["他"]}, [("他", "走"), ("我", "走")]),
        ("a (b|c (d|e))", {}, [("a b",), ("a c d",), ("a c e",)]),
    ],
)
def test_expand(pattern, classes, expected):
    assert sorted(expand(pattern, classes)) == sorted(expected)


@pytest.mark.parametrize("pattern", ["", "(a", "a)", "{x}", "…a", "(|)", "(a|b" * 3])
def test_expand_rejects(pattern):
    with pytest.raises(PatternError):
        expand(pattern, {})


def test_expand_refuses_explosions():
    with pytest.raises(PatternError):
        expand("(a|b|c|d)" * 7, {})


def test_contraction_spellings():
    assert set(spellings("don't")) == {"don't", "don’t", "do n't", "dont"}
    assert spellings("stop") == ["stop"]


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("cues.bad_confidence.yaml", "signals.anger.0.c"),
        ("cues.bad_pattern.yaml", "signals.dispute[0].p"),
        ("cues.unknown_class.yaml", "signals.hardship[0].p"),
        ("cues.unknown_signal.yaml", "signals.sadness"),
    ],
)
def test_broken_cue_files_name_file_and_field(name, field):
    with pytest.raises(DataFileError) as info:
        load_cue_file(DATA / name)
    assert name in str(info.value)
    assert info.value.field is not None and info.value.field.startswith(field)


def test_shipped_lexicon_loads_and_covers_every_signal_in_both_languages():
    lexicon = shipped_lexicon()
    covered = {(c.signal, c.lang) for c in lexicon.cues}
    from collectguard.text.signals import SIGNAL_TYPES

    assert {(s, lang) for s in SIGNAL_TYPES for lang in ("zh", "en")} <= covered


def test_a_lexicon_can_be_built_from_other_files(tmp_path):
    cues = tmp_path / "cues.x.yaml"
    cues.write_text('version: "1"\nlang: zh\ngap: 4\nsignals:\n  hardship:\n    - {p: "揭不开锅", c: 0.8}\n')
    lexicon = build([cues], SHIPPED / "context.yaml")
    assert [s.type for s in detect("家里揭不开锅了", lexicon=lexicon)] == ["hardship"]
    assert detect("我失业了", lexicon=lexicon) == ()


def test_pinyin_forms_of_a_chinese_cue():
    from collectguard.text.signal_pinyin import pinyin_forms

    assert {"bu xiang huo", "buxianghuo"} <= set(pinyin_forms("不想活"))
    assert {"tou su", "投su", "tou诉"} <= set(pinyin_forms("投诉"))
    # two joined syllables collide with English words ("made" is 妈的); one character is too short
    assert "made" not in pinyin_forms("妈的")
    assert pinyin_forms("死") == [] and pinyin_forms("ok") == []


@pytest.mark.parametrize(
    ("release", "named"),
    [
        # a release may never drop a crisis signal
        ('{phrase: "开玩笑的", signals: [distress_self_harm]}', "crisis"),
        # nor yield to a word list the file does not have
        ('{phrase: "请查收", signals: [dispute], yields_to: nosuch}', "nosuch"),
        # nor widen a third person's reading it does not have
        ('{phrase: "下周一还", signals: [hardship], named_before: true}', "named_before"),
    ],
)
def test_a_broken_release_is_refused(tmp_path, release, named):
    context = (SHIPPED / "context.yaml").read_text(encoding="utf-8")
    path = tmp_path / "context.yaml"
    path.write_text(context.replace("releases:\n", f"releases:\n  - {release}\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        build([SHIPPED / "cues.zh.yaml"], path)
    assert (
        info.value.field is not None and info.value.field.startswith("releases") and named in str(info.value)
    )


def test_a_cue_that_needs_an_unlisted_word_list_is_refused(tmp_path):
    cues = tmp_path / "cues.x.yaml"
    cues.write_text(
        'version: "1"\nlang: zh\ngap: 4\nsignals:\n  dispute:\n    - {p: "还了", c: 0.8, needs: nosuch}\n'
    )
    with pytest.raises(DataFileError) as info:
        build([cues], SHIPPED / "context.yaml")
    assert info.value.field == "needs" and "nosuch" in str(info.value)


def test_a_cue_with_needs_counts_only_beside_a_word_of_its_list(tmp_path):
    cues = tmp_path / "cues.x.yaml"
    cues.write_text(
        'version: "1"\nlang: zh\ngap: 4\nsignals:\n  dispute:\n    - {p: "还了", c: 0.8, needs: contest}\n'
    )
    lexicon = build([cues], SHIPPED / "context.yaml")
    assert detect("钱还了", lexicon=lexicon) == ()
    assert [s.type for s in detect("还了，有转账记录", lexicon=lexicon)] == ["dispute"]


def test_story_words_matched_as_written_are_kept_in_the_normalised_form() -> None:
    from collectguard.text.signal_schema import OthersStory

    story = OthersStory(
        words={"zh": ["新闻"]}, taken_as_own={"en": ["WE'RE"]}, reactions={"zh": ["看得我心驚膽戰"]}
    )
    assert story.reactions["zh"] == ["看得我心惊胆战"] and story.taken_as_own["en"] == ["we're"]


def test_the_borrowers_first_person_words_are_kept_in_the_normalised_form() -> None:
    context = yaml.safe_load((SHIPPED / "context.yaml").read_text(encoding="utf-8"))
    context["first_person"] = {"zh": ["我", "阿拉"], "en": ["I'M"]}
    context["first_person_exceptions"] = ["阿拉伯"]
    spec = ContextFile.model_validate(context)
    assert spec.first_person["en"] == ["i'm"] and spec.first_person_exceptions == ["阿拉伯"]


def test_a_story_is_the_borrowers_own_by_their_first_person_words_or_the_words_taking_it_as_theirs() -> None:
    assert [s.type for s in detect("看了那个新闻，阿拉想死")] == [
        "distress_self_harm"
    ]  # Wu: 阿拉, the borrower
    assert [s.type for s in detect("看了那个新闻，有人被逼得想死")] == []


def test_a_marker_exception_may_name_only_a_class_the_context_file_has(tmp_path):
    context = (SHIPPED / "context.yaml").read_text(encoding="utf-8")
    assert "{people}" in context  # the shipped exceptions name it
    path = tmp_path / "context.yaml"
    path.write_text(context.replace("{people}", "{nosuch}", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        build([SHIPPED / "cues.zh.yaml"], path)
    assert "nosuch" in str(info.value)


def test_only_a_crisis_guard_may_hold_a_part_of_a_crisis_cue() -> None:
    from collectguard.text.signal_schema import Guard

    assert Guard(phrase="跳楼机", signals=["distress_self_harm"], parts=True).parts
    with pytest.raises(ValueError, match="only a crisis guard"):
        Guard(phrase="投诉有用吗", signals=["complaint_intent"], parts=True)
