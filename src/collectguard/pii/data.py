"""Load the PII data files once, validated with pydantic; errors name the file, entry and field."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import yaml

from collectguard.errors import DataFileError

__all__ = [
    "AddressData",
    "NumbersData",
    "PatternFile",
    "PersonData",
    "RegionData",
    "SurnameData",
    "data_dir",
    "load_model",
]

M = TypeVar("M", bound=pydantic.BaseModel)


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class RegionData(_Strict):
    source: str
    provinces: dict[str, str]
    min_birth_year: int
    max_birth_year: int


class NumbersData(_Strict):
    window: int = pydantic.Field(ge=1, le=64)
    deny_context: list[str]
    deny_by_type: dict[str, list[str]] = {}
    context: dict[str, list[str]]


class SurnameData(_Strict):
    single: str
    compound: list[str]
    weak: str


class _ZhCues(_Strict):
    label: list[str]
    before: list[str]
    titles: list[str]
    greetings: list[str]
    not_names: list[str]
    after: list[str]
    stop_first: str
    stop: str


class _EnCues(_Strict):
    before: list[str]
    after: list[str]
    not_names: str
    given: str


class PersonData(_Strict):
    zh: _ZhCues
    en: _EnCues


class AddressData(_Strict):
    provinces: list[str]
    province_suffixes: list[str]
    city_suffixes: list[str]
    district_suffixes: list[str]
    town_suffixes: list[str]
    road_suffixes: list[str]
    complex_suffixes: list[str]
    village_suffixes: list[str]
    lead_cues: list[str]
    institution_tails: list[str]
    not_roads: list[str] = []


class PatternSpec(_Strict):
    name: str
    regex: str
    score: float = pydantic.Field(ge=0, le=1)


class PatternRecognizerSpec(_Strict):
    """A no-code recognizer: patterns plus context words, nothing else."""

    name: str
    type: str = pydantic.Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    patterns: list[PatternSpec] = pydantic.Field(min_length=1)
    context: list[str] = []
    context_required: bool = False
    deny_context: list[str] = []
    window: int = pydantic.Field(default=16, ge=1, le=64)
    requires: list[str] = []
    source: str = ""


class PatternFile(_Strict):
    recognizers: list[PatternRecognizerSpec]


def data_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "pii"))


def _where(error: Any) -> str:
    return ".".join(str(p) for p in error["loc"]) or "(top)"


def load_model(model: type[M], path: Path) -> M:
    """Read and validate one YAML file; a ``DataFileError`` names the file, entry and field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path.name}: not UTF-8 text (byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        raise DataFileError(f"{path.name}: {_where(first)}: {first['msg']}") from None


@cache
def shipped(model: type[M], name: str) -> M:
    """A shipped data file under ``collectguard/data/pii``, loaded once."""
    return load_model(model, data_dir() / name)
