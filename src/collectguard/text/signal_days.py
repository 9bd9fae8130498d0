"""The weekdays a cease request names: "不要在周末打电话", "don't call me on Sundays", "周末晚上别打".

A borrower who refuses contact on some days has not refused it on the others: the request is kept
as hours on those weekdays (the whole day when no hours are named), and the contact engine allows
the rest of the week. Days count only when they are attached to the refusal or its hours (inside
them, or right before or after them with nothing but filler words between); several days joined
together (周六、周日, "saturdays or sundays") or a range (周一到周五, "monday through friday") are all
kept. Whenever one set of weekdays cannot hold what was asked, the caller stops the channel on every
day instead, as it did before days were read: a day joined to the hours by "and"/"or" (别在晚上和周末
打电话: every evening and the whole weekend), a day with no weekday of its own (节假日, holidays), a day
as a bound ("don't call before friday", 周五之前别打) and a day excepted (除了周末别打). Days in a clause
joined on after a Chinese refusal that names days add to it (周日不要打给我，还有周六). A day elsewhere in
the clause ("i get paid friday", 周末随便打) is about something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from collectguard.text.normalize import normalize

__all__ = ["DayReader", "Days"]


@dataclass(frozen=True, slots=True)
class Days:
    """The weekdays attached to a refusal (ISO, Monday 1), and whether one set of weekdays cannot
    hold the request (``joined``): then the channel stops on every day."""

    weekdays: frozenset[int] = frozenset()
    joined: bool = False
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DayWords:
    """The words the reader needs, as regular-expression alternations (``times.yaml``)."""

    fillers: re.Pattern[str]  # what may stand between the words of one request
    link: re.Pattern[str]  # fillers or joiners (和, or, 、)
    ranges: str  # between two days: a range (到, through)
    bounds: tuple[
        str, str
    ]  # before a day in English, after it in Chinese: a date bound (before friday, 周五前)
    exceptions: str  # before a day: the day is excepted (除了周末)
    added: re.Pattern[str] = re.compile(r"(?!x)x")  # between days joined on after a Chinese refusal


def _span(a: int, b: int) -> frozenset[int]:
    """ISO weekdays from ``a`` to ``b``, across the week's end (周五到周一)."""
    return frozenset((a - 1 + i) % 7 + 1 for i in range((b - a) % 7 + 1))


class DayReader:
    def __init__(
        self, days: Mapping[str, Sequence[int]], alternation: Callable[[list[str]], str], words: DayWords
    ):
        self.weekdays = {normalize(word).text: frozenset(kept) for word, kept in days.items()}
        self.words = words
        if not days:
            self.pattern = None
            return
        day = alternation(list(days))
        self.pattern = re.compile(rf"(?P<a>{day})(?:\s*(?:{words.ranges})\s*(?P<b>{day}))?")
        before, after = words.bounds
        self.bound_before = re.compile(rf"(?:{before})\s*(?:the\s+|this\s+|next\s+)?$")
        self.bound_after = re.compile(rf"\s*(?:{after})")
        self.excepted = re.compile(rf"(?:{words.exceptions})\s*(?:on\s+|the\s+)?$")

    def read(
        self,
        text: str,
        clause: tuple[int, int],
        refusal: tuple[int, int],
        hours: Sequence[tuple[int, int]],
        times: Sequence[tuple[int, int]],
        *,
        added_from: int | None = None,
    ) -> Days:
        """The days of ``text[clause]`` attached to the refusal and its hours, ``text[refusal]``
        (``hours``: the spans of the hours it names; ``times``: every time named in the clause;
        ``added_from``: where a clause joined on after a Chinese refusal starts, its comma)."""
        if self.pattern is None:
            return Days()
        lo, hi = clause
        first, last = refusal
        link, fillers = self.words.link, self.words.fillers
        found = list(self.pattern.finditer(text, lo, hi))
        kept: list[re.Match[str]] = []
        # inside the refusal, and a run of days right before it (周六周日别打, 周末晚上别打, 周六、周日别打)
        at = first
        english = text[first:last].isascii()
        before: list[re.Match[str]] = []
        for m in reversed([m for m in found if m.end() <= first]):
            if link.fullmatch(text, m.end(), at) is None:
                break
            before.append(m)
            at = m.start()
        # in English only at the head of the clause ("Sundays, don't call"; not "i get paid friday dont call")
        if not english or fillers.fullmatch(text, lo, at) is not None:
            kept += before
        kept += [m for m in found if first <= m.start() and m.end() <= last]
        joined = False
        # right after it, in English ("don't call me on sundays", "on saturdays or sundays"); joined to
        # the hours by "or" ("after 9pm or on sundays"); a Chinese day right after the refusal is about
        # something else (别打电话 周末随便打) unless a joined clause names it (below)
        at = last
        for m in [m for m in found if m.start() >= last and english]:
            if fillers.fullmatch(text, at, m.start()) is None:
                if link.fullmatch(text, at, m.start()) is None:
                    break
                joined = joined or (at == last and bool(hours))
            kept.append(m)
            at = m.end()
        # in Chinese, a clause joined on after a refusal that names days adds the days it names (周日不要打给我，
        # 还有周六; 周六也不要); a refusal that names none stays whole (不要打给我，还有周五我发工资), and a day
        # in no joined clause is about something else (周末不要打电话 周一我会还)
        if not english and kept and added_from is not None:
            at = added_from
            for m in [m for m in found if m.start() >= added_from]:
                if self.words.added.fullmatch(text, at, m.start()) is None:
                    break
                kept.append(m)
                at = m.end()
        weekdays: set[int] = set()
        for m in kept:
            named = self._weekdays(m)
            weekdays |= named
            # a day with no weekday of its own, joined to a time by and/or (晚上和周末), a bound
            # (before friday, 周五前) or excepted (除了周末)
            if (
                not named
                or any(self._joined_to(text, m, span) for span in times)
                or self._bound(text, m, lo)
                or self.excepted.search(text, max(lo, m.start() - 24), m.start()) is not None
            ):
                joined = True
        return Days(frozenset(weekdays), joined, tuple(sorted(m.span() for m in kept)))

    def starts(self, text: str, at: int) -> bool:
        """Whether a day is named at ``text[at]``, after fillers and joiners only (，还有周末; ". or on weekends")."""
        if self.pattern is None:
            return False
        gap = self.words.link.match(text, at)
        return self.pattern.match(text, gap.end() if gap else at) is not None

    def _bound(self, text: str, m: re.Match[str], lo: int) -> bool:
        """The day is a date the refusal runs to or from: "before friday", "till monday", 周五之前."""
        if m.group().isascii():
            return self.bound_before.search(text, max(lo, m.start() - 24), m.start()) is not None
        return self.bound_after.match(text, m.end()) is not None

    def _weekdays(self, m: re.Match[str]) -> frozenset[int]:
        first = self.weekdays.get(m.group("a"), frozenset())
        if m.group("b") is None:
            return first
        last = self.weekdays.get(m.group("b"), frozenset())
        if len(first) != 1 or len(last) != 1:  # 周一到周末: no range of single days
            return first | last
        return _span(min(first), min(last))

    def _joined_to(self, text: str, day: re.Match[str], span: tuple[int, int]) -> bool:
        """A joiner word (not only spaces or fillers) stands between the day and the time."""
        a, b = (day.end(), span[0]) if day.end() <= span[0] else (span[1], day.start())
        if a > b or self.words.fillers.fullmatch(text, a, b) is not None:
            return False
        return self.words.link.fullmatch(text, a, b) is not None
