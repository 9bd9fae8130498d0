"""Replies reach the collector of the account's last contact; crisis hand-over is judged by what follows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from wb_helpers import at, contact

from collectguard.wellbeing import ReplyRecord, StatePeriod
from collectguard.wellbeing.attribution import attribute, crisis_handling

CONTACTS = [contact(0, collector_id="c1", id="k1"), contact(30, collector_id="c2", id="k2")]

# (reply minute, expected collector): the latest contact at or before the reply, within 24 h
CASES = [(-1, None), (0, "c1"), (29, "c1"), (30, "c2"), (30 + 24 * 60, "c2"), (30 + 24 * 60 + 1, None)]


@pytest.mark.parametrize(("minute", "expected"), CASES)
def test_reply_goes_to_the_last_contact_within_a_day(minute, expected) -> None:
    (reply,) = attribute(CONTACTS, [ReplyRecord("a1", at(minute), frozenset({"anger"}))])
    assert reply.collector_id == expected


def test_a_named_collector_is_kept_and_other_accounts_do_not_match() -> None:
    named, other = attribute(
        CONTACTS,
        [ReplyRecord("a1", at(31), frozenset(), "c9"), ReplyRecord("zz", at(31), frozenset())],
    )
    assert (named.collector_id, other.collector_id) == ("c9", None)


HOLD = timedelta(hours=72)


@pytest.mark.parametrize(
    ("later_minute", "handed"),
    [(None, 1), (60, 0), (72 * 60 + 10 + 1, 1)],
    ids=["no further contact", "called again during the hold", "called after the hold"],
)
def test_crisis_hand_over(later_minute, handed) -> None:
    contacts = [contact(0, id="k1")]
    if later_minute is not None:
        contacts.append(contact(later_minute))
    replies = [ReplyRecord("a1", at(10), frozenset({"distress_self_harm"}), "c1")]
    assert crisis_handling(contacts, replies, hold=HOLD) == {"c1": (1, handed)}


def _lifted(lift_minute: float | None, *, account: str = "a1", opened: float = 10) -> list[StatePeriod]:
    return [StatePeriod(account, "crisis", at(opened), None if lift_minute is None else at(lift_minute))]


@pytest.mark.parametrize(
    ("later_minute", "states", "handed"),
    [
        (120, _lifted(90), 1),
        (90, _lifted(90), 1),
        (60, _lifted(90), 0),
        (120, _lifted(None), 0),
        (120, _lifted(90, account="a2"), 0),
        (120, _lifted(5, opened=0), 0),
        (72 * 60 + 10, [], 1),
    ],
    ids=[
        "called after a supervisor lifted the crisis",
        "called at the instant of the lift",
        "called before the lift",
        "crisis still open",
        "a lift on another account",
        "a crisis lifted before the reply",
        "called at the instant the hold ends",
    ],
)
def test_a_lift_ends_the_hand_over_window(later_minute, states, handed) -> None:
    contacts = [contact(0, id="k1"), contact(later_minute)]
    replies = [ReplyRecord("a1", at(10), frozenset({"distress_self_harm"}), "c1")]
    assert crisis_handling(contacts, replies, hold=HOLD, states=states) == {"c1": (1, handed)}


def test_only_crisis_periods_end_the_window() -> None:
    contacts = [contact(0, id="k1"), contact(120)]
    replies = [ReplyRecord("a1", at(10), frozenset({"distress_self_harm"}), "c1")]
    disputed = [StatePeriod("a1", "disputed", at(10), at(90))]
    assert crisis_handling(contacts, replies, hold=HOLD, states=disputed) == {"c1": (1, 0)}


@pytest.mark.parametrize(("hold_hours", "handed"), [(72, 0), (2, 1)])
def test_the_hold_passed_in_is_the_window(hold_hours, handed) -> None:
    contacts = [contact(0, id="k1"), contact(10 + 3 * 60)]
    replies = [ReplyRecord("a1", at(10), frozenset({"distress_self_harm"}), "c1")]
    assert crisis_handling(contacts, replies, hold=timedelta(hours=hold_hours)) == {"c1": (1, handed)}
