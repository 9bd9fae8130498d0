"""What a decision needs, read in three Core queries: the account with its parties, its open
states and opt-outs, and the recent history. The contact check is the hot path of the API, so
this avoids ORM objects entirely, and :class:`SnapshotCache` keeps what it read per account
until ``accounts.version`` changes — database triggers (migration 0002) bump it on any change
to the account's attempts, states or opt-outs, whoever makes it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, literal, null, select, union_all

from collectguard.errors import NotFoundError
from collectguard.model import Account, AccountState, Attempt, Channel, LocalWindow, Outcome, PartyRole
from collectguard.policy import History
from collectguard.store.models import Account as AccountRow
from collectguard.store.models import AccountStateRow, AttemptRow, OptOut, PartyRow

__all__ = ["LOOKBACK", "Snapshot", "SnapshotCache", "load"]

#: how far back the history reaches; the longest shipped window is seven days
LOOKBACK = timedelta(days=35)
#: a reserved, not yet completed attempt counts as the worst case for every cap
_WORST = {Channel.CALL: Outcome.CONNECTED, Channel.VISIT: Outcome.CONNECTED}

_PARTIES = (
    select(
        AccountRow.timezone,
        AccountRow.rulepacks,
        AccountRow.consent_windows,
        PartyRow.id,
        PartyRow.role,
        PartyRow.suppressed,
    )
    .join(PartyRow, PartyRow.account_id == AccountRow.id)
    .where(AccountRow.id == bindparam("account_id"))
)
_MARKS: Any = union_all(
    select(literal("state"), AccountStateRow.state, null()).where(
        AccountStateRow.account_id == bindparam("account_id"), AccountStateRow.cleared_at.is_(None)
    ),
    select(literal("opt_out"), OptOut.party_id, OptOut.channel)
    .join(PartyRow, PartyRow.id == OptOut.party_id)
    .where(PartyRow.account_id == bindparam("account_id")),
)
_HISTORY = select(
    AttemptRow.party_id, AttemptRow.party_role, AttemptRow.channel, AttemptRow.at, AttemptRow.outcome
).where(
    AttemptRow.account_id == bindparam("account_id"),
    AttemptRow.status != "cancelled",
    AttemptRow.at >= bindparam("since"),
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    account: Account
    rulepacks: tuple[str, ...]
    #: party id → role
    parties: dict[str, str]
    history: History


def _windows(raw: Any) -> tuple[LocalWindow, ...]:
    return tuple(LocalWindow(time.fromisoformat(w["start"]), time.fromisoformat(w["end"])) for w in raw or ())


def load(conn: Connection, account_id: str, at: datetime) -> Snapshot:
    """The account as the engine sees it, and its attempts since ``at - LOOKBACK``."""
    rows = conn.execute(_PARTIES, {"account_id": account_id}).all()
    if not rows:
        raise NotFoundError(f"no account {account_id!r}", field="account_id")
    timezone, rulepacks, consent = rows[0][0], rows[0][1], rows[0][2]
    states, opted = set(), set()
    for kind, first, second in conn.execute(_MARKS, {"account_id": account_id}):
        if kind == "state":
            states.add(AccountState(first))
        else:
            opted.add((first, Channel(second)))
    history = History()
    for party_id, role, channel_name, when, outcome in conn.execute(
        _HISTORY, {"account_id": account_id, "since": at - LOOKBACK}
    ):
        channel = Channel(channel_name)
        history.add(
            Attempt(
                at=when,
                party_role=PartyRole(role),
                channel=channel,
                party_id=party_id,
                outcome=Outcome(outcome) if outcome else _WORST.get(channel, Outcome.DELIVERED),
            )
        )
    account = Account(
        id=account_id,
        timezones=tuple(timezone.split()),
        states=frozenset(states),
        suppressed_parties=frozenset(r[3] for r in rows if r[5]),
        opted_out=frozenset(opted),
        consent_windows=_windows(consent),
    )
    return Snapshot(account, tuple(rulepacks), {r[3]: r[4] for r in rows}, history)


_VERSION = select(AccountRow.version).where(AccountRow.id == bindparam("account_id"))


class SnapshotCache:
    """Snapshots per account, revalidated by one query on the account's version.

    Used by the contact check only: a reservation always reads afresh under its lock.
    """

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[int, datetime, Snapshot]] = OrderedDict()

    def load(self, conn: Connection, account_id: str, at: datetime) -> Snapshot:
        version = conn.execute(_VERSION, {"account_id": account_id}).scalar_one_or_none()
        if version is None:
            raise NotFoundError(f"no account {account_id!r}", field="account_id")
        since = at - LOOKBACK
        with self._lock:
            hit = self._entries.get(account_id)
        # valid only for the same version and when it reaches back at least as far as asked
        if hit is not None and hit[0] == version and hit[1] <= since:
            return hit[2]
        snap = load(conn, account_id, at)
        with self._lock:
            self._entries[account_id] = (version, since, snap)
            self._entries.move_to_end(account_id)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return snap
