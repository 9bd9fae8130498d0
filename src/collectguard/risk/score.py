"""Complaint-risk score 0–100 from factor values, with the points each factor contributes.

L = Σ weight × ramp(value); score = 100 × (1 − e^(−L)). Each factor's points are the score
shared in proportion to its load, so the listed points add up to the score exactly, and the
score rises (never falls) when any factor's value rises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from collectguard.errors import ValidationError
from collectguard.risk.settings import FACTOR_IDS, Band, RiskSettings


@dataclass(frozen=True, slots=True)
class FactorContribution:
    id: str
    value: float
    load: float
    points: float
    label_zh: str
    label_en: str
    explain_zh: str
    explain_en: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "factor": self.id,
            "value": round(self.value, 3),
            "points": round(self.points, 2),
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "explain_zh": self.explain_zh,
            "explain_en": self.explain_en,
            "citation": self.citation,
        }


@dataclass(frozen=True, slots=True)
class RiskScore:
    account_id: str
    #: the score rounded for people; ``raw_score`` is the exact value the points add up to
    score: int
    raw_score: float
    level: str
    level_zh: str
    level_en: str
    #: every factor, largest contribution first (ties in model order)
    factors: tuple[FactorContribution, ...]
    top: tuple[FactorContribution, ...]
    model_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "score": self.score,
            "raw_score": round(self.raw_score, 4),
            "level": self.level,
            "level_zh": self.level_zh,
            "level_en": self.level_en,
            "top_factors": [f.to_dict() for f in self.top],
            "factors": [f.to_dict() for f in self.factors],
            "model_version": self.model_version,
            "model": "additive, not fitted: score = 100 × (1 − e^(−Σ weight × ramp(value)))",
        }


def score_factors(values: Mapping[str, float], settings: RiskSettings, *, account_id: str = "") -> RiskScore:
    """Score one account from its factor values (names: ``FACTOR_IDS``; missing ones are 0)."""
    unknown = set(values) - set(FACTOR_IDS)
    if unknown:
        raise ValidationError(f"unknown risk factor(s): {', '.join(sorted(unknown))}", field="factors")
    loads = []
    for spec in settings.factors:
        value = float(values.get(spec.id, 0.0))
        if math.isnan(value) or value < 0:
            raise ValidationError("must be a number >= 0", field=f"factors.{spec.id}")
        loads.append((spec, value, spec.weight * spec.ramp(value)))
    total = sum(load for _, _, load in loads)
    raw = 100.0 * -math.expm1(-total)
    fmt = {"days": settings.lookback_days, "minutes": settings.near_miss_minutes}
    contributions = [
        FactorContribution(
            id=spec.id,
            value=value,
            load=load,
            points=raw * load / total if total > 0 else 0.0,
            label_zh=spec.label_zh,
            label_en=spec.label_en,
            explain_zh=spec.explain_zh.format(value=value, **_days(spec.id, settings, fmt)),
            explain_en=spec.explain_en.format(value=value, **_days(spec.id, settings, fmt)),
            citation=spec.citation,
        )
        for spec, value, load in loads
    ]
    ordered = tuple(sorted(contributions, key=lambda c: -c.points))
    band = band_for(raw, settings)
    return RiskScore(
        account_id=account_id,
        score=round(raw),
        raw_score=raw,
        level=band.level,
        level_zh=band.label_zh,
        level_en=band.label_en,
        factors=ordered,
        top=tuple(c for c in ordered[: settings.top_factors] if c.points > 0),
        model_version=settings.version,
    )


def band_for(raw_score: float, settings: RiskSettings) -> Band:
    """The first band whose ``below`` bound the score stays under (30 is medium, not low)."""
    return next(b for b in settings.bands if raw_score < b.below)


def _days(factor_id: str, settings: RiskSettings, fmt: dict[str, int]) -> dict[str, int]:
    # contact pressure is measured over its own, shorter window
    return {**fmt, "days": settings.pressure_days} if factor_id == "contact_pressure" else fmt
