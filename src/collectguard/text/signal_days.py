"""The weekdays a cease request names: "不要在周末打电话", "don't call me on Sundays", "周末晚上别打".

A borrower who refuses contact on some days has not refused it on the others: the request is kept
as hours on those weekdays (the whole day when no hours are named), and the contact engine allows
the rest of the week. Days count only when they are attached to the refusal or its hours (inside
them, or right before or after them with nothing but filler words between); a day joined to the
hours by "and"/"or" (别在晚上和周末打电话, "after 9pm or on sundays") asks for both, every evening and
the whole weekend, which one set of weekdays cannot hold, so the caller stops the channel on every
day instead. A day elsewhere in the clause ("i get paid friday", 周末随便打) is about something else.
A day with no weekday of its own (节假日, holidays) keeps no day either: the channel stops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from collectguard.text.normalize import normalize

__all__ = ["DayReader", "Days"]


@dataclass(frozen=True, slots=True)
class Days:
    """The weekdays attached to a refusal (ISO, Monday 1), and whether a day is joined to its hours
    by "and"/"or" or has no weekday of its own: then no set of weekdays holds the request."""

    weekdays: frozenset[int] = frozenset()
    joined: bool = False
    spans: tuple[tuple[int, int], ...] = ()


class DayReader:
    def __init__(
        self,
        days: Mapping[str, Sequence[int]],
        alternation: Callable[[list[str]], str],
        fillers: re.Pattern[str],
        link: re.Pattern[str],
    ) -> None:
        """``fillers``: what may stand between words of one request; ``link``: fillers or joiners."""
        self.weekdays = {normalize(word).text: frozenset(kept) for word, kept in days.items()}
        self.pattern = re.compile(alternation(list(days))) if days else None
        self.fillers, self.link = fillers, link

    def read(
        self, text: str, lo: int, hi: int, first: int, last: int, hours: Sequence[tuple[int, int]]
    ) -> Days:
        """The days of clause ``text[lo:hi]`` attached to the refusal and its hours ``text[first:last]``
        (``hours``: the spans of the hours it names)."""
        if self.pattern is None:
            return Days()
        found = list(self.pattern.finditer(text, lo, hi))
        kept: list[re.Match[str]] = []
        joined = False
        # inside the refusal, and a run of days right before it (周六周日别打, 周末晚上别打)
        at = first
        for m in reversed([m for m in found if m.end() <= first]):
            if self.link.fullmatch(text, m.end(), at) is None:
                break
            kept.append(m)
            at = m.start()
        kept += [m for m in found if first <= m.start() and m.end() <= last]
        # right after it, in English ("don't call me on sundays"); joined to it by "or" ("after 9pm or on
        # sundays"); a Chinese day after the refusal is about something else (别打电话 周末随便打)
        at = last
        for m in [m for m in found if m.start() >= last and text[first:last].isascii()]:
            if self.fillers.fullmatch(text, at, m.start()) is not None:
                kept.append(m)
            elif at == last and self.link.fullmatch(text, at, m.start()) is not None:
                kept.append(m)
                joined = True
            else:
                break
            at = m.end()
        for m in kept:
            weekdays = self.weekdays.get(m.group(), frozenset())
            # a day with no weekday of its own, or joined to the hours (晚上和周末, weekends or evenings)
            if not weekdays or any(self._joined_to(text, m, span) for span in hours):
                joined = True
        days = frozenset().union(*(self.weekdays.get(m.group(), frozenset()) for m in kept))
        return Days(days, joined, tuple(sorted(m.span() for m in kept)))

    def _joined_to(self, text: str, day: re.Match[str], span: tuple[int, int]) -> bool:
        """A joiner word (not only spaces or fillers) stands between the day and the hours."""
        a, b = (day.end(), span[0]) if day.end() <= span[0] else (span[1], day.start())
        if a > b or self.fillers.fullmatch(text, a, b) is not None:
            return False
        return self.link.fullmatch(text, a, b) is not None
