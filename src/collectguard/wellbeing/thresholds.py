"""Wellbeing thresholds as data: load ``data/wellbeing.yaml`` once, validated, with positions."""

from __future__ import annotations

from datetime import datetime, time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pydantic
from pydantic import BaseModel, ConfigDict, Field, model_validator

from collectguard.datafile import describe, read_yaml
from collectguard.errors import DataFileError

#: figures a threshold may name, per scope (fields of ShiftFigures / PeriodFigures)
SHIFT_FIGURES = frozenset(
    {
        "contacts",
        "conversations",
        "contacts_per_hour",
        "talk_minutes",
        "talk_minutes_per_hour",
        "worked_minutes",
        "longest_stretch_minutes",
        "current_stretch_minutes",
        "hostile_contacts",
        "hostile_max_per_hour",
        "crisis_contacts",
        "after_hours_minutes",
        "shift_hours",
    }
)
PERIOD_FIGURES = frozenset(
    {
        "shifts",
        "contacts",
        "conversations",
        "hours_worked",
        "after_hours_hours",
        "hostile_contacts",
        "hostile_share_pct",
        "crisis_contacts",
    }
)
AdviceCode = Literal[
    "take_break",
    "schedule_breaks",
    "rotate_off_hostile",
    "supervisor_check_in",
    "end_shift",
    "review_overtime",
]
ADVICE_CODES: tuple[str, ...] = get_args(AdviceCode)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ShiftSettings(_Strict):
    """How contacts group into shifts and what counts as a break."""

    shift_gap_minutes: float = Field(gt=0)
    break_minutes: float = Field(gt=0)
    rationale: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> ShiftSettings:
        if self.break_minutes >= self.shift_gap_minutes:
            raise ValueError("break_minutes must be shorter than shift_gap_minutes")
        return self


class Threshold(_Strict):
    """A figure that, at or above ``at_least``, gives one piece of advice."""

    id: str = Field(pattern=r"^wb\.[a-z0-9_]+$")
    scope: Literal["shift", "period"]
    figure: str
    at_least: float = Field(gt=0)
    #: the figure is only judged when the shift or period has this many contacts
    min_contacts: int = Field(default=0, ge=0)
    advice: AdviceCode
    level: Literal["notice", "warn", "urgent"]
    audience: tuple[Literal["collector", "supervisor"], ...] = Field(min_length=1)
    message_zh: str = Field(min_length=1)
    message_en: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    citation: str = Field(min_length=1)

    @model_validator(mode="after")
    def _known_figure(self) -> Threshold:
        known = SHIFT_FIGURES if self.scope == "shift" else PERIOD_FIGURES
        if self.figure not in known:
            raise ValueError(
                f"unknown {self.scope} figure {self.figure!r}; known: {', '.join(sorted(known))}"
            )
        for text in (self.message_zh, self.message_en):
            try:
                text.format(value=1.0)
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"message template {text!r} may only use {{value}}: {exc}") from None
        return self


class Schedule(_Strict):
    """The team's scheduled hours; work outside them is after-hours work."""

    timezone: str = Field(min_length=1)
    start: time
    end: time
    weekdays: tuple[int, ...] = Field(min_length=1)
    rationale: str = Field(min_length=1)

    @model_validator(mode="after")
    def _valid(self) -> Schedule:
        if not self.start < self.end:
            raise ValueError("start must be before end")
        if not all(1 <= d <= 7 for d in self.weekdays):
            raise ValueError("weekdays are ISO numbers 1 (Monday) to 7 (Sunday)")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown IANA time zone {self.timezone!r}") from None
        return self

    def outside(self, at: datetime) -> bool:
        """True when ``at`` falls outside the scheduled hours in the team's zone."""
        local = at.astimezone(ZoneInfo(self.timezone))
        return local.isoweekday() not in self.weekdays or not self.start <= local.time() < self.end


class FairSettings(_Strict):
    """How quality discounts the recovery a team view credits (never below zero)."""

    violation_penalty: float = Field(ge=0, le=1)
    complaint_penalty: float = Field(ge=0, le=1)
    crisis_missed_penalty: float = Field(ge=0, le=1)
    rationale: str = Field(min_length=1)
    citation: str = Field(min_length=1)


class WellbeingThresholds(_Strict):
    version: str = Field(min_length=1)
    shift: ShiftSettings
    schedule: Schedule
    fair: FairSettings
    thresholds: tuple[Threshold, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> WellbeingThresholds:
        seen: set[str] = set()
        for t in self.thresholds:
            if t.id in seen:
                raise ValueError(f"threshold id {t.id} appears twice")
            seen.add(t.id)
        return self


def default_path() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "wellbeing.yaml"))


def load_thresholds(path: str | Path | None = None) -> WellbeingThresholds:
    """The shipped thresholds, or a team's own file; a bad file raises DataFileError."""
    if path is None:
        return _shipped()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _shipped() -> WellbeingThresholds:
    return _load(default_path())


def _load(path: Path) -> WellbeingThresholds:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    try:
        return WellbeingThresholds.model_validate(data)
    except pydantic.ValidationError as exc:
        raise describe(path, data, exc, "thresholds") from exc
