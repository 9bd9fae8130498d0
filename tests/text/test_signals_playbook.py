"""Playbooks and the reply facade: guidance per signal, crisis resources per region."""

from __future__ import annotations

import pytest

from collectguard.errors import ValidationError
from collectguard.text.signals import SIGNAL_TYPES, Signal, analyze_reply, playbook, regions


def _sig(kind: str) -> Signal:
    return Signal(type=kind, start=0, end=1, confidence=0.9, evidence="x")


@pytest.mark.parametrize("kind", SIGNAL_TYPES)
def test_every_signal_has_bilingual_guidance(kind):
    book = playbook([_sig(kind)])
    assert [g.signal for g in book.guidance] == [kind]
    guide = book.guidance[0]
    for line in (guide.title, *guide.say, *guide.avoid, *guide.steps):
        assert line.zh and line.en


@pytest.mark.parametrize(("region", "number"), [("cn", "12356"), ("us", "988"), ("uk", "116 123")])
def test_crisis_gives_regional_support_and_stops_collection(region, number):
    book = playbook([_sig("anger"), _sig("distress_self_harm")], region=region)
    assert book.stop_collection
    assert book.guidance[0].signal == "distress_self_harm"
    assert book.crisis is not None
    assert number in [r.contact for r in book.crisis.resources]
    assert any(number in line.zh and number in line.en for line in book.crisis.end_call)
    assert book.crisis.handover


def test_no_crisis_no_crisis_plan():
    book = playbook([_sig("hardship")])
    assert book.crisis is None and not book.stop_collection
    assert playbook([]).guidance == ()


def test_regions_and_unknown_region():
    assert {"cn", "us", "uk"} <= set(regions())
    with pytest.raises(ValidationError):
        playbook([_sig("anger")], region="mars")


def test_analyze_reply_has_the_api_shape():
    result = analyze_reply(
        "对不起，我真的尽力了，以后不用找我了", packs=("cn", "us-regf"), region="cn"
    ).to_dict()
    assert set(result) == {"signals", "states", "playbook"}
    assert {s["type"] for s in result["signals"]} == {"distress_self_harm"}
    assert {(c["pack"], c["state"], c["rule"]) for c in result["states"]} == {
        ("cn", "crisis", "cn.hold.crisis"),
        ("us-regf", "crisis", "us.regf.crisis"),
    }
    assert result["playbook"]["stop_collection"] is True


def test_neutral_reply():
    result = analyze_reply("好的，明天转账")
    assert result.neutral and result.state_changes == () and result.playbook.guidance == ()
