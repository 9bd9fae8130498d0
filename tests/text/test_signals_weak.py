"""Weak crisis cues in combination: found together, harmless alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectguard.errors import DataFileError
from collectguard.text.normalize import normalize
from collectguard.text.signal_weak import load_weak, weak_crisis
from collectguard.text.signals import detect

DATA = Path(__file__).parent / "data"
CASES = yaml.safe_load((DATA / "signals_cases.yaml").read_text(encoding="utf-8"))["weak_combinations"]
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "collectguard" / "data" / "signals" / "weak_cues.yaml"


@pytest.mark.parametrize("text", CASES["must_match"])
def test_combination_is_a_low_confidence_crisis(text):
    signal = weak_crisis(normalize(text))
    assert signal is not None and signal.type == "distress_self_harm"
    assert signal.confidence < 0.5 and signal.cue.startswith("weak cues:")
    assert signal.evidence == text[signal.start : signal.end]
    assert "distress_self_harm" in {s.type for s in detect(text)}


@pytest.mark.parametrize("text", CASES["must_not_match"])
def test_single_kinds_or_harmless_pairs_are_not(text):
    assert weak_crisis(normalize(text)) is None


def test_weak_layer_can_be_switched_off():
    text = CASES["must_match"][0]
    assert "distress_self_harm" not in {s.type for s in detect(text, weak=False)}


def test_broken_weak_file_names_the_field(tmp_path):
    broken = tmp_path / "weak_cues.yaml"
    broken.write_text(
        SHIPPED.read_text(encoding="utf-8").replace("[absence, finality]", "[absence, nosuchkind]"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_weak(broken)
    assert "weak_cues.yaml" in str(info.value)
