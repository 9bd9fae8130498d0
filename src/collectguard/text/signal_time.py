"""The hours a cease request names: "早上10点前别打", "no calls after 7pm", "上班时间别打电话".

A borrower who asks not to be called at a time has not asked us to stop: the request limits
contact to other hours (Regulation F 1006.6(b)(1)(i), a time known to be inconvenient), and the
contact engine keeps to it. Reading a stop as mere hours would let contact go on, so hours count
only when they are attached to the refusal itself — right before it in Chinese (晚上九点以后别打了),
right before or after it in English (don't call me before 9am) — and never when the refusal says
"again", "anymore" or 再, or the clause says day and night. A time to pay, a time the borrower is
free or a time in another clause is no limit: "别再打了，我晚上才有空" and "stop calling, I'll pay after
5" stay stops. The words are data (``data/signals/times.yaml``); this module reads clock times,
ranges and parts of the day around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from collectguard.datafile import load_validated
from collectguard.model.contact import LAWFUL_DAY, closes_lawful_day, some_days
from collectguard.model.contact import clock_text as _hhmm
from collectguard.text.clock_numbers import EN_MINUTES, EN_NUMBERS, PAST, ZH_MINUTES, minute, number
from collectguard.text.normalize import normalize
from collectguard.text.signal_days import DayReader, DayWords
from collectguard.text.signal_time_words import TimeWords, Window
from collectguard.text.signal_time_words import minutes as _minutes

__all__ = ["Hours", "TimeWords", "joined_end", "quiet_hours", "shipped_times"]

_DAY_START = LAWFUL_DAY[0]


_HOUR = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"
_MINUTE = rf"(?:\d{{2}}|{'|'.join(ZH_MINUTES)}|零[一二三四五六七八九]|[一二三四五]?十[一二三四五六七八九]?)"
# an English number that counts something else (after 10 days, after 5 times, until 15th, 2027)
_NOT_A_CLOCK = (
    r"(?![\d:/]|\s*(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|times?|x|calls?|texts?|messages?|rings?"
    r"|tries|try|attempts?|reminders?|warnings?|letters?|people|persons?|notices?|emails?|voicemails?|visits?|goes"
    r"|dollars?|bucks|missed|payments?|more|of|st|nd|rd|th|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*"
    r"|sep\w*|oct\w*|nov\w*|dec\w*|号|天|个|次|年|月|块|元|分钟|小时)\b)"
)


def _alternation(words: list[str], *, lead: bool = True) -> str:
    """The words as one alternation, longest first; a Latin word only as a whole word (or, without
    ``lead``, only ending one: 9pm)."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        text = re.escape(normalize(w).text)
        latin = w[:1].isascii() and w[:1].isalpha()
        parts.append((r"\b" if lead else "") + text + r"(?![a-z])" if latin else text)
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class Hours:
    """The hours a refusal is limited to, on every day or only on ``days`` (ISO weekdays), and the
    spans of text that name them (normalised offsets)."""

    windows: tuple[Window, ...]
    spans: tuple[tuple[int, int], ...]
    day: bool = False  # a day joined to them (晚上和周末别打) or with no weekday (节假日): no window keeps it
    days: frozenset[int] = frozenset()


def _numbered(pattern: str, n: int) -> str:
    return pattern.replace("#", str(n))


class _Reader:
    def __init__(self, words: TimeWords) -> None:
        am, pm = _alternation(words.half_day.am, lead=False), _alternation(words.half_day.pm, lead=False)
        self.night = re.compile(_alternation(words.half_day.night))
        before, after = _alternation(words.before), _alternation(words.after)
        clock = rf"(?P<h#>{_HOUR})\s*(?:点钟|点|时|:)\s*(?P<m#>{_MINUTE})?分?"
        bare = rf"(?P<h#>{_HOUR})\s*(?:(?:点钟|点|时|:)\s*(?P<m#>{_MINUTE})?分?)?"  # 6到9点: the first needs no 点
        en_hour = "|".join(sorted(EN_NUMBERS, key=len, reverse=True))
        en_minute = "|".join(re.escape(w) for w in sorted(EN_MINUTES, key=len, reverse=True))
        en_past = "|".join(sorted(PAST, key=len, reverse=True))
        en_clock = (
            rf"(?:(?P<q#>{en_past})\s+)?(?P<h#>\d{{1,2}}|(?:{en_hour})\b)"
            rf"(?::(?P<m#>\d{{2}})|(?:\s+|-)(?P<w#>{en_minute})\b)?" + _NOT_A_CLOCK
        )
        en_half = rf"(?:\s*(?P<am#>{am})|\s*(?P<pm#>{pm})|\s*o'?clock)?"
        zh_half = rf"(?:(?P<am#>{am})|(?P<pm#>{pm}))?\s*"
        second = lambda part: part.replace("#", "@")  # noqa: E731
        zh_range = zh_half + bare + r"\s*(?:到|至|-|~|—)\s*" + second(zh_half) + second(clock)
        # an English range needs "between" or "from", or a half of the day: "5 to 10 calls" counts
        en_range = (
            r"(?P<from#>\b(?:between|from)\s+)?"
            + en_clock
            + en_half
            + r"\s*(?:\band\b|\bto\b|-|\btill\b|\buntil\b)\s*"
        )
        en_range += second(en_clock) + second(en_half)
        self.range = re.compile(
            _numbered(zh_range, 1).replace("@", "2") + "|" + _numbered(en_range, 3).replace("@", "4")
        )
        zh_bound = zh_half + clock + rf"\s*(?:(?P<b#>{before})|(?P<a#>{after}))"
        en_bound = rf"\b(?:(?P<b#>{before})|(?P<a#>{after}))\s+" + en_clock + en_half
        self.bound = re.compile(_numbered(zh_bound, 1) + "|" + _numbered(en_bound, 2))
        self.periods = [(re.compile(_alternation(p.words)), tuple(p.windows)) for p in words.periods]
        self.after_period = re.compile(rf"\s*(?:(?P<b>{before})|(?P<a>{after}))")
        self.before_period = re.compile(
            r"(?:\b(?P<b>before|until|till|prior to)|\b(?P<a>after|past))\s+(?:the\s+)?$"
        )
        self.stops = re.compile(_alternation(words.stop_words))
        joiners, fillers = _alternation(words.joiners), _alternation(words.fillers)
        self.fillers = re.compile(rf"(?:[\s,，、。!！]|{fillers})*")
        self.joiners = re.compile(rf"(?:[\s,，、]|{joiners})*")
        # a sentence that only adds hours to the refusal before it ("don't call before 10am. or after 6pm.")
        self.added = re.compile(rf"[.。!！;；]\s*(?:{joiners})(?:[\s,，、]|{fillers})*")
        self.sentence_end = re.compile(r"[.。!！?？;；\n]")
        self.added_end = re.compile(rf"(?:[\s,，]|{fillers}|{_alternation(words.added_ends)})*")
        also = _alternation(words.days_also) or r"(?!x)x"
        day_words = DayWords(
            fillers=self.fillers,
            link=re.compile(rf"(?:[\s,，、]|{joiners}|{fillers})*"),
            ranges=_alternation(words.day_ranges) or r"(?!x)x",
            bounds=(before, after),
            exceptions=_alternation(words.day_exceptions) or r"(?!x)x",
            # between the days of clauses joined on after a Chinese refusal (周六也不要，周五也不要)
            added=re.compile(rf"(?:[\s,，、]|{joiners}|{fillers}|{also})*"),
        )
        self.days = DayReader(words.days, _alternation, day_words)
        days = _alternation(list(words.days)) or r"(?!x)x"  # between an English refusal and its hours
        self.day_gap = re.compile(rf"(?:[\s,，、。!！]|{fillers}|{days})*")
        unless = _alternation(words.days_also_exceptions) or r"(?!x)x"  # 周日不要打给我，周六也不要
        also_days = rf"(?:{days})[^,，。!！?？;；]{{0,16}}?(?!{unless})(?:{also})"
        self.clause_joiner = re.compile(
            rf"[,，]\s*(?:{_alternation(words.clause_joiners) or r'(?!x)x'}|{also_days})"
        )
        self.available = (
            re.compile(rf"\s*,?\s*(?:{_alternation(words.available)})") if words.available else None
        )

    def read(self, text: str, lo: int, hi: int) -> list[tuple[int, int, tuple[Window, ...]]]:
        """Every time expression of ``text[lo:hi]``: (start, end, windows), in text order."""
        found: list[tuple[int, int, tuple[Window, ...]]] = []

        def free(a: int, b: int) -> bool:
            return not any(x < b and a < y for x, y, _ in found)

        for m in self.range.finditer(text, lo, hi):
            # a second range joined to one read ("between 8 and 9 or 5 and 6") needs no "between" of its own
            joined = bool(found) and self.joiners.fullmatch(text, found[-1][1], m.start()) is not None
            if (windows := self._range(m, joined)) and free(*m.span()):
                found.append((m.start(), m.end(), windows))
        for m in self.bound.finditer(text, lo, hi):
            if (window := self._bound(m)) is not None and free(*m.span()):
                found.append((m.start(), m.end(), (window,)))
        for pattern, period in self.periods:
            for m in pattern.finditer(text, lo, hi):
                if free(*m.span()):
                    start, end = m.span()
                    windows = period
                    # a part of the day as a bound: 午饭后, 中午之前, after lunch, before noon
                    follow = self.after_period.match(text, end, hi)
                    lead = self.before_period.search(text[max(lo, start - 12) : start])
                    bound = follow or lead
                    if bound is not None:  # before it: until it starts; after it: from its end
                        first, last = _minutes(period[0][0]), _minutes(period[-1][1])
                        windows = (
                            (("00:00", _hhmm(first)),) if bound.group("b") else ((_hhmm(last), "24:00"),)
                        )
                        windows = tuple(w for w in windows if w[0] != w[1])
                        if follow is not None:
                            end = follow.end()
                        elif lead is not None:
                            start -= len(lead.group(0))
                    found.append((start, end, windows))
        return sorted(found)

    def _range(self, m: re.Match[str], joined: bool = False) -> tuple[Window, ...]:
        n, k = ("1", "2") if m.group("h1") is not None else ("3", "4")
        if n == "3" and not joined and m.group("from3") is None and _unmarked(m, n) and _unmarked(m, k):
            return ()
        first, second = _hour(m, n, self.night), _hour(m, k, self.night)
        if first is None or second is None:
            return ()
        if (
            _unmarked(m, n)
            and not _unmarked(m, k)
            and m.group(f"pm{k}") is not None
            and first + 720 <= second
        ):
            first += 720  # between 6 and 9 pm
        elif _unmarked(m, n) and _unmarked(m, k) and first < 7 * 60:  # 两点到五点: the afternoon
            first, second = first + 720, second + 720
        if second <= first and _unmarked(m, k) and second + 720 > first:  # 9 to 5
            second += 720
        if second <= first:  # 晚上10点到早上8点, 10pm to 7am: across midnight
            return tuple(w for w in ((_hhmm(first), "24:00"), ("00:00", _hhmm(second))) if w[0] != w[1])
        return ((_hhmm(first), _hhmm(second)),) if second <= 1440 else ()

    def _bound(self, m: re.Match[str]) -> Window | None:
        n = "1" if m.group("h1") is not None else "2"
        minutes = _hour(m, n, self.night)
        if minutes is None:
            return None
        is_before = m.group(f"b{n}") is not None
        # unmarked: "after 7" and 5点前 read in the afternoon or evening, as does "before 6" (six in the
        # morning is before any lawful hour)
        if _unmarked(m, n) and minutes < 12 * 60 and (not is_before or minutes < _DAY_START):
            minutes += 720
        window = ("00:00", _hhmm(minutes)) if is_before else (_hhmm(minutes), "24:00")
        return window if _minutes(window[0]) < _minutes(window[1]) else None

    def limit(self, text: str, lo: int, hi: int, start: int, end: int) -> Hours | None:
        """The hours that limit the refusal at ``text[start:end]`` in its clause ``text[lo:hi]``."""
        if self.stops.search(text, lo, hi) is not None:
            return None
        clause_end = hi
        if (added := self.added.match(text, hi)) is not None:  # read on into the sentence that adds hours
            more = self.sentence_end.search(text, added.end())
            hi = more.start() if more is not None else len(text)
        found = self.read(text, lo, hi)
        chain: list[tuple[int, int, tuple[Window, ...]]] = []
        # before the refusal, touching it, and the expressions joined to that one (早上和晚上都别打); in
        # English only at the head of its clause ("I'll pay after 5, please stop" names a payment)
        at, gap = start, self.fillers
        for expr in reversed([f for f in found if f[1] <= start]):
            if gap.fullmatch(text, expr[1], at) is None:
                break
            chain.append(expr)
            at, gap = expr[0], self.joiners
        if chain and text[start:end].isascii() and self.fillers.fullmatch(text, lo, chain[-1][0]) is None:
            chain = []
        # inside it (no calls after 7pm) or right after it, in English (don't call me before 9am, or
        # after 9pm)
        start_end, via_days = end, False
        for expr in found:
            if expr in chain:
                continue
            if expr[0] < end and expr[1] > start:  # "don't call before 10am": the cue holds "before"
                chain.append(expr)
                end = max(end, expr[1])
            elif expr[0] >= end and (
                how := self._added_after(
                    text, (start, end), start_end, expr, (clause_end, hi), hours=bool(chain)
                )
            ):
                via_days = via_days or how == "days"
                chain.append(expr)
                end = expr[1]
        # Chinese hours in a clause joined on after the refusal (周末不要打电话，还有晚上九点以后) are read by
        # nothing else, and one set of weekdays and hours cannot hold both: the channel stops (the joiner may
        # run past ``hi``: 周六、周五也不要)
        found_on = None if text[start:end].isascii() else self.clause_joiner.search(text, end)
        joined_on = found_on if found_on is not None and found_on.start() < hi else None
        if joined_on is not None and any(expr[0] >= end and expr not in chain for expr in found):
            return None
        # days between an English refusal and its hours ("don't call me on sundays after 9pm") keep those
        # hours when nothing but more hours follows them; a day or a time after them ("… or saturdays"):
        # every day; anything else ("… after 9pm ok", "… because i sleep"): the whole of the days named
        every_day = via_days and not self._only_hours(text, end, clause_end)
        if every_day and not self._names_time(text, end, clause_end):
            every_day, chain = False, [expr for expr in chain if expr[0] < start_end]
        windows = sorted({w for _, _, ws in chain for w in ws if _minutes(w[0]) < _minutes(w[1])})
        spans = sorted((a, b) for a, b, _ in chain)
        first, last = min([start] + [a for a, _ in spans]), max([end] + [b for _, b in spans])
        times = [(a, b) for a, b, _ in found if b <= clause_end]
        added_from = None if joined_on is None else joined_on.start()
        days = self.days.read(text, (lo, clause_end), (first, last), spans, times, added_from=added_from)
        # no set of weekdays holds it, a sentence that adds to a refusal of days (don't call on weekends.
        # or after 9pm on weekdays) or that adds days to one of hours ("don't call me after 8pm. or on
        # weekends."): every day
        adds_days = added is not None and self.days.starts(text, added.end())
        # and days in a clause joined on added to a refusal of hours on every day (晚上九点以后别打，还有周末)
        adds_days = adds_days or (
            joined_on is not None and not days.weekdays and self.days.starts(text, joined_on.start())
        )
        if (
            every_day
            or days.joined
            or adds_days
            or (days.weekdays and (not some_days(days.weekdays) or added is not None))
        ):
            return Hours(tuple(windows), tuple(spans), day=True) if windows else None
        if days.weekdays:  # 周末别打: the whole of those days; 周末晚上别打: those hours on them
            return Hours(
                tuple(windows) or (("00:00", "24:00"),),
                tuple(sorted(spans + list(days.spans))),
                days=days.weekdays,
            )
        if not windows or closes_lawful_day(windows):  # a stop, not hours
            return None
        return Hours(tuple(windows), tuple(spans))

    def _added_after(
        self,
        text: str,
        refusal: tuple[int, int],
        cue_end: int,
        expr: tuple[int, int, tuple[Window, ...]],
        bounds: tuple[int, int],
        *,
        hours: bool,
    ) -> str | None:
        """How ``expr`` adds hours to the English ``refusal`` (its cue and the hours read so far), or None:
        right after the cue, or joined to the last hours, or in a sentence that only adds hours ("don't
        call before 10am. or after 6pm."); never a time the borrower is free ("after 6 im free").
        ``bounds``: where the refusal's clause ends, and where the text read ends; ``hours``: whether the
        refusal has hours yet (before it or in it). ``"days"`` when days stand between the cue and them
        (``limit`` then checks what follows), else ``"hours"``."""
        start, end = refusal
        clause_end, hi = bounds
        if not text[start:end].isascii():
            return None
        if self.available is not None and self.available.match(text, expr[1]) is not None:
            return None
        gap = self.fillers if end == cue_end else self.joiners
        if gap.fullmatch(text, end, expr[0]) is None and self.added.fullmatch(text, end, expr[0]) is None:
            # days between the refusal and its hours ("don't call me on sundays after 9pm"): see ``limit``
            return "days" if end == cue_end and self.day_gap.fullmatch(text, end, expr[0]) else None
        if not hours and gap.fullmatch(text, end, expr[0]) is None:
            return None  # a sentence adds hours only to hours ("Don't call me. Or after 6pm." is a stop)
        # a sentence that adds hours holds nothing else ("and after 5pm you can call me" allows them)
        return "hours" if expr[0] < clause_end or self.added_end.fullmatch(text, expr[1], hi) else None

    def _names_time(self, text: str, at: int, stop: int) -> bool:
        """Whether ``text[at:stop]`` names a day or a time."""
        days = self.days.pattern is not None and self.days.pattern.search(text, at, stop) is not None
        return days or bool(self.read(text, at, stop))

    def _only_hours(self, text: str, at: int, stop: int) -> bool:
        """Nothing but more hours, joiners and closing words in ``text[at:stop]`` (… or after 8pm, please)."""
        for a, b, _ in self.read(text, at, stop):
            if self.joiners.fullmatch(text, at, a) is None:
                return False
            at = b
        return self.added_end.fullmatch(text, at, stop) is not None


def _unmarked(m: re.Match[str], n: str) -> bool:
    return m.group(f"am{n}") is None and m.group(f"pm{n}") is None


def _hour(m: re.Match[str], n: str, night: re.Pattern[str]) -> int | None:
    """Minutes after midnight of the clock time in group ``n``, its half of the day applied."""
    hour = number(m.group(f"h{n}"))
    mins = minute(m.group(f"m{n}"))
    names = m.re.groupindex
    if f"w{n}" in names and (word := m.group(f"w{n}")) is not None:
        mins = EN_MINUTES[word]
    if f"q{n}" in names and (past := m.group(f"q{n}")) is not None and hour is not None:
        mins = PAST[past]
        if mins < 0:  # quarter to nine: 8:45
            hour, mins = hour - 1, mins + 60
    if hour is None or not (0 <= hour <= 24) or not (0 <= mins < 60):
        return None
    pm = m.group(f"pm{n}")
    if pm is not None and hour < 12:
        hour += 12
    elif pm is not None and hour == 12 and night.fullmatch(pm.strip()) is not None:
        hour = 24  # 晚上十二点, twelve at night: midnight
    elif m.group(f"am{n}") is not None and hour == 12:
        hour = 0
    return min(hour * 60 + mins, 1440)


def _dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "signals"))


@lru_cache(maxsize=1)
def shipped_times() -> _Reader:
    return _Reader(load_validated(_dir() / "times.yaml", TimeWords, label="signals/times.yaml"))


#: how many clauses joined on after a comma a refusal reads with it
_JOINED_CLAUSES = 8


def joined_end(text: str, hi: int, clause: Callable[[int], tuple[int, int]]) -> int:
    """Where the refusal's clause ending at ``text[hi]`` ends with the clauses joined on after its comma
    ("…, or on saturdays", 周六、周五也不要; ``clause`` gives the clause around a position): a few at most,
    so that a reply of many is read in linear time."""
    joiner = shipped_times().clause_joiner
    for _ in range(_JOINED_CLAUSES):
        if hi >= len(text) - 1 or joiner.match(text, hi) is None:
            break
        hi = clause(hi + 1)[1]
        while hi < len(text) - 1 and text[hi] == "、":  # and the days it lists
            hi = clause(hi + 1)[1]
    return hi


def quiet_hours(text: str, lo: int, hi: int, start: int, end: int) -> Hours | None:
    """The hours that limit the refusal at normalised ``text[start:end]``, in its clause ``text[lo:hi]``;
    None when the clause names none attached to it, or says again, anymore or day and night. ``day``
    says a day is named with them: hours kept without their day would let contact go on that day, so
    the caller stops the channel instead."""
    return shipped_times().limit(text, lo, hi, start, end)
