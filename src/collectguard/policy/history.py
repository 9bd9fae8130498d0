"""An indexed contact history, so a decision touches only the events it needs.

A borrower with a thousand past attempts must still be decided in microseconds: the
history is sorted once and indexed by party id and by role, and rules ask for time
slices by bisection.
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
    """The attempts that happened (or were allowed) on one account.

    The engine only reads it; callers build it with :meth:`add` or ``History(attempts)``.
    """

    __slots__ = ("_all", "_by_party", "_by_role")

    def __init__(self, attempts: Iterable[Attempt] = ()) -> None:
        self._all = _Series()
        self._by_party: dict[str, _Series] = {}
        self._by_role: dict[PartyRole, _Series] = {}
        for attempt in sorted(attempts, key=lambda a: a.at.timestamp()):
            self.add(attempt)

    def add(self, attempt: Attempt) -> None:
        self._all.add(attempt)
        self._by_party.setdefault(attempt.party_id, _Series()).add(attempt)
        self._by_role.setdefault(attempt.party_role, _Series()).add(attempt)

    def __len__(self) -> int:
        return len(self._all.attempts)

    def __iter__(self) -> Iterator[Attempt]:
        return iter(self._all.attempts)

    def party(self, party_id: str) -> _Series:
        return self._by_party.get(party_id, _EMPTY)

    def role(self, role: PartyRole) -> _Series:
        return self._by_role.get(role, _EMPTY)


__all__ = ["History"]
