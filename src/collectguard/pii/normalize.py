"""Canonical forms of personal values, so one person's number tokenizes the same however it was typed."""

from __future__ import annotations

import unicodedata

__all__ = ["canonical_value", "fold_width"]

# Full-width digits, letters and the ideographic space map to ASCII one character for one
# character, so offsets found in the folded text are offsets into the original text.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD_TABLE = str.maketrans({chr(k): chr(v) for k, v in _FOLD.items()})


def fold_width(text: str) -> str:
    """Full-width ASCII forms to half-width; the result has exactly the length of ``text``."""
    return text.translate(_FOLD_TABLE)


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
