"""Builders for constructed shifts: minutes after 09:00 Beijing time on a Monday."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from collectguard.wellbeing import ContactRecord

CST = timezone(timedelta(hours=8))
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=CST)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def contact(minutes: float, duration_min: float = 1.0, **kw: object) -> ContactRecord:
    fields: dict[str, object] = {"collector_id": "c1", "account_id": "a1", "started_at": at(minutes)}
    fields.update(kw)
    return ContactRecord(duration_s=duration_min * 60, **fields)  # type: ignore[arg-type]
