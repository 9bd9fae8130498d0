"""What screening looks for personal data with: the types, the hint that a message may hold one
in full, service numbers that are no one's personal data, and the optional analyser."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from collectguard.text.normalize import normalize_text

__all__ = ["IN_FULL", "PII_TYPES", "in_full_hint", "pii_analyzer", "service_number"]

PII_TYPES = ("CN_ID", "US_SSN", "NATIONAL_ID", "PHONE", "BANK_CARD", "ADDRESS")
# to the borrower too: an ID, SSN or card number in full is more than any message needs (尾号6602,
# "the last four of your SSN" will do)
IN_FULL = ("CN_ID", "US_SSN", "BANK_CARD")
# thirteen digits or more, spaced or not: the least an ID or card number in full has (most messages have
# none); an SSN's nine digits need the words it is reported after, which its recognizer names
_LONG_NUMBER = r"\d(?:[ -]?\d){12}"
# Service numbers (400/800/95xxx, US toll-free) belong to the creditor, not to the borrower.
_SERVICE_PREFIXES: tuple[str, ...] = ("400", "800", "95", "96", "1800", "1833", "1844", "1855", "1866")
_SERVICE_PREFIXES += ("1877", "1888", "833", "844", "855", "866", "877", "888")


def service_number(kind: str, value: str) -> bool:
    digits = "".join(c for c in value if c.isdigit())
    return kind == "PHONE" and digits.lstrip("+").lstrip("0").startswith(_SERVICE_PREFIXES)


def pii_analyzer() -> Callable[..., Any] | None:
    """``collectguard.pii.analyze`` when that package provides it; screening works without it."""
    try:
        from collectguard.pii import analyze
    except ImportError:
        return None
    return analyze  # type: ignore[no-any-return]


def in_full_hint() -> re.Pattern[str]:
    """A long number, or a word without which no in-full type can be found (normalised as the message
    is): to the borrower, only a message that has one goes through the personal-data pass."""
    from collectguard.pii import required_cues

    words = {normalize_text(w.strip(), variants=False)[0] for w in required_cues(IN_FULL)}
    return re.compile("|".join([_LONG_NUMBER, *(re.escape(w) for w in sorted(words) if w)]))
