"""Canonical forms of personal values, so one person's number tokenizes the same however it was typed."""

from __future__ import annotations

import unicodedata

from collectguard.widths import fold_width

__all__ = ["canonical_value"]


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def canonical_value(value: str, kind: str) -> str:
    """The form of ``value`` that identifies the same person or card whatever the formatting.

    Phones lose spaces, dashes and a +86/0086 prefix; ID numbers are upper-cased; cards keep
    digits only; e-mail addresses are lower-cased; everything else is NFKC with spaces removed.
    """
    folded = unicodedata.normalize("NFKC", fold_width(value)).strip()
    kind = kind.upper()
    if kind == "PHONE":
        plus = folded.startswith("+")
        digits = _digits(folded)
        if digits.startswith("0086"):
            return digits[4:]
        if digits.startswith("86") and (plus or len(digits) == 13):
            return digits[2:]
        return ("+" if plus else "") + digits
    if kind in {"BANK_CARD", "QQ", "US_SSN"}:
        return _digits(folded)
    if kind == "CN_ID":
        return "".join(ch for ch in folded if ch.isalnum()).upper()
    if kind == "EMAIL":
        return folded.lower()
    return "".join(folded.split())
