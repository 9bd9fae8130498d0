"""Decisions: immutable results that carry every denying rule with its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Denial:
    """One rule that denies an attempt, with what a collector and an auditor need to see."""

    rule_id: str
    pack: str
    pack_version: str
    kind: str
    citation: str
    confidence: str
    message_zh: str
    message_en: str
    #: when this rule alone stops denying; None when only a change of state can
    next_allowed_at: datetime | None
    #: the history events (times) behind a count or a wait, newest last
    evidence: tuple[datetime, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "pack": self.pack,
            "pack_version": self.pack_version,
            "kind": self.kind,
            "citation": self.citation,
            "confidence": self.confidence,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "next_allowed_at": self.next_allowed_at.isoformat() if self.next_allowed_at else None,
            "evidence": [t.isoformat() for t in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    denials: tuple[Denial, ...] = ()
    next_allowed_at: datetime | None = None

    @property
    def rules(self) -> list[str]:
        return list(dict.fromkeys(d.rule_id for d in self.denials))

    def to_dict(self) -> dict[str, Any]:
        """The contract shape of design.md, plus messages for people."""
        return {
            "allowed": self.allowed,
            "rules": self.rules,
            "next_allowed_at": self.next_allowed_at.isoformat() if self.next_allowed_at else None,
            "messages": [
                {"rule": d.rule_id, "zh": d.message_zh, "en": d.message_en, "citation": d.citation}
                for d in self.denials
            ],
        }
