"""PHONE: mainland mobiles and landlines, and international numbers, validated by ``phonenumbers``.

A regex finds the candidate; the numbering plan (libphonenumber metadata) decides whether such a
number can exist, so 12345678901 or a date is never a phone. Service numbers (400…, 95…) are
not personal data and have no pattern here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import phonenumbers

from collectguard.pii.recognizer import Pattern, PatternRecognizer
from collectguard.pii.recognizers.numbers import NOT_ALNUM_AFTER, NOT_ALNUM_BEFORE, number_context

__all__ = ["PhoneRecognizer"]

_BEFORE = r"(?<![0-9A-Za-z.+])(?<![0-9][ -])"
_CN_MOBILE = Pattern.compile(
    "phone.cn_mobile",
    rf"{_BEFORE}(?P<pii>(?:(?:\+86|0086|\(\+?86\))[ -]?)?1[3-9]\d(?:\d{{8}}|[ -]\d{{4}}[ -]?\d{{4}}|\d{{4}}[ -]\d{{4}}))"
    rf"(?!\d)",
    0.85,
)
_CN_LANDLINE = Pattern.compile(
    "phone.cn_landline",
    rf"{NOT_ALNUM_BEFORE}(?P<pii>(?:(?:\+86|0086)[ -]?)?(?:\(0\d{{2,3}}\)|0\d{{2,3}})[ -]?[2-9]\d{{6,7}}"
    rf"(?:[ -]?(?:转|ext\.?|x)\d{{1,5}})?)(?!\d)",
    0.75,
)
_INTERNATIONAL = Pattern.compile(
    "phone.international",
    rf"{_BEFORE}(?P<pii>(?:\+|00)(?!86)[1-9]\d{{0,2}}[ -.]?(?:\(\d{{1,4}}\)[ -.]?)?\d{{1,5}}(?:[ -.]?\d{{2,5}}){{1,4}})"
    rf"(?!\d)",
    0.8,
)
_NANP = Pattern.compile(
    "phone.nanp",
    rf"{NOT_ALNUM_BEFORE}(?P<pii>(?:1[ -.])?(?:\(\d{{3}}\) ?|\d{{3}}[-.])\d{{3}}[-.]\d{{4}}(?: ?(?:x|ext\.?) ?\d{{1,5}})?)"
    rf"{NOT_ALNUM_AFTER}",
    0.75,
)


@lru_cache(maxsize=8192)
def _cn_mobile_prefix_ok(prefix7: str) -> bool:
    """Mainland mobile validity is decided by the first seven digits (the number segment and
    HLR block in the numbering plan); parsing every candidate in full is the slow part."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(prefix7 + "0000", "CN"))
    except phonenumbers.NumberParseException:
        return False


class PhoneRecognizer(PatternRecognizer):
    """One numbering plan (``region``) or international format (``region=None``)."""

    def __init__(
        self, name: str, patterns: Sequence[Pattern], region: str | None, requires: Sequence[str] = ()
    ) -> None:
        super().__init__(
            name=name, type="PHONE", patterns=patterns, requires=requires, **number_context("PHONE")
        )
        self.region = region

    @classmethod
    def all(cls) -> list[PhoneRecognizer]:
        return [
            cls("phone_cn_mobile", [_CN_MOBILE], "CN"),
            cls("phone_cn_landline", [_CN_LANDLINE], "CN", requires=("0",)),
            cls("phone_international", [_INTERNATIONAL], None, requires=("+", "00")),
            cls("phone_nanp", [_NANP], "US", requires=("-", ".")),
        ]

    def validate(self, value: str, folded: str, start: int) -> str | None:
        if self.name == "phone_cn_mobile":
            digits = "".join(ch for ch in value if ch.isdigit())[-11:]
            return "valid CN mobile prefix per libphonenumber" if _cn_mobile_prefix_ok(digits[:7]) else None
        candidate = value.replace("转", " ext ")
        if candidate.startswith("00"):
            candidate = "+" + candidate[2:]
        try:
            number = phonenumbers.parse(candidate, self.region)
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number):
            return None
        kind = phonenumbers.number_type(number)
        if kind in (phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST):
            return None
        region = phonenumbers.region_code_for_number(number) or "?"
        return f"valid {region} number per libphonenumber"
