"""BANK_CARD: 16-19 digit payment card numbers passing Luhn with a plausible issuer prefix."""

from __future__ import annotations

from collectguard.pii.checks import luhn_ok
from collectguard.pii.recognizer import Pattern, PatternRecognizer
from collectguard.pii.recognizers.numbers import NOT_ALNUM_AFTER, NOT_ALNUM_BEFORE, number_context

__all__ = ["BankCardRecognizer"]

_PATTERNS = (
    Pattern.compile("bank_card.plain", rf"{NOT_ALNUM_BEFORE}(?P<pii>\d{{16,19}}){NOT_ALNUM_AFTER}", 0.8),
    # 4-4-4-4(-1..4) as embossed, or 6-10..13 as some banks print it.
    Pattern.compile(
        "bank_card.grouped",
        rf"{NOT_ALNUM_BEFORE}(?P<pii>\d{{4}}(?:[ -]\d{{4}}){{3}}(?:[ -]\d{{1,4}})?|\d{{6}}[ -]\d{{10,13}})"
        rf"{NOT_ALNUM_AFTER}",
        0.8,
    ),
)


def _issuer(digits: str) -> str | None:
    """ISO/IEC 7812 major industry: 3 travel/entertainment, 4-5 banking, 6 banking incl. UnionPay
    (62…), 9 national schemes (e.g. 9558… debit cards); 2221-2720 is the Mastercard 2-series.
    Numbers starting 1, 7, 8, 0 or a date (20…) are not payment cards."""
    first = digits[0]
    if first in "34569":
        return {"3": "travel/JCB", "4": "Visa", "5": "Mastercard", "6": "UnionPay/Discover", "9": "national"}[
            first
        ]
    if first == "2" and 2221 <= int(digits[:4]) <= 2720:
        return "Mastercard 2-series"
    return None


class BankCardRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            name="bank_card",
            type="BANK_CARD",
            patterns=_PATTERNS,
            **number_context("BANK_CARD"),
        )

    def validate(self, value: str, folded: str, start: int) -> str | None:
        digits = value.replace(" ", "").replace("-", "")
        if not 16 <= len(digits) <= 19 or len(set(digits)) < 3:
            return None
        issuer = _issuer(digits)
        if issuer is None or not luhn_ok(digits):
            return None
        return f"Luhn ok; issuer {issuer}"
