"""Who absorbed a reply: the collector of the account's last contact before it.

Stored replies name the account, not the collector, so the service attributes each to
the collector whose contact it most plausibly answers: the latest contact on the same
account at or before the reply, if not older than ``within``. A crisis reply is then judged
by what its collector did until the crisis hold ended or a supervisor lifted the crisis.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from collectguard.model import AccountState
from collectguard.wellbeing.records import ContactRecord, ReplyRecord, StatePeriod

#: a reply the next day to an evening SMS still lands on its sender
DEFAULT_WITHIN = timedelta(hours=24)


class LastContact:
    """Contacts indexed by account for "who contacted this account last before t?"."""

    def __init__(self, contacts: Iterable[ContactRecord]) -> None:
        by_account: dict[str, list[ContactRecord]] = defaultdict(list)
        for c in contacts:
            by_account[c.account_id].append(c)
        self._contacts = {a: sorted(cs, key=lambda c: c.started_at) for a, cs in by_account.items()}
        self._stamps = {a: [c.started_at for c in cs] for a, cs in self._contacts.items()}

    def before(
        self, account_id: str, at: datetime, within: timedelta = DEFAULT_WITHIN
    ) -> ContactRecord | None:
        stamps = self._stamps.get(account_id)
        if not stamps:
            return None
        i = bisect.bisect_right(stamps, at) - 1
        if i < 0 or at - stamps[i] > within:
            return None
        return self._contacts[account_id][i]

    def any_between(self, account_id: str, collector_id: str, after: datetime, until: datetime) -> bool:
        """Whether ``collector_id`` contacted the account strictly between ``after`` and ``until``."""
        stamps = self._stamps.get(account_id, [])
        lo, hi = bisect.bisect_right(stamps, after), bisect.bisect_left(stamps, until)
        return any(c.collector_id == collector_id for c in self._contacts.get(account_id, [])[lo:hi])


def attribute(
    contacts: Iterable[ContactRecord], replies: Iterable[ReplyRecord], *, within: timedelta = DEFAULT_WITHIN
) -> list[ReplyRecord]:
    """Replies with ``collector_id`` and ``contact_id`` filled in where a contact explains them."""
    index = LastContact(contacts)
    out = []
    for r in replies:
        if r.collector_id is None:
            last = index.before(r.account_id, r.at, within)
            if last is not None:
                r = ReplyRecord(r.account_id, r.at, r.signals, last.collector_id, r.contact_id or last.id)
        out.append(r)
    return out


def _crisis_periods(states: Iterable[StatePeriod]) -> dict[str, list[StatePeriod]]:
    by_account: dict[str, list[StatePeriod]] = defaultdict(list)
    for p in states:
        if p.state == AccountState.CRISIS.value:
            by_account[p.account_id].append(p)
    return by_account


def crisis_handling(
    contacts: Sequence[ContactRecord],
    replies: Sequence[ReplyRecord],
    *,
    hold: timedelta,
    states: Iterable[StatePeriod] = (),
) -> dict[str, tuple[int, int]]:
    """Per collector: (crisis contacts, those handed over).

    Handing over means the collector made no further contact on that account after the crisis
    reply and before the window ended: ``hold`` after the reply, or earlier when the crisis
    state open at the reply (from ``states``) was cleared sooner — once a supervisor has lifted
    a crisis, contact is lawful again and does not count against the collector. A contact at
    the very instant the window ends is outside it.
    """
    index = LastContact(contacts)
    crises = _crisis_periods(states)
    out: dict[str, tuple[int, int]] = {}
    for r in replies:
        if not r.crisis or r.collector_id is None:
            continue
        end = r.at + hold
        open_at_reply = [p for p in crises.get(r.account_id, ()) if p.covers(r.at)]
        if open_at_reply:
            period = max(open_at_reply, key=lambda p: p.since)
            if period.cleared_at is not None:
                end = min(end, period.cleared_at)
        crisis, handed = out.get(r.collector_id, (0, 0))
        kept_calling = index.any_between(r.account_id, r.collector_id, r.at, end)
        out[r.collector_id] = (crisis + 1, handed + (0 if kept_calling else 1))
    return out
