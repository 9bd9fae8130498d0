"""Word lists of the memo readings (reports, quizzes): one file per reading, both languages in one pattern."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import TypeVar

import pydantic

from collectguard.datafile import read_yaml
from collectguard.errors import DataFileError

__all__ = ["Words", "load_memo_file", "words_pattern"]

_File = TypeVar("_File", bound=pydantic.BaseModel)


class Words(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


def words_pattern(words: Words, forms: str = "") -> re.Pattern[str]:
    """One pattern for both languages: English words whole, Chinese words anywhere, longest first."""
    zh = "|".join(re.escape(w) for w in sorted(words.zh, key=len, reverse=True))
    en = "|".join(re.escape(w.lower()) for w in sorted(words.en, key=len, reverse=True))
    parts = ([f"(?:{zh})"] if zh else []) + ([f"(?<![a-z0-9'])(?:{en})(?![a-z0-9'])"] if en else [])
    parts += [forms] if forms else []
    return re.compile("|".join(parts) or r"(?!x)x")


def load_memo_file(name: str, model: type[_File]) -> _File:
    """``data/lexicons/<name>`` validated by ``model``; a bad file raises DataFileError naming the field."""
    path = Path(str(resources.files("collectguard") / "data" / "lexicons" / name))
    try:
        return model.model_validate(read_yaml(path))
    except pydantic.ValidationError as exc:
        raise DataFileError(f"{path.name}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc
