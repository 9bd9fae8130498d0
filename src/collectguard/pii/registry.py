"""The registry: which recognizers run, and how overlapping spans of different types resolve."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache

from collectguard.errors import ValidationError
from collectguard.pii.recognizer import Recognizer
from collectguard.pii.span import PiiSpan
from collectguard.widths import fold_width

__all__ = ["Registry", "default_registry"]

DEFAULT_MIN_SCORE = 0.5


class Registry:
    """An ordered set of recognizers; ``analyze`` runs those of the wanted types."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()) -> None:
        self._recognizers: list[Recognizer] = []
        self._types: frozenset[str] = frozenset()
        for recognizer in recognizers:
            self.register(recognizer)

    def register(self, recognizer: Recognizer) -> None:
        if any(r.name == recognizer.name for r in self._recognizers):
            raise ValidationError(
                f"a recognizer named {recognizer.name!r} is already registered", field="name"
            )
        self._recognizers.append(recognizer)
        self._types = self._types | {recognizer.type}

    @property
    def recognizers(self) -> tuple[Recognizer, ...]:
        return tuple(self._recognizers)

    @property
    def types(self) -> frozenset[str]:
        return self._types

    def analyze(
        self, text: str, *, types: Collection[str] | None = None, min_score: float = DEFAULT_MIN_SCORE
    ) -> list[PiiSpan]:
        """Non-overlapping spans sorted by start; on overlap the longer, then surer, span wins."""
        if types is not None:
            unknown = set(types) - self.types
            if unknown:
                raise ValidationError(f"unknown PII type(s): {', '.join(sorted(unknown))}", field="types")
        folded = fold_width(text)
        found: list[PiiSpan] = []
        for recognizer in self._recognizers:
            if types is None or recognizer.type in types:
                found.extend(s for s in recognizer.analyze(text, folded) if s.score >= min_score)
        return _resolve(found)


def _resolve(spans: list[PiiSpan]) -> list[PiiSpan]:
    spans.sort(key=lambda s: (s.start - s.end, -s.score, s.start))
    kept: list[PiiSpan] = []
    for span in spans:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    kept.sort(key=lambda s: s.start)
    return kept


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Every shipped recognizer, data loaded and regexes compiled once per process."""
    from collectguard.pii.recognizers import shipped_recognizers

    return Registry(shipped_recognizers())
