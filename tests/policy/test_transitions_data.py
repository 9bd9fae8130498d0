"""transitions.yaml: every rule it names exists in its pack, and broken files fail with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectguard.errors import DataFileError, UnknownRulePackError
from collectguard.policy import load_pack
from collectguard.policy.transitions import load_transitions, transitions
from collectguard.text.signals import SIGNAL_TYPES, Signal

SHIPPED = Path(__file__).resolve().parents[2] / "src" / "collectguard" / "data" / "transitions.yaml"


def test_every_named_pack_rule_exists_and_citations_come_from_the_pack():
    for pack_name, entries in load_transitions().items():
        pack = load_pack(pack_name)
        for entry in entries:
            if entry.rule.startswith("policy."):
                assert entry.citation
                continue
            assert entry.citation == pack.rule(entry.rule).spec.citation


def test_every_signal_but_anger_changes_something_in_every_pack():
    for pack_name, entries in load_transitions().items():
        assert {e.signal for e in entries} == set(SIGNAL_TYPES) - {"anger"}, pack_name


@pytest.mark.parametrize(
    ("mutation", "field"),
    [
        (("rule: cn.hold.dispute", "rule: cn.hold.nosuch"), "packs.cn[2].rule"),
        (("state: disputed", "state: sulking"), "packs.cn.2.state"),
        (
            (
                "min_confidence: 0.5\n      reason_zh: 借款人对债务",
                "min_confidence: 7\n      reason_zh: 借款人对债务",
            ),
            "packs.cn.2.min_confidence",
        ),
    ],
)
def test_broken_transitions_name_the_entry(tmp_path, mutation, field):
    text = SHIPPED.read_text(encoding="utf-8")
    assert mutation[0] in text
    broken = tmp_path / "transitions.yaml"
    broken.write_text(text.replace(mutation[0], mutation[1], 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_transitions(broken)
    assert info.value.field == field
    assert "transitions.yaml" in str(info.value)


def test_low_confidence_non_crisis_signals_change_nothing_but_crisis_always_does():
    weak_dispute = Signal(type="dispute", start=0, end=1, confidence=0.3, evidence="x")
    weak_crisis = Signal(type="distress_self_harm", start=0, end=1, confidence=0.1, evidence="x")
    assert transitions([weak_dispute]) == ()
    assert [c.state for c in transitions([weak_crisis])] == ["crisis"]


def test_unknown_pack():
    with pytest.raises(UnknownRulePackError):
        transitions([], packs=("mars",))


def test_a_model_guess_opens_crisis_for_review_and_a_cue_keeps_the_minimum_hold():
    guess = Signal(type="distress_self_harm", start=0, end=1, confidence=0.3, evidence="x", origin="model")
    cue = Signal(type="distress_self_harm", start=0, end=1, confidence=0.9, evidence="x")
    # a denied or quoted cue scores low, but it is still a cue: it keeps the minimum hold
    denied = Signal(type="distress_self_harm", start=0, end=1, confidence=0.27, evidence="x")
    weak = Signal(type="distress_self_harm", start=0, end=1, confidence=0.4, evidence="x", origin="weak")
    for kept in (denied, weak):
        (change,) = transitions([kept])
        assert (change.review, change.min_hold_hours) == (False, 72), kept
    (review,) = transitions([guess])
    assert (review.state, review.review, review.min_hold_hours) == ("crisis", True, 0)
    assert review.supervisor_clears
    (held,) = transitions([cue], crisis_hold_hours=96)
    assert (held.review, held.min_hold_hours) == (False, 96)
    (both,) = transitions([guess, cue])
    assert (both.review, both.min_hold_hours) == (False, 72)


def test_review_is_refused_for_anything_but_a_crisis_on_the_model_alone(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    broken = tmp_path / "transitions.yaml"
    broken.write_text(text.replace("      origin: [model]\n", "", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="review is only for a crisis"):
        load_transitions(broken)
