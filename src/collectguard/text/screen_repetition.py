"""Pressure by repetition, found by the shape of a message rather than its words.

The same opening said three times (在吗？在吗？在吗？, CALL US. CALL US. CALL US.), contacts
counted out to the reader (第27条短信, the 12th text this week) and ten or more of them a day to someone
(每天给你打20个电话, call them 15 times a day) wear a person down whatever the words; all are harassment.
Cheap substring tests run first: this is on every message's path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from collectguard.text.lexicon_cues import PER_DAY, TODAY
from collectguard.text.screen_types import Raw

__all__ = ["may_repeat", "repetition"]

# the opening clause of a message, up to and including its first mark (在吗？, call us.)
_OPENING = re.compile(r"[^.?!,;:。？！，；：\s][^.?!,;:。？！，；：]{1,15}[.?!,;:。？！，；：]")


def _repeated_opening(s: str) -> Raw | None:
    """The same opening said three times or more in a row (在吗？在吗？在吗？, CALL US. CALL US.) is
    pressure by repetition; a speaker label that recurs with other words between (催收员：…
    借款人：… 催收员：…) is not."""
    m = _OPENING.match(s)
    if m is None or s.count(m.group(0)) < 3:
        return None
    run = re.match(rf"(?:{re.escape(m.group(0))}[\s!?！？。.]*){{3,}}", s)
    if run is None:
        return None
    times = run.group(0).count(m.group(0))
    return ("harassment", 0, run.end(), "repetition", str(times), "warn")


#: the Chinese words that start a count a day or of today (每天给你打20个电话, 今天已经给你打了38个电话)
_DAY_WORDS = PER_DAY + TODAY
# an ordinal ending or a count a day: the English count is looked for only where one occurs
_ORDINAL_TAIL = re.compile(r"\d(?:st|nd|rd|th) | (?:a|per|each) day\b| daily\b| today\b")


def _counted_contacts(s: str, counted: Sequence[tuple[re.Pattern[str], re.Pattern[str]]]) -> Raw | None:
    """Telling the reader how many times they have been contacted is pressure by repetition.

    ``counted`` holds each language's pattern (``counted_contacts`` in the context files: the
    counted thing must be a message or a call, so 合同第13条 and 第12期 are not counts) with its excuses: a count
    apologised for or denied anywhere in the message (``counted_excuses``: 很抱歉系统故障, "our records show") is none.
    """
    for pattern, excuses in counted:
        m = pattern.search(s)
        if m is not None and excuses.search(s) is None:
            return ("harassment", m.start(), m.end(), "repetition", m.group(0), "warn")
    return None


def may_repeat(s: str) -> bool:
    """Substring tests only, for the screener to call inline: could ``repetition`` find anything?"""
    return (
        s.find(s[:3], 3, 20) >= 0
        or "第" in s
        or "天" in s
        or "每日" in s
        or "th " in s
        or "st " in s
        or "nd " in s
        or "rd " in s
        or " day" in s
        or " daily" in s
        or "today" in s
    )


def repetition(s: str, counted: Sequence[tuple[re.Pattern[str], re.Pattern[str]]]) -> Raw | None:
    """A repeated opening or a count of contacts in the normalised text ``s``, or None."""
    if s.find(s[:3], 3, 20) >= 0 and (repeated := _repeated_opening(s)):
        return repeated
    if "第" in s or any(w in s for w in _DAY_WORDS) or _ORDINAL_TAIL.search(s):
        return _counted_contacts(s, counted)
    return None
