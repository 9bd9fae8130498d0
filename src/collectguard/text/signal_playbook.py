"""Playbooks: what the collector says and does next, per signal, from data files.

``data/playbooks/signals.yaml`` holds say / do-not-say lines and steps per signal, in
Chinese and English; ``data/playbooks/crisis.yaml`` holds support lines per region, the
script that ends a collection conversation safely and the hand-over to a person. A crisis
puts its guidance first and marks the playbook ``stop_collection``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import yaml

from collectguard.errors import DataFileError, ValidationError
from collectguard.text.signal_schema import SIGNAL_TYPES, SignalType
from collectguard.text.signal_types import Signal

CRISIS = "distress_self_harm"


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class _Line(_Strict):
    zh: str = pydantic.Field(min_length=1)
    en: str = pydantic.Field(min_length=1)


class _Guide(_Strict):
    title: _Line
    say: list[_Line] = pydantic.Field(min_length=1)
    avoid: list[_Line] = pydantic.Field(min_length=1)
    steps: list[_Line] = pydantic.Field(min_length=1)


class _SignalsFile(_Strict):
    version: str
    priority: list[SignalType]
    signals: dict[SignalType, _Guide]

    @pydantic.model_validator(mode="after")
    def _complete(self) -> _SignalsFile:
        missing = [s for s in SIGNAL_TYPES if s not in self.signals or s not in self.priority]
        if missing:
            raise ValueError(f"no guidance or priority for {', '.join(missing)}")
        return self


class _Resource(_Strict):
    name_zh: str
    name_en: str
    contact: str
    hours_zh: str = ""
    hours_en: str = ""


class _Region(_Strict):
    name: _Line
    resources: list[_Resource] = pydantic.Field(min_length=1)


class _CrisisFile(_Strict):
    version: str
    regions: dict[str, _Region]
    end_call: list[_Line] = pydantic.Field(min_length=1)
    handover: list[_Line] = pydantic.Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Line:
    zh: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True, slots=True)
class Guidance:
    signal: str
    title: Line
    say: tuple[Line, ...]
    avoid: tuple[Line, ...]
    steps: tuple[Line, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "title": self.title.to_dict(),
            "say": [x.to_dict() for x in self.say],
            "avoid": [x.to_dict() for x in self.avoid],
            "steps": [x.to_dict() for x in self.steps],
        }


@dataclass(frozen=True, slots=True)
class Resource:
    name: Line
    contact: str
    hours: Line

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name.to_dict(), "contact": self.contact, "hours": self.hours.to_dict()}


@dataclass(frozen=True, slots=True)
class CrisisPlan:
    region: str
    region_name: Line
    resources: tuple[Resource, ...]
    end_call: tuple[Line, ...]
    handover: tuple[Line, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "region_name": self.region_name.to_dict(),
            "resources": [r.to_dict() for r in self.resources],
            "end_call": [x.to_dict() for x in self.end_call],
            "handover": [x.to_dict() for x in self.handover],
        }


@dataclass(frozen=True, slots=True)
class Playbook:
    """The next moves for the collector; empty guidance means a neutral reply."""

    region: str
    guidance: tuple[Guidance, ...]
    crisis: CrisisPlan | None
    stop_collection: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "stop_collection": self.stop_collection,
            "guidance": [g.to_dict() for g in self.guidance],
            "crisis": self.crisis.to_dict() if self.crisis else None,
        }


def _load(path: Path, model: type[pydantic.BaseModel]) -> Any:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from exc
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{path.name}: field {field}: {first['msg']}", field=field) from exc


def _line(x: _Line) -> Line:
    return Line(x.zh, x.en)


@lru_cache(maxsize=4)
def _shipped(folder: str) -> tuple[_SignalsFile, _CrisisFile]:
    base = Path(folder)
    return _load(base / "signals.yaml", _SignalsFile), _load(base / "crisis.yaml", _CrisisFile)


def _folder() -> str:
    return str(resources.files("collectguard") / "data" / "playbooks")


def regions() -> tuple[str, ...]:
    """Regions with crisis resources (``cn``, ``us``, ``uk`` …)."""
    return tuple(_shipped(_folder())[1].regions)


def _crisis_plan(spec: _CrisisFile, region: str) -> CrisisPlan:
    r = spec.regions[region]
    first = r.resources[0]
    resource = f"{first.name_zh} {first.contact}"
    resource_en = f"{first.name_en} {first.contact}"
    return CrisisPlan(
        region=region,
        region_name=_line(r.name),
        resources=tuple(
            Resource(Line(x.name_zh, x.name_en), x.contact, Line(x.hours_zh, x.hours_en)) for x in r.resources
        ),
        end_call=tuple(
            Line(x.zh.replace("{resource}", resource), x.en.replace("{resource}", resource_en))
            for x in spec.end_call
        ),
        handover=tuple(_line(x) for x in spec.handover),
    )


def playbook(signals: Sequence[Signal], *, region: str = "cn", folder: str | None = None) -> Playbook:
    """Guidance for every signal type present, crisis first; support lines for ``region``."""
    guides, crisis = _shipped(folder or _folder())
    if region not in crisis.regions:
        known = ", ".join(crisis.regions)
        raise ValidationError(f"no crisis resources for region {region!r}; known: {known}", field="region")
    present = {s.type for s in signals}
    guidance = tuple(
        Guidance(
            signal=name,
            title=_line(g.title),
            say=tuple(_line(x) for x in g.say),
            avoid=tuple(_line(x) for x in g.avoid),
            steps=tuple(_line(x) for x in g.steps),
        )
        for name in guides.priority
        if name in present and (g := guides.signals[name])
    )
    in_crisis = CRISIS in present
    return Playbook(
        region=region,
        guidance=guidance,
        crisis=_crisis_plan(crisis, region) if in_crisis else None,
        stop_collection=in_crisis,
    )
