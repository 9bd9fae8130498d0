"""Weak crisis cues in combination: recall for indirect messages no cue phrase foresaw.

A cue lexicon misses new phrasings of the same warning sign. Crisis guidance describes
warning signs by *kind* (absence, means, places, finality, farewell, hopelessness, time …), and
indirect messages combine kinds: "明天你们再打来，我已经不在了" is time + absence. This
module finds words of each kind (``data/signals/weak_cues.yaml``) and reports a low-confidence
``distress_self_harm`` when the kinds within a short window form a listed combination.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic
import yaml

from collectguard.errors import DataFileError
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import Normalized, normalize
from collectguard.text.signal_lexicon import spellings
from collectguard.text.signal_schema import Lang
from collectguard.text.signal_types import Signal


class _WeakFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    version: str
    window: dict[Lang, int]
    confidence: float = pydantic.Field(gt=0.0, le=1.0)
    kinds: dict[str, dict[Lang, list[str]]]
    combinations: list[list[str]] = pydantic.Field(min_length=1)

    @pydantic.model_validator(mode="after")
    def _known(self) -> _WeakFile:
        for combo in self.combinations:
            unknown = [k for k in combo if k not in self.kinds]
            if unknown or len(combo) < 2:
                raise ValueError(f"combination {combo}: needs two or more known kinds")
        return self


@dataclass(frozen=True, slots=True)
class WeakCues:
    automaton: Matcher[tuple[str, str, str]]  # key -> (key, kind, lang)
    window: dict[str, int]
    confidence: float
    combinations: tuple[frozenset[str], ...]


def load_weak(path: Path) -> WeakCues:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        spec = _WeakFile.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from exc
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{path.name}: field {field}: {first['msg']}", field=field) from exc
    automaton = Matcher(
        (form, (form, kind, lang))
        for kind, by_lang in spec.kinds.items()
        for lang, words in by_lang.items()
        for word in words
        for form in spellings(normalize(word).text)
    )
    window: dict[str, int] = {str(k): v for k, v in spec.window.items()}
    return WeakCues(automaton, window, spec.confidence, tuple(frozenset(c) for c in spec.combinations))


@lru_cache(maxsize=1)
def shipped_weak() -> WeakCues:
    return load_weak(Path(str(resources.files("collectguard") / "data" / "signals" / "weak_cues.yaml")))


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def weak_crisis(norm: Normalized, weak: WeakCues | None = None) -> Signal | None:
    """One low-confidence crisis signal spanning the combining words, or None."""
    weak = weak or shipped_weak()
    text = norm.text
    hits: list[tuple[int, int, str, str]] = []
    for end_index, (key, kind, lang) in weak.automaton.iter(text):
        start, end = end_index - len(key) + 1, end_index + 1
        if _ascii_word(key[0]) and start > 0 and _ascii_word(text[start - 1]):
            continue
        if _ascii_word(key[-1]) and end < len(text) and _ascii_word(text[end]):
            continue
        hits.append((start, end, kind, lang))
    if len({h[2] for h in hits}) < 2:
        return None
    hits.sort()
    for i, (start, _, _, lang) in enumerate(hits):
        limit = start + weak.window.get(lang, 40)
        group = [h for h in hits[i:] if h[1] <= limit]
        kinds = {h[2] for h in group}
        if any(combo <= kinds for combo in weak.combinations):
            end = max(h[1] for h in group)
            o_start, o_end = norm.to_original(start, end)
            return Signal(
                type="distress_self_harm",
                start=o_start,
                end=o_end,
                confidence=weak.confidence,
                evidence=norm.original[o_start:o_end],
                cue="weak cues: " + " + ".join(sorted(kinds)),
                origin="weak",
            )
    return None


__all__ = ["WeakCues", "load_weak", "shipped_weak", "weak_crisis"]
