"""CN_ID: the resident identity card number (GB 11643-1999), 18 digits or the legacy 15."""

from __future__ import annotations

from collectguard.pii.checks import cn_id_check_char, is_valid_date
from collectguard.pii.data import RegionData, shipped
from collectguard.pii.recognizer import Pattern, PatternRecognizer
from collectguard.pii.recognizers.numbers import NOT_ALNUM_AFTER, NOT_ALNUM_BEFORE, number_context

__all__ = ["CnIdRecognizer"]

_SEP = "[ -]"
_PATTERNS = (
    Pattern.compile("cn_id.18", rf"{NOT_ALNUM_BEFORE}(?P<pii>\d{{17}}[\dXx]){NOT_ALNUM_AFTER}", 0.9),
    # Grouped as printed on forms: 6-8-4, 6-4-4-4 or 3-3-4-4-4.
    Pattern.compile(
        "cn_id.18.grouped",
        rf"{NOT_ALNUM_BEFORE}(?P<pii>\d{{6}}(?:{_SEP}\d{{8}}|{_SEP}\d{{4}}{_SEP}\d{{4}}){_SEP}\d{{3}}[\dXx]"
        rf"|\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{3}}[\dXx]){NOT_ALNUM_AFTER}",
        0.9,
    ),
    # Legacy 15-digit numbers (before 1999) carry no check digit: reported only beside a cue.
    Pattern.compile("cn_id.15", rf"{NOT_ALNUM_BEFORE}(?P<pii>\d{{15}}){NOT_ALNUM_AFTER}", 0.6),
)


class CnIdRecognizer(PatternRecognizer):
    """18 digits (last may be X) with a valid check digit, birth date and province prefix."""

    def __init__(self) -> None:
        super().__init__(name="cn_id", type="CN_ID", patterns=_PATTERNS, **number_context("CN_ID"))
        self._regions = shipped(RegionData, "regions.yaml")

    def validate(self, value: str, folded: str, start: int) -> str | None:
        digits = value.replace(" ", "").replace("-", "").upper()
        region = self._regions.provinces.get(digits[:2])
        if region is None or digits[2:4] == "00":
            return None
        if len(digits) == 15:
            cue, _ = self._context(folded, start)
            if cue is None:
                return None
            year, month, day = 1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
        else:
            if cn_id_check_char(digits[:17]) != digits[17]:
                return None
            year, month, day = int(digits[6:10]), int(digits[10:12]), int(digits[12:14])
        if not (self._regions.min_birth_year <= year <= self._regions.max_birth_year):
            return None
        if not is_valid_date(year, month, day):
            return None
        check = "" if len(digits) == 15 else "GB 11643 check digit ok; "
        return f"{check}birth date {year:04d}-{month:02d}-{day:02d}; region {digits[:2]} {region}"
