"""How hours and minutes are written in a reply: digits, Chinese numerals (九, 十一, 二十一, 零五, 半) and
English words ("eight", "eight thirty", "half past eight", "quarter to nine", British "half eight").
The hours reader (:mod:`signal_time`) builds its patterns from these tables and reads the numbers
it matches with :func:`number`.
"""

from __future__ import annotations

__all__ = ["EN_MINUTES", "EN_NUMBERS", "PAST", "ZH_MINUTES", "minute", "number"]

_ZH_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
#: "after eight", "before ten o'clock": English hours in words
EN_NUMBERS = {
    w: n
    for n, w in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), 1
    )
}
#: "eight thirty", "nine fifteen", "eight-forty-five": minutes in words after an English hour
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
EN_MINUTES = {
    "o five": 5,
    "oh five": 5,
    "ten": 10,
    "fifteen": 15,
    **_TENS,
    **{
        f"{t}{sep}{u}": n + k
        for t, n in _TENS.items()
        for u, k in EN_NUMBERS.items()
        if k < 10
        for sep in " -"
    },
}
#: minutes a Chinese clock time names in words (八点半, 九点一刻)
ZH_MINUTES = {"半": 30, "一刻": 15, "三刻": 45}
#: half past eight, quarter to nine, and "half eight" (half past, in British and Irish English)
PAST = {"half past": 30, "quarter past": 15, "quarter to": -15, "quarter till": -15, "half": 30}


def number(word: str) -> int | None:
    """An hour or minute written in digits, Chinese numerals (九, 十一, 二十一, 零五) or English words."""
    if word.isdigit():
        return int(word)
    if word in EN_NUMBERS:
        return EN_NUMBERS[word]
    word = word.removeprefix("零")
    if "十" in word:
        tens, _, units = word.partition("十")
        return _ZH_DIGITS.get(tens, 1 if not tens else -99) * 10 + (
            _ZH_DIGITS.get(units, -99) if units else 0
        )
    return _ZH_DIGITS.get(word) if len(word) == 1 else None


def minute(word: str | None) -> int:
    """The minutes of a clock time: none named is 0, 半 is 30, 一刻 15, else the number (零五, 30)."""
    if word is None:
        return 0
    return ZH_MINUTES.get(word, number(word) or 0)
