"""Load and exposure figures per collector and shift, from recorded contacts and replies.

A shift is a run of one collector's contacts in which no gap reaches ``shift_gap_minutes``;
a stretch is a run in which no gap reaches ``break_minutes``. A contact's worked time runs
from its start to the next contact's start (dialling, waiting and wrap-up are work too),
capped at the break length and never shorter than the contact itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from collectguard.model import Outcome
from collectguard.wellbeing.records import ContactRecord, ReplyRecord
from collectguard.wellbeing.thresholds import ShiftSettings

_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class ShiftFigures:
    collector_id: str
    start: datetime
    end: datetime
    contacts: int
    #: contacts that reached a person (connected); hostility can only come from these
    conversations: int
    contacts_per_hour: float
    talk_minutes: float
    talk_minutes_per_hour: float
    worked_minutes: float
    longest_stretch_minutes: float
    #: the stretch still running at ``now``; 0 for a shift that has paused or ended
    current_stretch_minutes: float
    hostile_contacts: int
    #: the most hostile contacts that fell within any 60 minutes of the shift
    hostile_max_per_hour: int
    crisis_contacts: int
    after_hours_minutes: float
    shift_hours: float
    #: True when ``now`` was given and the collector has not yet paused for a break
    open: bool = False

    def figure(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True, slots=True)
class _Events:
    """Hostile and crisis instants of one collector, de-duplicated across contact and reply."""

    hostile: tuple[datetime, ...]
    crisis: tuple[datetime, ...]


def _events(contacts: Sequence[ContactRecord], replies: Sequence[ReplyRecord]) -> _Events:
    hostile_ids = {c.id for c in contacts if c.hostile and c.id}
    crisis_ids = {c.id for c in contacts if c.crisis and c.id}
    hostile = [c.started_at for c in contacts if c.hostile]
    crisis = [c.started_at for c in contacts if c.crisis]
    for r in replies:
        # a reply to a contact already flagged is the same event, not a second one
        if r.hostile and not (r.contact_id and r.contact_id in hostile_ids):
            hostile.append(r.at)
        if r.crisis and not (r.contact_id and r.contact_id in crisis_ids):
            crisis.append(r.at)
    return _Events(tuple(sorted(hostile)), tuple(sorted(crisis)))


def _split(contacts: Sequence[ContactRecord], gap: timedelta) -> list[list[ContactRecord]]:
    runs: list[list[ContactRecord]] = []
    run_end: datetime | None = None
    for c in contacts:
        if run_end is None or c.started_at - run_end >= gap:
            runs.append([])
            run_end = c.ended_at
        runs[-1].append(c)
        run_end = max(run_end, c.ended_at)
    return runs


def _worked(run: Sequence[ContactRecord], cap: timedelta) -> list[float]:
    """Seconds of work attributed to each contact of a shift."""
    out = []
    for i, c in enumerate(run):
        own = c.duration_s
        if i + 1 < len(run):
            until_next = min((run[i + 1].started_at - c.started_at).total_seconds(), cap.total_seconds())
            own = max(own, until_next)
        out.append(own)
    return out


def _max_in_hour(times: Sequence[datetime]) -> int:
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= _HOUR:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def _window(times: Sequence[datetime], after: datetime | None, until: datetime | None) -> list[datetime]:
    """The instants in (after, until]; an open side is unbounded."""
    lo = 0 if after is None else bisect.bisect_right(times, after)
    hi = len(times) if until is None else bisect.bisect_right(times, until)
    return list(times[lo:hi])


def _shift(
    run: list[ContactRecord],
    settings: ShiftSettings,
    hostile: list[datetime],
    crisis: list[datetime],
    now: datetime | None,
) -> ShiftFigures:
    brk = timedelta(minutes=settings.break_minutes)
    start = run[0].started_at
    end = max(c.ended_at for c in run)
    open_ = now is not None and end <= now < end + brk
    stretches = _split(run, brk)
    lengths = [(max(c.ended_at for c in s) - s[0].started_at).total_seconds() / 60 for s in stretches]
    current = 0.0
    if open_ and now is not None:
        current = (now - stretches[-1][0].started_at).total_seconds() / 60
        end = now
    worked = _worked(run, brk)
    hours = (end - start).total_seconds() / 3600
    talk = sum(c.duration_s for c in run) / 60
    per_hour = max(hours, 1.0)  # a short shift is not extrapolated to a rate
    return ShiftFigures(
        collector_id=run[0].collector_id,
        start=start,
        end=end,
        contacts=len(run),
        conversations=sum(1 for c in run if c.outcome == Outcome.CONNECTED),
        contacts_per_hour=len(run) / per_hour,
        talk_minutes=talk,
        talk_minutes_per_hour=talk / per_hour,
        worked_minutes=sum(worked) / 60,
        longest_stretch_minutes=max(max(lengths), current),
        current_stretch_minutes=current,
        hostile_contacts=len(hostile),
        hostile_max_per_hour=_max_in_hour(hostile),
        crisis_contacts=len(crisis),
        after_hours_minutes=sum(w for w, c in zip(worked, run, strict=True) if c.after_hours) / 60,
        shift_hours=hours,
        open=open_,
    )


def shift_figures(
    contacts: Sequence[ContactRecord],
    replies: Sequence[ReplyRecord] = (),
    *,
    settings: ShiftSettings,
    now: datetime | None = None,
) -> tuple[ShiftFigures, ...]:
    """Figures for each shift of ONE collector's contacts, oldest first.

    A reply counts in the shift during which it arrived, or the next shift when it arrived
    between shifts (that is when the collector reads it), or the last shift.
    """
    ordered = sorted(contacts, key=lambda c: c.started_at)
    if not ordered:
        return ()
    runs = _split(ordered, timedelta(minutes=settings.shift_gap_minutes))
    events = _events(ordered, replies)
    ends = [max(c.ended_at for c in run) for run in runs]
    out = []
    for i, run in enumerate(runs):
        # shift i takes the events after shift i-1 ended, up to its own end (the last: all later)
        lo = ends[i - 1] if i else None
        hi = ends[i] if i + 1 < len(runs) else None
        out.append(
            _shift(run, settings, _window(events.hostile, lo, hi), _window(events.crisis, lo, hi), now)
        )
    return tuple(out)
