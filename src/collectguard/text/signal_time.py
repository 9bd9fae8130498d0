"""The hours a cease request names: "早上10点前别打", "no calls after 7pm", "上班时间别打电话".

A borrower who asks not to be called at a time has not asked us to stop: the request limits
contact to other hours (Regulation F 1006.6(b)(1)(i), a time known to be inconvenient), and the
contact engine keeps to it. The words for parts of the day and for "before"/"after" are data
(``data/signals/times.yaml``); this module reads clock times and ranges around them, in the
clause of the request only, so "别再打了，我晚上才有空" names no hours to avoid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated
from collectguard.text.normalize import normalize

__all__ = ["Hours", "TimeWords", "quiet_hours", "shipped_times"]

#: a local window [start, end) as "HH:MM" strings; "24:00" ends the day
Window = tuple[str, str]


class _Period(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    words: list[str] = pydantic.Field(min_length=1)
    windows: list[Window] = pydantic.Field(min_length=1)

    @pydantic.field_validator("windows")
    @classmethod
    def _clock(cls, value: list[Window]) -> list[Window]:
        for start, end in value:
            if not (_minutes(start) < _minutes(end)):
                raise ValueError(
                    f"window {start}-{end}: start must be before end, both HH:MM (24:00 ends a day)"
                )
        return value


class _HalfDay(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    am: list[str]
    pm: list[str]


class TimeWords(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    version: str
    periods: list[_Period]
    half_day: _HalfDay
    before: list[str] = pydantic.Field(min_length=1)
    after: list[str] = pydantic.Field(min_length=1)


_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")


def _minutes(hhmm: str) -> int:
    if not _CLOCK.match(hhmm):
        raise ValueError(f"{hhmm!r} is not HH:MM")
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


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
_HOUR = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"
_MINUTE = r"(?:\d{2}|半|一刻|三刻|[一二三四五]十[一二三四五六七八九]?)"


def _number(word: str) -> int | None:
    """An hour or minute written in digits or Chinese numerals (九, 十一, 二十一)."""
    if word.isdigit():
        return int(word)
    if "十" in word:
        tens, _, units = word.partition("十")
        return _ZH_DIGITS.get(tens, 1 if not tens else -99) * 10 + (
            _ZH_DIGITS.get(units, -99) if units else 0
        )
    return _ZH_DIGITS.get(word) if len(word) == 1 else None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(normalize(w).text) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Hours:
    """The hours named in a clause, and the span of text that names them (normalised offsets)."""

    windows: tuple[Window, ...]
    start: int
    end: int


class _Reader:
    def __init__(self, words: TimeWords) -> None:
        am, pm = _alternation(words.half_day.am), _alternation(words.half_day.pm)
        before, after = _alternation(words.before), _alternation(words.after)

        def numbered(pattern: str, n: int) -> str:
            return pattern.replace("#", str(n))

        clock = rf"(?P<h#>{_HOUR})\s*(?:点钟|点|时|:)\s*(?P<m#>{_MINUTE})?分?"
        en_clock = r"(?P<h#>\d{1,2})(?::(?P<m#>\d{2}))?"
        en_half = rf"(?:\s*(?P<am#>{am})|\s*(?P<pm#>{pm})|\s*o'?clock)?"
        zh_half = rf"(?:(?P<am#>{am})|(?P<pm#>{pm}))?\s*"
        zh_range = (
            zh_half + clock + r"\s*(?:到|至|-|~|—)\s*" + zh_half.replace("#", "@") + clock.replace("#", "@")
        )
        en_range = r"(?:between|from)\s+" + en_clock + en_half + r"\s*(?:and|to|-|till|until)\s*"
        en_range += en_clock.replace("#", "@") + en_half.replace("#", "@")
        self.range = re.compile(
            numbered(zh_range, 1).replace("@", "2") + "|" + numbered(en_range, 3).replace("@", "4")
        )
        zh_bound = zh_half + clock + rf"\s*(?:(?P<b#>{before})|(?P<a#>{after}))"
        en_bound = rf"\b(?:(?P<b#>{before})|(?P<a#>{after}))\s+" + en_clock + en_half
        self.bound = re.compile(numbered(zh_bound, 1) + "|" + numbered(en_bound, 2))
        self.periods = [(re.compile(_alternation(p.words)), tuple(p.windows)) for p in words.periods]

    def read(self, text: str, lo: int, hi: int) -> Hours | None:
        windows: list[Window] = []
        taken: list[tuple[int, int]] = []
        for m in self.range.finditer(text, lo, hi):
            n = "1" if m.group("h1") is not None else "3"
            k = "2" if n == "1" else "4"
            first, second = _hour(m, n), _hour(m, k)
            if first is None or second is None:
                continue
            if _unmarked(m, n) and _unmarked(m, k) and first < 7 * 60:  # 两点到五点: the afternoon
                first, second = first + 720, second + 720
            if second <= first and second + 720 <= 1440:  # 9 to 5
                second += 720
            if first < second <= 1440:
                windows.append((_hhmm(first), _hhmm(second)))
                taken.append(m.span())
        for m in self.bound.finditer(text, lo, hi):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            n = "1" if m.group("h1") is not None else "2"
            minutes = _hour(m, n)
            if minutes is None:
                continue
            is_before = m.group(f"b{n}") is not None
            if _unmarked(m, n) and minutes < 12 * 60 and (not is_before or minutes < 6 * 60):
                minutes += 720  # "after 7" and 5点前 read in the afternoon or evening
            window = ("00:00", _hhmm(minutes)) if is_before else (_hhmm(minutes), "24:00")
            if _minutes(window[0]) < _minutes(window[1]):
                windows.append(window)
                taken.append(m.span())
        for pattern, period in self.periods:
            for m in pattern.finditer(text, lo, hi):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    windows.extend(period)
                    taken.append(m.span())
        if not windows:
            return None
        return Hours(tuple(sorted(set(windows))), min(a for a, _ in taken), max(b for _, b in taken))


def _unmarked(m: re.Match[str], n: str) -> bool:
    return m.group(f"am{n}") is None and m.group(f"pm{n}") is None


def _hour(m: re.Match[str], n: str) -> int | None:
    """Minutes after midnight of the clock time in group ``n``, its half of the day applied."""
    hour = _number(m.group(f"h{n}"))
    raw = m.group(f"m{n}")
    minute = 0 if raw is None else {"半": 30, "一刻": 15, "三刻": 45}.get(raw, _number(raw) or 0)
    if hour is None or not (0 <= hour <= 24) or not (0 <= minute < 60):
        return None
    if m.group(f"pm{n}") is not None and hour < 12:
        hour += 12
    elif m.group(f"am{n}") is not None and hour == 12:
        hour = 0
    return min(hour * 60 + minute, 1440)


def _dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "signals"))


@lru_cache(maxsize=1)
def shipped_times() -> _Reader:
    return _Reader(load_validated(_dir() / "times.yaml", TimeWords, label="signals/times.yaml"))


def quiet_hours(text: str, lo: int, hi: int) -> Hours | None:
    """The hours named in normalised ``text[lo:hi]`` (a cease request's clause), or None."""
    return shipped_times().read(text, lo, hi)
