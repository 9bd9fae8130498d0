"""Replies reach the collector of the account's last contact; crisis hand-over is judged by what follows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from wb_helpers import at, contact

from collectguard.wellbeing import ReplyRecord
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
