"""Check digits and plausibility tests that make a number what it claims to be."""

from __future__ import annotations

import calendar

__all__ = ["cn_id_check_char", "is_valid_date", "luhn_ok"]

# GB 11643-1999 §8.2: weights 2^(17-i) mod 11 and the check character table.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def cn_id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812-1 Luhn check over a string of digits."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def is_valid_date(year: int, month: int, day: int) -> bool:
    """A real calendar date (29 February only in leap years)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
