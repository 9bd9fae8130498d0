"""An indexed contact history, so a decision touches only the events it needs.

A borrower with a thousand past attempts must still be decided in microseconds: the
history is sorted once and indexed by party id and by role, and rules ask for time
slices by bisection.

Attempts of other accounts that reached the same phone number (``Attempt.linked``) are
kept apart: they are indexed only in the party's *number* series, which the caps scoped
to the number read, and never in the account's own series, so every other rule (and a
cap scoped to the account, such as Regulation F's per-debt 7-in-7) sees exactly the
account's attempts. A party with no linked attempt has no number series of its own:
:meth:`History.number` hands back its party series, so the common case costs nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from datetime import datetime

from collectguard.model import Attempt, Outcome, PartyRole


class _Series:
    """Attempts of one key, sorted by time, with their POSIX timestamps for bisection."""

    __slots__ = ("attempts", "by_outcome", "stamps")

    def __init__(self) -> None:
        self.attempts: list[Attempt] = []
        self.stamps: list[float] = []
        #: outcome -> sorted stamps, so "was this person ever reached?" costs a lookup
        self.by_outcome: dict[Outcome | None, list[float]] = {}

    def add(self, attempt: Attempt) -> None:
        stamp = attempt.at.timestamp()
        insort(self.by_outcome.setdefault(attempt.outcome, []), stamp)
        if not self.stamps or stamp >= self.stamps[-1]:
            self.stamps.append(stamp)
            self.attempts.append(attempt)
        else:  # out of order: keep it sorted
            i = bisect_right(self.stamps, stamp)
            self.stamps.insert(i, stamp)
            self.attempts.insert(i, attempt)

    def copy(self) -> _Series:
        twin = _Series()
        twin.attempts = list(self.attempts)
        twin.stamps = list(self.stamps)
        twin.by_outcome = {k: list(v) for k, v in self.by_outcome.items()}
        return twin

    def between(self, start: datetime, end: datetime) -> list[Attempt]:
        """Attempts with ``start <= at < end``."""
        lo = bisect_left(self.stamps, start.timestamp())
        hi = bisect_left(self.stamps, end.timestamp())
        return self.attempts[lo:hi]

    def last_before(self, end: datetime, count: int) -> list[Attempt]:
        """The last ``count`` attempts strictly before ``end``, oldest first."""
        hi = bisect_left(self.stamps, end.timestamp())
        return self.attempts[max(0, hi - count) : hi]

    def first_with(self, outcomes: Iterable[Outcome], before: datetime) -> float | None:
        """The earliest stamp strictly before ``before`` of an attempt with one of ``outcomes``."""
        limit = before.timestamp()
        firsts = [stamps[0] for o in outcomes if (stamps := self.by_outcome.get(o))]
        first = min(firsts, default=None)
        return first if first is not None and first < limit else None


_EMPTY = _Series()


class History:
    """The attempts that happened (or were allowed) on one account, plus the linked
    attempts of other accounts that reached the same numbers.

    The engine only reads it; callers build it with :meth:`add` or ``History(attempts)``.
    ``len`` and iteration cover the account's own attempts only.
    """

    __slots__ = ("_all", "_by_number", "_by_party", "_by_role")

    def __init__(self, attempts: Iterable[Attempt] = ()) -> None:
        self._all = _Series()
        self._by_party: dict[str, _Series] = {}
        self._by_role: dict[PartyRole, _Series] = {}
        #: party id -> own and linked attempts; only for parties with a linked attempt
        self._by_number: dict[str, _Series] = {}
        for attempt in sorted(attempts, key=lambda a: a.at.timestamp()):
            self.add(attempt)

    def add(self, attempt: Attempt) -> None:
        number = self._by_number.get(attempt.party_id)
        if attempt.linked:
            if number is None:
                number = self._by_number[attempt.party_id] = self.party(attempt.party_id).copy()
            number.add(attempt)
            return
        self._all.add(attempt)
        self._by_party.setdefault(attempt.party_id, _Series()).add(attempt)
        self._by_role.setdefault(attempt.party_role, _Series()).add(attempt)
        if number is not None:
            number.add(attempt)

    def __len__(self) -> int:
        return len(self._all.attempts)

    def __iter__(self) -> Iterator[Attempt]:
        return iter(self._all.attempts)

    def party(self, party_id: str) -> _Series:
        """The account's own attempts on one party."""
        return self._by_party.get(party_id, _EMPTY)

    def number(self, party_id: str) -> _Series:
        """The party's own attempts and the linked ones that reached the same number."""
        number = self._by_number.get(party_id)
        return self.party(party_id) if number is None else number

    def role(self, role: PartyRole) -> _Series:
        return self._by_role.get(role, _EMPTY)


__all__ = ["History"]
