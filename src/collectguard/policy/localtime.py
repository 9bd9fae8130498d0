"""Borrower-local calendar arithmetic, daylight-saving correct.

Rules speak of local clock times and calendar days; the engine speaks of instants.
These helpers turn one into the other without ever assuming UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from collectguard.errors import ValidationError


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """An IANA zone, or a ValidationError naming the unknown zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"unknown IANA time zone {name!r}", field="timezone") from exc


@lru_cache(maxsize=65536)
def local_instant(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The instant a local wall clock shows ``clock`` on ``day``.

    In a spring-forward gap the wall time never happens; the first instant after the
    gap is returned. In a fall-back overlap the earlier instant is returned.
    """
    naive = datetime.combine(day, clock)
    candidate = naive.replace(tzinfo=tz, fold=0)
    roundtrip = candidate.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if roundtrip != naive:  # nonexistent local time: jump to the end of the gap
        after = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
        before = candidate.astimezone(UTC)
        return max(after, before).astimezone(tz)
    return candidate.astimezone(UTC).astimezone(tz)


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return local_instant(day, time(0), tz)


def local_date(at: datetime, tz: ZoneInfo) -> date:
    return at.astimezone(tz).date()


def day_range(first: date, days: int, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) instants of ``days`` consecutive local days from ``first``."""
    return local_midnight(first, tz), local_midnight(first + timedelta(days=days), tz)
