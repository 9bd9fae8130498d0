"""The complaint-risk model as data: factors, weights, ramps and bands from ``data/risk.yaml``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field, model_validator

from collectguard.datafile import describe, read_yaml
from collectguard.errors import DataFileError

FactorId = Literal[
    "contact_pressure",
    "quiet_hours_near_miss",
    "unresolved_dispute",
    "anger",
    "complaint_intent",
    "warn_findings",
    "overdue_days",
    "overdue_amount",
    "earlier_complaints",
]
FACTOR_IDS: tuple[str, ...] = FactorId.__args__  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Ramp(_Strict):
    low: float = Field(alias="from")
    high: float = Field(alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> Ramp:
        if not self.low < self.high:
            raise ValueError("from must be below to")
        return self

    def __call__(self, value: float) -> float:
        """0 at or below ``from``, 1 at or above ``to``, linear between: monotone by construction."""
        if value <= self.low:
            return 0.0
        if value >= self.high:
            return 1.0
        return (value - self.low) / (self.high - self.low)


class FactorSpec(_Strict):
    id: FactorId
    weight: float = Field(gt=0, le=5)
    ramp: Ramp
    label_zh: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    explain_zh: str = Field(min_length=1)
    explain_en: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    citation: str = Field(min_length=1)

    @model_validator(mode="after")
    def _templates(self) -> FactorSpec:
        for text in (self.explain_zh, self.explain_en):
            try:
                text.format(value=1.0, days=1, minutes=1)
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"template {text!r} may use only value, days, minutes: {exc}") from None
        return self


class Band(_Strict):
    level: Literal["low", "medium", "high"]
    below: float = Field(gt=0, le=101)
    label_zh: str
    label_en: str


class RiskSettings(_Strict):
    version: str = Field(min_length=1)
    lookback_days: int = Field(ge=1, le=366)
    pressure_days: int = Field(ge=1, le=366)
    near_miss_minutes: int = Field(ge=0, le=240)
    dispute_recent_days: int = Field(ge=0, le=366)
    top_factors: int = Field(ge=1, le=9)
    bands: tuple[Band, ...] = Field(min_length=1)
    factors: tuple[FactorSpec, ...]

    @model_validator(mode="after")
    def _complete(self) -> RiskSettings:
        ids = [f.id for f in self.factors]
        if sorted(ids) != sorted(FACTOR_IDS):
            missing = set(FACTOR_IDS) - set(ids)
            raise ValueError(f"every factor exactly once; missing {sorted(missing)} or repeated")
        bounds = [b.below for b in self.bands]
        if bounds != sorted(bounds) or bounds[-1] <= 100:
            raise ValueError("bands must ascend and the last must cover 100")
        return self

    def factor(self, factor_id: str) -> FactorSpec:
        return next(f for f in self.factors if f.id == factor_id)


def default_path() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "risk.yaml"))


def load_risk_settings(path: str | Path | None = None) -> RiskSettings:
    """The shipped model, or a team's own file; a bad file raises DataFileError."""
    return _shipped() if path is None else _load(Path(path))


@lru_cache(maxsize=1)
def _shipped() -> RiskSettings:
    return _load(default_path())


def _load(path: Path) -> RiskSettings:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    try:
        return RiskSettings.model_validate(data)
    except pydantic.ValidationError as exc:
        raise describe(path, data, exc, "factors") from exc
