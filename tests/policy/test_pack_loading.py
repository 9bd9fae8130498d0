"""Packs load and validate with positions; overlays may tighten and never loosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectguard.errors import DataFileError, OverlayLoosensError, UnknownRulePackError
from collectguard.policy import load_pack, shipped_pack_names
from collectguard.policy.schema import ALL_CHANNELS

BROKEN = Path(__file__).parent / "packs_broken"


def test_every_shipped_pack_loads_with_citations_and_messages():
    assert {"cn", "us-regf"} <= set(shipped_pack_names())
    for name in shipped_pack_names():
        pack = load_pack(name)
        assert pack.rules
        for rule in pack.rules:
            assert rule.spec.citation and rule.spec.message_zh and rule.spec.message_en
        for content in pack.content_rules:
            assert content.citation and content.message_zh and content.message_en


def test_every_message_category_has_a_content_rule_in_each_pack():
    categories = {
        "threat", "insult", "impersonation", "false_legal_consequence", "third_party_disclosure",
        "contact_third_party", "harassment", "privacy_exposure", "demand_from_third_party",
        "induce_borrowing", "improper_payment_channel",
    }  # fmt: skip
    for name in shipped_pack_names():
        assert {c.category for c in load_pack(name).content_rules} >= categories, name


def test_unknown_pack_is_a_clear_error():
    with pytest.raises(UnknownRulePackError, match=r"unknown rule pack 'xx'.*cn"):
        load_pack("xx")


@pytest.mark.parametrize(
    ("file", "needle"),
    [
        ("bad_kind.yaml", r"bad_kind.yaml: rule broken.hours \(rules\[0\]\) field params.end"),
        ("reversed_window.yaml", r"rule broken.hours .* start must be before end"),
        ("no_citation.yaml", r"rule broken.cap \(rules\[1\]\) field citation: Field required"),
    ],
)
def test_broken_packs_name_file_rule_and_field(file, needle):
    with pytest.raises(DataFileError, match=needle):
        load_pack(BROKEN / file)


@pytest.mark.parametrize(
    ("file", "field"),
    [
        ("loosen_hours.yaml", "params.end"),
        ("loosen_cap.yaml", "params.limit"),
        ("disable_rule.yaml", "enabled"),
        ("narrow_parties.yaml", "applies.parties"),
        ("narrow_scope.yaml", "params.scope"),
    ],
)
def test_overlays_that_loosen_are_refused(file, field):
    with pytest.raises(OverlayLoosensError) as info:
        load_pack(BROKEN / file)
    assert info.value.field == field
    assert "rule cn." in str(info.value)


def test_overlay_that_tightens_loads_and_keeps_other_rules():
    pack = load_pack(Path(__file__).parents[1] / "conformance" / "overlays" / "cn-evening-21.yaml")
    assert pack.name == "cn+evening-21"
    assert pack.rule("cn.hours").spec.params.end.hour == 21
    assert pack.rule("cn.connected_daily_cap").spec.params.limit == 2
    assert {r.id for r in pack.rules} == {r.id for r in load_pack("cn").rules}
    assert set(pack.rule("cn.hours").channels) == {str(c) for c in ALL_CHANNELS}


def test_load_pack_accepts_a_loaded_pack_and_refuses_other_objects():
    from collectguard.errors import ValidationError
    from collectguard.policy import load_packs

    cn = load_pack("cn")
    assert load_pack(cn) is cn
    assert load_packs(cn) == (cn,)
    with pytest.raises(ValidationError, match="not int"):
        load_pack(3)  # type: ignore[arg-type]
