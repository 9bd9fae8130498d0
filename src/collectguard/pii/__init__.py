"""Personal data: find it (recognizers), hide it (operators), seal it (keyring).

>>> [s.type for s in analyze("借款人王芳，电话13812345678")]
['PERSON', 'PHONE']
>>> mask("电话13812345678")
'电话138****5678'
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from collectguard.pii.crypto import Keyring
from collectguard.pii.operators import OPERATORS, anonymize, mask_value
from collectguard.pii.recognizer import Pattern, PatternRecognizer, Recognizer
from collectguard.pii.registry import Registry, default_registry
from collectguard.pii.span import PiiSpan

__all__ = [
    "OPERATORS",
    "PII_TYPES",
    "Keyring",
    "Pattern",
    "PatternRecognizer",
    "PiiSpan",
    "Recognizer",
    "Registry",
    "analyze",
    "anonymize",
    "default_registry",
    "mask",
    "mask_value",
    "required_cues",
]

# The contract types of design.md; the registry may hold more (LICENSE_PLATE, WECHAT_ID, QQ, US_SSN, NATIONAL_ID).
PII_TYPES = ("CN_ID", "PHONE", "BANK_CARD", "EMAIL", "PERSON", "ADDRESS")


def analyze(text: str, *, types: Collection[str] | None = None) -> list[PiiSpan]:
    """Personal data in ``text`` as non-overlapping spans sorted by start (shipped recognizers)."""
    return default_registry().analyze(text, types=types)


def mask(text: str, spans: Sequence[PiiSpan] | None = None) -> str:
    """``text`` with each span (found by :func:`analyze` when not given) masked by type."""
    return anonymize(text, analyze(text) if spans is None else spans, operator="mask")


def required_cues(types: Collection[str]) -> tuple[str, ...]:
    """The words without which the shipped recognizers of ``types`` find nothing (an SSN is reported
    only after "SSN" or "Social Security"): what a caller may test for before it runs them."""
    return tuple(
        word
        for recognizer in default_registry().recognizers
        if recognizer.type in types and getattr(recognizer, "context_required", False)
        for word in getattr(recognizer, "context", ())
    )
