"""Every conformance case through the library, and every shipped rule covered by one."""

from __future__ import annotations

import pytest

from collectguard.policy import load_packs, shipped_pack_names
from collectguard.policy.scenario import parse_scenario, simulate
from conformance_cases import load_cases, rules_covered

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_through_library(case):
    scenario = parse_scenario(case.scenario())
    (decision,) = simulate(scenario.packs, scenario.account, scenario.attempts, history=scenario.history)
    case.check(decision.to_dict())


def test_every_shipped_rule_has_a_denying_case():
    shipped = {rule.id for pack in load_packs(shipped_pack_names()) for rule in pack.rules}
    missing = shipped - rules_covered(CASES)
    assert not missing, f"rules without a conformance case: {sorted(missing)}"


def test_every_denial_carries_citation_and_both_languages():
    for case in CASES:
        scenario = parse_scenario(case.scenario())
        (decision,) = simulate(scenario.packs, scenario.account, scenario.attempts, history=scenario.history)
        for denial in decision.denials:
            assert denial.citation and denial.message_zh and denial.message_en
            assert denial.pack_version
