"""One collector's wellbeing over a period: shifts with their advice, period totals, advice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from collectguard.wellbeing.advice import Advice, advise
from collectguard.wellbeing.figures import ShiftFigures, shift_figures
from collectguard.wellbeing.records import ContactRecord, ReplyRecord
from collectguard.wellbeing.thresholds import WellbeingThresholds

#: how long the latest shift's advice stays current after the shift ends
CURRENT_FOR = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    collector_id: str
    shifts: int
    contacts: int
    conversations: int
    hours_worked: float
    after_hours_hours: float
    hostile_contacts: int
    #: hostile contacts as a percentage of conversations (0 when there were none)
    hostile_share_pct: float
    crisis_contacts: int

    def figure(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True, slots=True)
class ShiftReport:
    figures: ShiftFigures
    advice: tuple[Advice, ...]


@dataclass(frozen=True, slots=True)
class CollectorWellbeing:
    collector_id: str
    thresholds_version: str
    shifts: tuple[ShiftReport, ...]
    period: PeriodFigures
    #: advice on the period as a whole (overtime, long-term hostile exposure)
    period_advice: tuple[Advice, ...]
    #: the moment the figures were judged at (``now``), when given
    as_of: datetime | None = None

    @property
    def current_advice(self) -> tuple[Advice, ...]:
        """What to act on now: the period's advice, and the latest shift's unless it ended
        more than a day before ``as_of`` (a prompt about last week's shift is noise)."""
        if not self.shifts:
            return self.period_advice
        latest = self.shifts[-1]
        stale = self.as_of is not None and self.as_of - latest.figures.end > CURRENT_FOR
        return (() if stale else latest.advice) + self.period_advice

    def to_dict(self) -> dict[str, Any]:
        def shift(s: ShiftReport) -> dict[str, Any]:
            fig = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(s.figures).items()}
            return {"figures": _rounded(fig), "advice": [a.to_dict() for a in s.advice]}

        return {
            "collector_id": self.collector_id,
            "thresholds_version": self.thresholds_version,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "period": _rounded(asdict(self.period)),
            "period_advice": [a.to_dict() for a in self.period_advice],
            "current_advice": [a.to_dict() for a in self.current_advice],
            "shifts": [shift(s) for s in self.shifts],
        }


def _rounded(d: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in d.items()}


def period_figures(collector_id: str, shifts: Sequence[ShiftFigures]) -> PeriodFigures:
    contacts = sum(s.contacts for s in shifts)
    conversations = sum(s.conversations for s in shifts)
    hostile = sum(s.hostile_contacts for s in shifts)
    return PeriodFigures(
        collector_id=collector_id,
        shifts=len(shifts),
        contacts=contacts,
        conversations=conversations,
        hours_worked=sum(s.worked_minutes for s in shifts) / 60,
        after_hours_hours=sum(s.after_hours_minutes for s in shifts) / 60,
        hostile_contacts=hostile,
        hostile_share_pct=min(100.0, 100.0 * hostile / conversations) if conversations else 0.0,
        crisis_contacts=sum(s.crisis_contacts for s in shifts),
    )


def _assemble(
    collector_id: str,
    contacts: Sequence[ContactRecord],
    replies: Sequence[ReplyRecord],
    thresholds: WellbeingThresholds,
    now: datetime | None,
) -> CollectorWellbeing:
    shifts = shift_figures(contacts, replies, settings=thresholds.shift, now=now)
    reports = tuple(ShiftReport(s, advise(s, thresholds, scope="shift", shift_start=s.start)) for s in shifts)
    period = period_figures(collector_id, shifts)
    return CollectorWellbeing(
        collector_id=collector_id,
        thresholds_version=thresholds.version,
        shifts=reports,
        period=period,
        period_advice=advise(period, thresholds, scope="period"),
        as_of=now,
    )


def attribute_replies(contacts: Iterable[ContactRecord], replies: Iterable[ReplyRecord]) -> list[ReplyRecord]:
    """Give a reply without a collector the collector of the contact it answered, when known."""
    by_id = {c.id: c.collector_id for c in contacts if c.id}
    out = []
    for r in replies:
        if r.collector_id is None and r.contact_id in by_id:
            r = ReplyRecord(r.account_id, r.at, r.signals, by_id[r.contact_id], r.contact_id)
        out.append(r)
    return out


def assess_team(
    contacts: Iterable[ContactRecord],
    replies: Iterable[ReplyRecord] = (),
    *,
    thresholds: WellbeingThresholds,
    now: datetime | None = None,
) -> dict[str, CollectorWellbeing]:
    """Every collector's wellbeing, keyed by collector id in id order (never ranked).

    ``now`` marks shifts still running, so "break now" reflects the stretch in progress.
    """
    all_contacts = list(contacts)
    by_collector: dict[str, list[ContactRecord]] = defaultdict(list)
    for c in all_contacts:
        by_collector[c.collector_id].append(c)
    replies_by: dict[str, list[ReplyRecord]] = defaultdict(list)
    for r in attribute_replies(all_contacts, replies):
        if r.collector_id is not None:
            replies_by[r.collector_id].append(r)
    return {
        cid: _assemble(cid, by_collector[cid], replies_by[cid], thresholds, now)
        for cid in sorted(by_collector)
    }


def assess_collector(
    collector_id: str,
    contacts: Iterable[ContactRecord],
    replies: Iterable[ReplyRecord] = (),
    *,
    thresholds: WellbeingThresholds,
    now: datetime | None = None,
) -> CollectorWellbeing:
    """One collector's figures and advice; a collector with no contacts gets empty figures."""
    all_contacts = list(contacts)
    mine = [c for c in all_contacts if c.collector_id == collector_id]
    mine_replies = [r for r in attribute_replies(all_contacts, replies) if r.collector_id == collector_id]
    return _assemble(collector_id, mine, mine_replies, thresholds, now)
