"""Thresholds → advice: what a collector and their supervisor should do about the figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from collectguard.wellbeing.thresholds import Threshold, WellbeingThresholds


@dataclass(frozen=True, slots=True)
class Advice:
    """One prompt, with the figure and threshold behind it and the reason it exists."""

    threshold_id: str
    code: str
    level: str
    audience: tuple[str, ...]
    figure: str
    value: float
    at_least: float
    message_zh: str
    message_en: str
    rationale: str
    citation: str
    #: the shift it concerns (its start), or None for the whole period
    shift_start: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold_id,
            "advice": self.code,
            "level": self.level,
            "audience": list(self.audience),
            "figure": self.figure,
            "value": round(self.value, 2),
            "at_least": self.at_least,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "rationale": self.rationale,
            "citation": self.citation,
            "shift_start": self.shift_start.isoformat() if self.shift_start else None,
        }


class Figures(Protocol):
    """ShiftFigures or PeriodFigures: a contact count and named figures."""

    @property
    def contacts(self) -> int: ...

    def figure(self, name: str) -> float: ...


def _applies(t: Threshold, figures: Figures) -> bool:
    return bool(figures.contacts >= t.min_contacts and figures.figure(t.figure) >= t.at_least)


def advise(
    figures: Figures,
    thresholds: WellbeingThresholds,
    *,
    scope: str,
    shift_start: datetime | None = None,
) -> tuple[Advice, ...]:
    """Every threshold of ``scope`` that the figures reach (value >= at_least), in file order."""
    out = []
    for t in thresholds.thresholds:
        if t.scope != scope or not _applies(t, figures):
            continue
        value = figures.figure(t.figure)
        out.append(
            Advice(
                threshold_id=t.id,
                code=t.advice,
                level=t.level,
                audience=t.audience,
                figure=t.figure,
                value=value,
                at_least=t.at_least,
                message_zh=t.message_zh.format(value=value),
                message_en=t.message_en.format(value=value),
                rationale=t.rationale,
                citation=t.citation,
                shift_start=shift_start,
            )
        )
    return tuple(out)


def for_audience(advice: Sequence[Advice], role: str) -> tuple[Advice, ...]:
    """The prompts meant for ``role`` (collector or supervisor)."""
    return tuple(a for a in advice if role in a.audience)
