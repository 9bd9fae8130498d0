"""Accounts, parties and contact attempts: the facts the policy engine decides on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from collectguard.errors import NaiveTimestampError
from collectguard.model.enums import AccountState, Channel, Outcome, PartyRole


def require_aware(value: datetime, *, field_name: str = "at") -> datetime:
    """Refuse naive timestamps: a contact time without an offset is ambiguous by hours."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveTimestampError(
            f"timestamp {value.isoformat()} has no UTC offset; give one such as +08:00", field=field_name
        )
    return value


#: the lawful day of both shipped packs (08:00-21:00), in minutes after midnight
LAWFUL_DAY = (8 * 60, 21 * 60)
#: hours to avoid that leave less of the lawful day than this open are no limit but a stop
OPEN_AT_LEAST = 2 * 60


#: ISO weekdays, Monday 1 to Sunday 7
WEEKDAYS = frozenset(range(1, 8))


def window_text(start: str, end: str, days: Iterable[int] = ()) -> str:
    """A local window as the store, the audit logs and the views write it: "HH:MM-HH:MM", and for a
    window kept only on some weekdays "HH:MM-HH:MM/6,7" (ISO weekdays: 周末别打 is 00:00-24:00/6,7)."""
    kept = sorted(set(days))
    return (
        f"{start}-{end}" if not kept or set(kept) == WEEKDAYS else f"{start}-{end}/{','.join(map(str, kept))}"
    )


def some_days(days: Iterable[int]) -> bool:
    """Whether weekdays name fewer than all seven: hours kept only on them leave the other days open."""
    kept = set(days)
    return bool(kept) and kept != WEEKDAYS


def closes_lawful_day(windows: Iterable[tuple[str, str]]) -> bool:
    """Whether "HH:MM" windows of hours to avoid leave under two hours of 08:00-21:00 open.

    Such a request (白天和晚上都别打, before 9am or after 9am) means stop, and is recorded as one. The
    signal reader applies this test to each request, the import API to the windows it is given at once;
    separate requests are kept as asked (each may concern another channel, day or person).
    """
    day_start, day_end = LAWFUL_DAY
    open_minutes, at = 0, day_start
    for start, end in sorted((clock_minutes(a), clock_minutes(b)) for a, b in windows):
        open_minutes += max(0, min(start, day_end) - at)
        at = max(at, min(end, day_end))
    open_minutes += max(0, day_end - at)
    return open_minutes < OPEN_AT_LEAST


def complement(windows: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The hours of the day outside "HH:MM" ``windows``: what "only call after 6pm" asks us to keep out of."""
    out: list[tuple[str, str]] = []
    at = 0
    for start, end in sorted((clock_minutes(a), clock_minutes(b)) for a, b in windows):
        if start > at:
            out.append((clock_text(at), clock_text(start)))
        at = max(at, end)
    if at < 24 * 60:
        out.append((clock_text(at), "24:00"))
    return tuple(out)


def clock_text(minutes: int) -> str:
    """The "HH:MM" of minutes after midnight (1440 is "24:00"): ``clock_minutes`` the other way."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def clock_minutes(hhmm: str) -> int:
    """Minutes after midnight of a valid "HH:MM" ("24:00" is 1440)."""
    hours, _, minutes = hhmm.partition(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True, slots=True)
class LocalWindow:
    """A local-time window [start, end) on every day, or only on ``days`` (ISO weekdays: 6 and 7 for
    周末别打); used for borrower consent to other hours and for hours a person asked not to be
    contacted in. ``time.max`` as the end stands for 24:00."""

    start: time
    end: time
    days: frozenset[int] = frozenset()  # empty: every day

    def __post_init__(self) -> None:
        # all seven weekdays are every day: one form for the engine, the store and the views
        if not some_days(self.days):
            object.__setattr__(self, "days", frozenset())

    def contains(self, t: time) -> bool:
        return self.start <= t < self.end

    def on(self, day: date) -> bool:
        """Whether the window holds on the local ``day``."""
        return not self.days or day.isoweekday() in self.days

    @classmethod
    def parse(cls, start: str, end: str, days: Iterable[int] = ()) -> LocalWindow:
        """From "HH:MM" strings; "24:00" ends the day."""
        end_time = time.max if end == "24:00" else time.fromisoformat(end)
        return cls(time.fromisoformat(start), end_time, frozenset(days))

    @classmethod
    def from_text(cls, text: str) -> LocalWindow:
        """From "HH:MM-HH:MM" or "HH:MM-HH:MM/6,7", as the store and audit logs write a window."""
        hours, _, days = text.partition("/")
        start, _, end = hours.partition("-")
        return cls.parse(start, end, [int(d) for d in days.split(",")] if days else ())


@dataclass(frozen=True, slots=True)
class Account:
    """What the engine needs to know of an account; PII never travels here.

    ``timezones`` holds one IANA zone, or several candidates when the borrower's zone is
    unknown: a contact must then be allowed in every candidate zone.
    """

    timezones: tuple[str, ...]
    states: frozenset[AccountState] = frozenset()
    suppressed_parties: frozenset[str] = frozenset()
    #: (party_id, channel) pairs a person asked us not to use
    opted_out: frozenset[tuple[str, Channel]] = frozenset()
    #: local windows the borrower consented to outside the usual hours
    consent_windows: tuple[LocalWindow, ...] = ()
    #: (party_id, window) pairs: hours a person asked not to be contacted in
    quiet_windows: frozenset[tuple[str, LocalWindow]] = frozenset()
    id: str = ""

    @property
    def timezone(self) -> str:
        return self.timezones[0]


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    role: PartyRole


@dataclass(frozen=True, slots=True)
class Attempt:
    """A contact attempt: proposed (outcome None) or recorded (outcome set).

    ``linked`` marks an attempt made on *another* account that reached the same phone
    number as this account's party (``party_id`` and ``party_role`` are then this
    account's party): it counts only for caps whose scope is the number, never for
    rules about this account or this debt.
    """

    at: datetime
    party_role: PartyRole
    channel: Channel
    party_id: str = ""
    outcome: Outcome | None = None
    collector_id: str | None = None
    agency_id: str | None = None
    linked: bool = False

    def __post_init__(self) -> None:
        require_aware(self.at)
        if not self.party_id:
            # the contract: party_id defaults to the role, so two roles never count together
            object.__setattr__(self, "party_id", str(self.party_role))

    def with_outcome(self, outcome: Outcome | None) -> Attempt:
        return Attempt(
            at=self.at,
            party_role=self.party_role,
            channel=self.channel,
            party_id=self.party_id,
            outcome=outcome,
            collector_id=self.collector_id,
            agency_id=self.agency_id,
            linked=self.linked,
        )
