"""Fakes for the seams of collectguard, for tests here and in adopters' code."""

from __future__ import annotations

from datetime import datetime, timedelta

from collectguard.model import require_aware


class FixedClock:
    """A clock that stands still until told to move; pass it where a service wants ``now``."""

    def __init__(self, start: datetime) -> None:
        self._now = require_aware(start, field_name="start")

    def __call__(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, when: datetime) -> None:
        self._now = require_aware(when, field_name="when")
