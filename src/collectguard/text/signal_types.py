"""The borrower-reply signal: an immutable result that carries its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing a borrower's reply tells us, with where it says so and how directly.

    ``start``/``end`` index the original text (end exclusive); ``evidence`` is that slice.
    ``subject`` is ``third_person`` when the reply speaks of someone else in the household
    ("他说要跳楼") — still a signal about this account. ``scope`` is set for a
    ``cease_request`` limited to a channel or place ("call", "workplace"), or to hours
    (``hours``: "早上10点前别打" gives scope ``hours`` and hours ``(("00:00", "10:00"),)``, local
    windows not to contact in; ``days`` keeps them to some ISO weekdays, "不要在周末打电话" giving
    ``(("00:00", "24:00"),)`` on ``(6, 7)``); None means everything. ``cue`` names the lexicon pattern that matched, so a reviewer sees why.
    ``origin`` is the layer that found it: ``cue`` (the lexicon), ``weak`` (a combination of
    weak warning signs) or ``model`` (the n-gram model's guess, with no cue behind it).
    """

    type: str
    start: int
    end: int
    confidence: float
    evidence: str
    subject: str = "self"
    scope: str | None = None
    cue: str = ""
    origin: str = "cue"
    hours: tuple[tuple[str, str], ...] = ()
    days: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Contract keys first (type, start, end, confidence), then the explanation."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "subject": self.subject,
            "scope": self.scope,
            "cue": self.cue,
            "origin": self.origin,
            "hours": [list(w) for w in self.hours],
            "days": list(self.days),
        }

    def contract(self) -> dict[str, Any]:
        """Only the keys of the ``signals --jsonl`` contract."""
        return {"type": self.type, "start": self.start, "end": self.end, "confidence": self.confidence}
