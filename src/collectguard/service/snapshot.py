"""What a decision needs, read in four Core queries: the account with its parties, its open
states and opt-outs, the recent history, and the linked history. The contact check is the hot
path of the API, so this avoids ORM objects entirely, and :class:`SnapshotCache` keeps what it
read per account until a version it depends on changes — database triggers (migration 0002)
bump ``accounts.version`` on any change to an account's attempts, states or opt-outs, whoever
makes it.

The *linked* history is what the caps scoped to the phone number (``scope: number`` in a pack)
count besides the party's own attempts: the non-cancelled attempts made on *other* parties,
of any account, whose ``phone_index`` (the keyed blind index of the phone) equals that of a
party of this account, each attributed to this account's party (its id and role) and marked
``linked``. A borrower with two loans, a person who is the emergency contact on several
accounts, or a borrower who gave their own number as the emergency contact, is then one number
to the burst and daily caps. Parties without a phone are never linked. Only those caps read it,
so it reaches back only as far as their longest window in the account's packs
(:func:`collectguard.policy.number_lookback`), holds only the channels they count
(:func:`collectguard.policy.number_channels`), and is not read at all when no pack of the
account has such a cap.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, literal, null, select, union_all
from sqlalchemy.orm import aliased

from collectguard.errors import NotFoundError
from collectguard.model import Account, AccountState, Attempt, Channel, LocalWindow, Outcome, PartyRole
from collectguard.policy import History, RulePack, number_channels, number_lookback
from collectguard.store.models import Account as AccountRow
from collectguard.store.models import AccountStateRow, AttemptRow, OptOut, PartyRow, QuietHoursRow

__all__ = [
    "LINKED_ACCOUNTS",
    "LOOKBACK",
    "PackResolver",
    "Snapshot",
    "SnapshotCache",
    "counted_outcome",
    "linked_attempts",
    "load",
]

#: how far back the history reaches; the longest shipped window is seven days
LOOKBACK = timedelta(days=35)
#: the loaded rule packs of an account's pack names (``Runtime.packs``): they say how far back
#: the linked history must reach
PackResolver = Callable[[tuple[str, ...]], Sequence[RulePack]]
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
    select(literal("quiet"), QuietHoursRow.party_id, QuietHoursRow.hours)
    .join(PartyRow, PartyRow.id == QuietHoursRow.party_id)
    .where(PartyRow.account_id == bindparam("account_id")),
)
_HISTORY = select(
    AttemptRow.party_id, AttemptRow.party_role, AttemptRow.channel, AttemptRow.at, AttemptRow.outcome
).where(
    AttemptRow.account_id == bindparam("account_id"),
    AttemptRow.status != "cancelled",
    AttemptRow.at >= bindparam("since"),
)

#: a party of the account(s) asked about (``_ME``) and a party of another account on the same number
_ME, _OTHER = aliased(PartyRow), aliased(PartyRow)
_SAME_NUMBER = and_(_OTHER.phone_index == _ME.phone_index, _OTHER.id != _ME.id)
_LINKED: Any = (
    select(_ME.account_id, _ME.id, _ME.role, AttemptRow.channel, AttemptRow.at, AttemptRow.outcome)
    .select_from(_ME)
    .join(_OTHER, _SAME_NUMBER)
    # through (account_id, at): the index the account's own history uses
    .join(AttemptRow, and_(AttemptRow.account_id == _OTHER.account_id, AttemptRow.party_id == _OTHER.id))
    .where(
        _ME.account_id.in_(bindparam("account_ids", expanding=True)),
        AttemptRow.status != "cancelled",
        AttemptRow.at >= bindparam("since"),
        AttemptRow.channel.in_(bindparam("channels", expanding=True)),
    )
)
#: the other accounts on which party ``party_id``'s phone number appears
LINKED_ACCOUNTS: Any = (
    select(_OTHER.account_id)
    .distinct()
    .select_from(_ME)
    .join(_OTHER, _SAME_NUMBER)
    .where(_ME.id == bindparam("party_id"))
)


def counted_outcome(channel: Channel, outcome: str | None) -> Outcome:
    """The outcome an attempt counts with: a reserved, not yet completed attempt counts as the
    worst case for every cap."""
    return Outcome(outcome) if outcome else _WORST.get(channel, Outcome.DELIVERED)


def linked_attempts(
    conn: Connection, account_ids: Iterable[str], since: datetime, channels: Iterable[Channel]
) -> Iterator[tuple[str, Attempt]]:
    """(account id, linked attempt) for every attempt on one of ``channels`` since ``since`` that
    reached the number of a party of one of ``account_ids`` from another account."""
    wanted = sorted(c.value for c in channels)
    if not wanted:
        return
    for account_id, party_id, role, channel_name, when, outcome in conn.execute(
        _LINKED, {"account_ids": list(account_ids), "since": since, "channels": wanted}
    ):
        yield account_id, _attempt(party_id, role, channel_name, when, outcome, linked=True)


def _attempt(
    party_id: str, role: str, channel_name: str, when: datetime, outcome: str | None, *, linked: bool = False
) -> Attempt:
    channel = Channel(channel_name)
    return Attempt(
        at=when,
        party_role=PartyRole(role),
        channel=channel,
        party_id=party_id,
        outcome=counted_outcome(channel, outcome),
        linked=linked,
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    account: Account
    rulepacks: tuple[str, ...]
    #: the loaded packs of ``rulepacks``
    packs: tuple[RulePack, ...]
    #: party id → role
    parties: dict[str, str]
    history: History


def _windows(raw: Any) -> tuple[LocalWindow, ...]:
    return tuple(LocalWindow(time.fromisoformat(w["start"]), time.fromisoformat(w["end"])) for w in raw or ())


def load(conn: Connection, account_id: str, at: datetime, packs: PackResolver) -> Snapshot:
    """The account as the engine sees it, its attempts since ``at - LOOKBACK`` and the linked
    attempts of other parties on the same numbers as far back as its packs' caps on the number
    look (none when they have no such cap)."""
    rows = conn.execute(_PARTIES, {"account_id": account_id}).all()
    if not rows:
        raise NotFoundError(f"no account {account_id!r}", field="account_id")
    timezone, rulepacks, consent = rows[0][0], rows[0][1], rows[0][2]
    loaded = tuple(packs(tuple(rulepacks)))
    states, opted, quiet = set(), set(), set()
    for kind, first, second in conn.execute(_MARKS, {"account_id": account_id}):
        if kind == "state":
            states.add(AccountState(first))
        elif kind == "quiet":
            quiet.add((first, LocalWindow.from_text(second)))
        else:
            opted.add((first, Channel(second)))
    history = History()
    for row in conn.execute(_HISTORY, {"account_id": account_id, "since": at - LOOKBACK}):
        history.add(_attempt(*row))
    reach = number_lookback(loaded)
    if reach is not None:
        for _, attempt in linked_attempts(conn, (account_id,), at - reach, number_channels(loaded)):
            history.add(attempt)
    account = Account(
        id=account_id,
        timezones=tuple(timezone.split()),
        states=frozenset(states),
        suppressed_parties=frozenset(r[3] for r in rows if r[5]),
        opted_out=frozenset(opted),
        consent_windows=_windows(consent),
        quiet_windows=frozenset(quiet),
    )
    return Snapshot(account, tuple(rulepacks), loaded, {r[3]: r[4] for r in rows}, history)


#: what a cached snapshot depends on: the account's version ("" row) and, for every party of
#: another account on one of its numbers, that party's id and its account's version
_VERSIONS: Any = union_all(
    select(literal(""), AccountRow.version).where(AccountRow.id == bindparam("account_id")),
    select(_OTHER.id, AccountRow.version)
    .select_from(_ME)
    .join(_OTHER, _SAME_NUMBER)
    .join(AccountRow, AccountRow.id == _OTHER.account_id)
    .where(_ME.account_id == bindparam("account_id")),
)


class SnapshotCache:
    """Snapshots per account, revalidated by one query on the versions they depend on.

    Used by the contact check only: a reservation always reads afresh under its locks.

    A snapshot includes linked attempts, so its validity is keyed on the versions of the
    linked accounts too, not only the account's own: the key is the account's version plus
    the sorted (linked party id, that party's account version) pairs. An attempt on a linked
    account bumps that account's version (the triggers); a new account on the same number, or
    a party whose phone index changes, changes the set of pairs. Either way the key differs
    and the snapshot is read again. Keying rather than skipping the cache keeps the hot path
    at one query for every account, linked or not.

    Every window a snapshot was read for starts at a fixed distance before its instant (35 days
    for the account's own attempts, the packs' longest cap on the number for the linked ones),
    so a snapshot read at ``t`` covers every later instant; one read for a later instant than
    the one asked about is read again. The packs of an account name are those of the runtime,
    loaded once, so that distance does not change under a cached snapshot.
    """

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[tuple[tuple[str, int], ...], datetime, Snapshot]] = (
            OrderedDict()
        )

    def load(self, conn: Connection, account_id: str, at: datetime, packs: PackResolver) -> Snapshot:
        key = tuple(sorted((str(p), int(v)) for p, v in conn.execute(_VERSIONS, {"account_id": account_id})))
        if not key or key[0][0] != "":
            raise NotFoundError(f"no account {account_id!r}", field="account_id")
        since = at - LOOKBACK
        with self._lock:
            hit = self._entries.get(account_id)
        # valid only for the same versions and when it reaches back at least as far as asked
        if hit is not None and hit[0] == key and hit[1] <= since:
            return hit[2]
        snap = load(conn, account_id, at, packs)
        with self._lock:
            self._entries[account_id] = (key, since, snap)
            self._entries.move_to_end(account_id)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return snap
