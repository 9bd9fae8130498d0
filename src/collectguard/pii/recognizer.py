"""The recognizer shape: patterns are data, ``validate`` vetoes a match, context adjusts the score.

A recognizer that needs only regexes and context words is a YAML entry (``patterns.yaml``);
one that needs a check (a check digit, a date, a name list) is a small subclass overriding
:meth:`PatternRecognizer.validate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from collectguard.errors import DataFileError
from collectguard.pii.data import PatternRecognizerSpec
from collectguard.pii.span import PiiSpan

__all__ = ["Pattern", "PatternRecognizer", "Recognizer"]

CONTEXT_BOOST = 0.15
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")


class Recognizer(Protocol):
    """Anything that finds spans of one type. ``folded`` is ``text`` with full-width forms folded."""

    name: str
    type: str

    def analyze(self, text: str, folded: str) -> Iterable[PiiSpan]: ...


@dataclass(frozen=True, slots=True)
class Pattern:
    """A named regex with the score a bare match earns; group ``pii`` (if any) is the span."""

    name: str
    regex: re.Pattern[str]
    score: float

    @classmethod
    def compile(cls, name: str, regex: str, score: float) -> Pattern:
        try:
            return cls(name, re.compile(regex), score)
        except re.error as exc:
            raise DataFileError(f"pattern {name}: invalid regex: {exc}") from None


class PatternRecognizer:
    """Regexes over the folded text, a veto hook, and context words before the match."""

    def __init__(
        self,
        *,
        name: str,
        type: str,
        patterns: Sequence[Pattern],
        context: Sequence[str] = (),
        deny_context: Sequence[str] = (),
        context_required: bool = False,
        window: int = 16,
        requires: Sequence[str] = (),
    ) -> None:
        self.name = name
        self.type = type
        self.patterns = tuple(patterns)
        self.context = tuple(w.lower() for w in context)
        self.deny_context = tuple(w.lower() for w in deny_context)
        self.context_required = context_required
        self.window = window
        # Substrings of which one must occur for any pattern to match ("@" for e-mail): a cheap
        # test that spares the regexes on most texts.
        self.requires = tuple(requires)

    @classmethod
    def from_spec(cls, spec: PatternRecognizerSpec) -> PatternRecognizer:
        patterns = [Pattern.compile(f"{spec.name}.{p.name}", p.regex, p.score) for p in spec.patterns]
        return cls(
            name=spec.name,
            type=spec.type,
            patterns=patterns,
            context=spec.context,
            deny_context=spec.deny_context,
            context_required=spec.context_required,
            window=spec.window,
            requires=spec.requires,
        )

    def validate(self, value: str, folded: str, start: int) -> str | None:
        """Why ``value`` really is this type ("" for no extra reason), or ``None`` to veto it.

        ``value`` is the folded match; ``folded`` and ``start`` give the surrounding text.
        """
        return ""

    def _context(self, folded: str, start: int) -> tuple[str | None, str | None]:
        before = folded[max(0, start - self.window) : start].lower()
        # A veto word counts only in the number's own clause: "编号123，请拨13812345678" is a phone.
        clause = _CLAUSE_END.split(before)[-1]
        deny = next((w for w in self.deny_context if w in clause), None)
        cue = next((w for w in self.context if w in before), None)
        return cue, deny

    def analyze(self, text: str, folded: str) -> Iterator[PiiSpan]:
        if self.requires and not any(r in folded for r in self.requires):
            return
        for pattern in self.patterns:
            for match in pattern.regex.finditer(folded):
                group = "pii" if "pii" in pattern.regex.groupindex else 0
                start, end = match.span(group)
                if start < 0:
                    continue
                reason = self.validate(match.group(group), folded, start)
                if reason is None:
                    continue
                cue, deny = self._context(folded, start)
                if deny is not None or (self.context_required and cue is None):
                    continue
                score = pattern.score
                why = [f"{pattern.name}"]
                if reason:
                    why.append(reason)
                if cue is not None:
                    score = round(min(1.0, score + CONTEXT_BOOST), 3)
                    why.append(f"context '{cue}'")
                yield PiiSpan(self.type, start, end, score, "; ".join(why))
