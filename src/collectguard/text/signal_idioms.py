"""Harmless idioms with death words: 累死了, 笑死, 死机, "scared to death", "my phone died".

Neutral replies are full of 死 used as "extremely" and of English figures of speech; a cue
lexicon or an n-gram model reads them as crisis words. This module finds the idiom spans
(``data/signals/idioms.yaml``) so that detection can drop a crisis cue lying *entirely*
inside one — never a cue that runs past it, so "累死了算了" still counts — and so that the
recall layers read the text with those spans blanked out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated
from collectguard.errors import DataFileError
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import Normalized, normalize
from collectguard.text.signal_lexicon import spellings
from collectguard.text.signal_patterns import PatternError, expand
from collectguard.text.signal_schema import Lang

_BLANK = ","  # a clause break: keeps offsets and stops n-grams and windows spanning the idiom


class _IdiomFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    version: str
    classes: dict[str, list[str]] = {}
    idioms: dict[Lang, list[str]]


@dataclass(frozen=True, slots=True)
class Idioms:
    automaton: Matcher[int]  # form -> length

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every idiom in normalised ``text``; latin idioms match whole words."""
        out: list[tuple[int, int]] = []
        for end_index, length in self.automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            if _word(text[start]) and start > 0 and _word(text[start - 1]):
                continue
            if _word(text[end - 1]) and end < len(text) and _word(text[end]):
                continue
            out.append((start, end))
        return out


def _word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def load_idioms(path: Path) -> Idioms:
    spec = load_validated(path, _IdiomFile)
    forms: dict[str, int] = {}
    for lang, patterns in spec.idioms.items():
        for i, pattern in enumerate(patterns):
            try:
                readings = expand(pattern, spec.classes)
            except PatternError as exc:
                raise DataFileError(
                    f"{path.name}: idioms.{lang}[{i}]: {exc}", field=f"idioms.{lang}[{i}]"
                ) from exc
            for parts in readings:
                if len(parts) != 1:
                    raise DataFileError(
                        f"{path.name}: idioms.{lang}[{i}]: an idiom may not use a gap",
                        field=f"idioms.{lang}[{i}]",
                    )
                for form in spellings(normalize(parts[0]).text):
                    forms[form] = len(form)
    return Idioms(Matcher(forms))


@lru_cache(maxsize=1)
def shipped_idioms() -> Idioms:
    return load_idioms(Path(str(resources.files("collectguard") / "data" / "signals" / "idioms.yaml")))


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies entirely within one idiom span."""
    return any(s <= start and end <= e for s, e in spans)


def blanked(norm: Normalized, spans: list[tuple[int, int]]) -> Normalized:
    """``norm`` with idiom spans replaced by clause breaks (same length, same offsets)."""
    if not spans:
        return norm
    chars = list(norm.text)
    for s, e in spans:
        chars[s:e] = _BLANK * (e - s)
    return replace(norm, text="".join(chars))


__all__ = ["Idioms", "blanked", "inside", "load_idioms", "shipped_idioms"]
