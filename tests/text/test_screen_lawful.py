"""Everyday lawful messages whose words also occur in the lexicons' word groups must pass the rules.

The review model is left out here: it is a statistical guess whose false alarms are measured on
the corpus (bench/screen_eval.py), and its findings only ever warn.
"""

from __future__ import annotations

import pytest

from collectguard.text.screen import Screener

LAWFUL = [
    ("Set up autopay to avoid accidentally missing a payment.", "borrower"),
    ("People who set up autopay tend to have fewer late fees.", "borrower"),
    ("We can take the car payment over the phone today.", "borrower"),
    ("Our deputy manager will call you today about your options.", "borrower"),
    ("We are very sorry for your loss. May he rest in peace. We have paused all collection.", "borrower"),
    ("Our automated payment line is available at all hours.", "borrower"),
    ("Hi, this is Anna from the clinic. I left a note behind the door.", "emergency_contact"),
    ("The paperwork is due Friday.", "emergency_contact"),
    ("Could you please make sure he gets this message and calls us back?", "emergency_contact"),
    ("We were told he works at Acme Corp. Is that still right?", "third_party"),
    ("如进入诉讼，法院可能通过电子送达方式向您送达文书。", "borrower"),
    ("抱歉经常打扰您，如果您不认识张先生，请告知我们，我们将不再联系。", "third_party"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.load(("cn", "us-regf"), mode="rules")


@pytest.mark.parametrize(("text", "to"), LAWFUL)
def test_everyday_lawful_messages_pass(screener: Screener, text: str, to: str) -> None:
    result = screener.screen(text, to=to)
    assert result.verdict == "pass", [(f.category, f.evidence) for f in result.findings]


@pytest.mark.parametrize(
    ("text", "lawful"),
    [
        (
            "A lawsuit has been filed in Harris County Justice Court, case 22-JC-04417. You will be served.",
            True,
        ),
        ("A lawsuit has been filed against you in the county court (case # 2024-CV-118).", True),
        # no court named, or no letters in the number: a ticket, a phone number, a range of days
        ("A lawsuit has been filed against you (case # 2024-CV-118).", False),
        ("A lawsuit has been filed. Just in case 1-800-555-0199 doesn't connect, call us.", False),
        ("In case 30-60 days pass without payment, we will garnish your wages.", False),
        ("A lawsuit has been filed against you.", False),
    ],
)
def test_a_case_named_by_its_number_makes_a_filed_lawsuit_told(
    screener: Screener, text: str, lawful: bool
) -> None:
    result = screener.screen(text)
    assert (result.verdict == "pass") is lawful, [(f.category, f.evidence) for f in result.findings]
