"""The results of screening: immutable findings that carry their rule, citation, reason and rewrite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["BLOCK_CATEGORIES", "Finding", "Raw", "ScreenResult", "merged"]

#: a hit before it becomes a finding: (category, start, end) in normalised text, source, evidence detail, severity
Raw = tuple[str, int, int, str, str, str]

# Categories that stop a message outright; the others warn (issue contract, design.md categories).
BLOCK_CATEGORIES = frozenset(
    {
        "threat",
        "impersonation",
        "false_legal_consequence",
        "third_party_disclosure",
        "demand_from_third_party",
        "privacy_exposure",
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One violation: ``original[start:end]`` breaks ``rule`` of a pack, with why and what to say instead."""

    category: str
    start: int
    end: int
    severity: str  # "block" | "warn"
    rule: str
    citation: str
    suggestion: str
    explanation_zh: str
    explanation_en: str
    evidence: str
    source: str  # "lexicon" | "frame" | "context" | "relay" | "repetition" | "model" | "pii"

    def to_dict(self) -> dict[str, Any]:
        """The design.md contract keys first, then the explanation fields."""
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
            "rule": self.rule,
            "citation": self.citation,
            "suggestion": self.suggestion,
            "explanation_zh": self.explanation_zh,
            "explanation_en": self.explanation_en,
            "evidence": self.evidence,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The verdict of one message: ``block`` if any finding blocks, ``warn`` if any warns, else ``pass``."""

    verdict: str
    findings: tuple[Finding, ...]
    text: str = ""  # the screened message, kept for the rewrite

    @property
    def rewrite(self) -> str:
        """The message with every violating sentence replaced by its finding's suggestion (built on demand)."""
        if not self.findings:
            return self.text
        from collectguard.text.rewrite import load_rewriter

        return load_rewriter().rewrite(self.text, ((f.start, f.end, f.suggestion) for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}
        if self.findings:
            out["rewrite"] = self.rewrite
        return out


def merged(first: ScreenResult, second: ScreenResult) -> ScreenResult:
    """Two readings of one message as one result: every finding of either, once; the stricter verdict."""
    if not second.findings:
        return first
    if not first.findings:
        return second
    seen = {(f.category, f.start, f.end, f.rule) for f in first.findings}
    extra = [f for f in second.findings if (f.category, f.start, f.end, f.rule) not in seen]
    findings = sorted([*first.findings, *extra], key=lambda f: (f.start, f.end, f.category, f.rule))
    verdict = "block" if any(f.severity == "block" for f in findings) else "warn"
    return ScreenResult(verdict=verdict, findings=tuple(findings), text=first.text)
