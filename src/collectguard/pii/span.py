"""The one result of every recognizer: a typed span of the original text with why it matched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PiiSpan"]


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """``text[start:end]`` is personal data of ``type``; offsets index the original string."""

    type: str
    start: int
    end: int
    score: float
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """The contract shape of design.md (type, start, end) plus score and explanation."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
            "explanation": self.explanation,
        }
