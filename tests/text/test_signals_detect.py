"""Detection behaviour from a data table: must-match and must-not-match rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectguard.errors import ValidationError
from collectguard.text.signals import SIGNAL_TYPES, detect

CASES = yaml.safe_load((Path(__file__).parent / "data" / "signals_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["must_match"], ids=lambda c: c["text"])
def test_must_match(case):
    found = detect(case["text"])
    types = {s.type for s in found}
    assert set(case["signals"]) <= types, found
    for absent in case.get("absent", []):
        assert absent not in types, found
    if case.get("by_cue"):  # a cue must read it, not only a recall layer
        assert {s.type for s in found if s.origin == "cue"} >= set(case["signals"]), found
    first = next(s for s in found if s.type == case["signals"][0])
    if "subject" in case:
        assert first.subject == case["subject"]
    if "scope" in case:
        assert first.scope == case["scope"]
    if "hours" in case:
        assert [list(w) for w in first.hours] == case["hours"]
        assert list(first.days) == case.get("days", []), "the hours hold on every day unless days are given"
    if "max_confidence" in case:
        assert first.confidence <= case["max_confidence"]


@pytest.mark.parametrize("case", CASES["must_not_match"], ids=lambda c: c["text"])
def test_must_not_match(case):
    found = detect(case["text"])
    absent = set(SIGNAL_TYPES if case["absent"] == "all" else case["absent"])
    if case.get("model_alarm"):
        # a known false alarm of a recall model, measured on the corpus: only the model may raise it
        assert not {s.type for s in found if s.origin != "model"} & absent, found
        assert {s.type for s in found if s.origin == "model"} & absent, (
            "the model no longer alarms: drop model_alarm"
        )
        return
    assert not {s.type for s in found} & absent, found


@pytest.mark.parametrize(
    "text",
    [
        "對不起，我真的盡力了",
        "我  想  死",
        "Ｉ ＣＡＮ'Ｔ ＧＯ ＯＮ",
        "喂！！！別再打我單位電話了，我要投訴",
        "I do n't owe this!!",
    ],
)
def test_spans_index_the_original_text(text):
    signals = detect(text)
    assert signals
    for s in signals:
        assert 0 <= s.start < s.end <= len(text)
        assert s.evidence == text[s.start : s.end]


def test_negation_lowers_self_harm_but_never_removes_it():
    direct = detect("我会自杀")[0]
    negated = detect("我不会自杀")[0]
    assert negated.type == direct.type == "distress_self_harm"
    assert negated.confidence < direct.confidence


def test_confidence_reflects_directness():
    direct = detect("我想自杀")[0].confidence
    indirect = detect("以后不用找我了")[0].confidence
    vague = detect("我已经尽力了")[0].confidence
    assert direct > indirect > vague


def test_conditional_lowers_confidence_but_keeps_the_intent():
    plain = detect("我要投诉")[0].confidence
    conditional = detect("如果你们再这样，我就投诉")[0]
    assert conditional.type == "complaint_intent"
    assert conditional.confidence < plain


def test_lang_limits_the_lexicons():
    # the models read any language (the recall layers); the cue lexicons are the ones lang limits
    assert detect("stop calling me", lang="zh", weak=False) == ()
    assert detect("stop calling me", lang="en", weak=False)


def test_to_dict_puts_contract_keys_first():
    sig = detect("我要投诉")[0]
    assert list(sig.to_dict())[:4] == ["type", "start", "end", "confidence"]
    assert sig.contract() == {k: sig.to_dict()[k] for k in ("type", "start", "end", "confidence")}


def test_neutral_and_empty_texts_have_no_signal():
    assert detect("") == ()
    assert detect("好的，收到") == ()


def test_bad_input_is_a_validation_error():
    with pytest.raises(ValidationError):
        detect(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        detect("hi", lang="fr")


@pytest.mark.parametrize(
    "text", ["想死。算了，不说了", "活着没意思，不用管我了", "I want to die. nah forget it"]
)
def test_resignation_after_a_crisis_cue_keeps_its_confidence(text):
    crisis = [s for s in detect(text) if s.type == "distress_self_harm"]
    assert crisis and crisis[0].confidence >= 0.8


def test_a_context_file_that_would_suppress_a_crisis_is_refused(tmp_path):
    from collectguard.errors import DataFileError
    from collectguard.text.signal_lexicon import load_context

    shipped = (
        Path(__file__).resolve().parents[2] / "src" / "collectguard" / "data" / "signals" / "context.yaml"
    )
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    data["retraction"]["suppress"] = [*data["retraction"].get("suppress", []), "distress_self_harm"]
    broken = tmp_path / "context.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="never suppressed"):
        load_context(broken)
