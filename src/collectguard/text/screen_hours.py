"""Contact at an hour outside the lawful day, told in the message itself.

"I'll ring again at 6 a.m.", 今晚22:30至明早6:00持续电话联系, "It's 11:48 pm. You up?": a collector who calls or
writes at night, or says they will, harasses whatever the words (Regulation F 1006.6(b)(1)(i); the cn pack's
08:00–22:00). A clock time counts when its hour is known (a.m./p.m., a 24-hour time, 凌晨 or 晚上 before it), falls
outside the packs' time window, and the sentence contacts the reader (打, 外呼, call, text) or the message opens
with it as the time of sending; not a deadline (23:59前, by 11:59 pm), hours to call in on (call us until 10 pm,
客服时间), nor a time a negation or a ban governs (we never call after 9 pm, 不得在22点后拨打), one the reader agreed
to or wrote at (您昨晚11点发来的消息), one on a past day (昨晚22:30误发了提醒), or the window the sender keeps to (we
only call between…). The words are data (``night_*`` in the context files); the clock forms are read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from collectguard.model.contact import LAWFUL_DAY
from collectguard.policy.pack import RulePack
from collectguard.policy.schema import TimeWindowRule
from collectguard.text.clock_numbers import number
from collectguard.text.lexicon_context import Context
from collectguard.text.screen_context import clause_span, sentence_span
from collectguard.text.screen_types import Raw

__all__ = ["night_contacts"]

_ZH_NUMBER = r"\d{1,2}|[零一二两三四五六七八九十]{1,3}"
#: 22:30, 凌晨3:12, 晚上十一点半, 早上六点
_CLOCK = {
    "zh": re.compile(rf"(?<!\d)(?<!\d[:：])(?P<h>{_ZH_NUMBER})\s*(?:[:：](?P<m>\d{{2}})|点(?P<half>半)?)"),
    "en": re.compile(
        r"(?<![\d$£€])(?<!\d[:.])\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>a\.?m\b\.?|p\.?m\b\.?)"
        r"|(?<![\d$£€])(?<!\d[:.])\b"
        r"(?P<h24>[01]?\d|2[0-4]):(?P<m24>\d{2})\b|\b(?P<midnight>midnight)\b",
        re.IGNORECASE,
    ),
}
#: what every clock form has, looked for first: a number before a colon, 点 or a.m./p.m., or midnight (most messages
#: with digits hold sums)
_MAYBE = re.compile(r"[\d零一二两三四五六七八九十]\s*(?:[:：]\d|点|[ap]\.?m\b)|midnight", re.IGNORECASE)
#: how far before a Chinese time its part of the day may stand (今晚十二点, 凌晨 3:12, 明早6:00)
_PERIOD_REACH = 4
#: how far into the message a time may stand and still be the time it was sent ("(23:47)", "11:52pm.")
_STAMP_REACH = 6


#: the window of each set of packs seen, by the packs' identities; the packs are kept with it, so no identity is reused
_DAYS: dict[tuple[int, ...], tuple[Sequence[RulePack], tuple[int, int]]] = {}


def _day_of(packs: Sequence[RulePack]) -> tuple[int, int]:
    """``_lawful_day`` once per set of packs: hashing a pack's rules on every message would cost more than the reading."""
    key = tuple(map(id, packs))
    if (seen := _DAYS.get(key)) is None:
        seen = _DAYS[key] = (packs, _lawful_day(packs))
    return seen[1]


def _lawful_day(packs: Sequence[RulePack]) -> tuple[int, int]:
    """The narrowest time window of ``packs`` in minutes after midnight, the lawful day when none has one."""
    windows = [
        (rule.spec.params.start, rule.spec.params.end)
        for pack in packs
        for rule in pack.rules
        if isinstance(rule.spec, TimeWindowRule) and rule.spec.enabled
    ]
    if not windows:
        return LAWFUL_DAY
    return max(a.hour * 60 + a.minute for a, _ in windows), min(b.hour * 60 + b.minute for _, b in windows)


def _minutes(m: re.Match[str], s: str, ctx: Context) -> int | None:
    """The time of day ``m`` names, or None when its half of the day is not said."""
    if m.group(0).lower() == "midnight":
        return 0
    if ctx.lang == "en":
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
            return hour * 60 + minute if hour >= 13 or hour == 0 else None  # 6:15 may be morning or evening
        hour, minute = int(m.group("h")) % 12, int(m.group("m") or 0)
        return hour * 60 + minute + (720 if m.group("ap").lower().startswith("p") else 0)
    said = number(m.group("h"))
    if said is None or said > 24:
        return None
    hour, minute = said, int(m.group("m")) if m.group("m") else 30 if m.group("half") else 0
    before = s[max(0, m.start() - _PERIOD_REACH) : m.start()]
    if ctx.night_early.search(before):  # 凌晨, 半夜: the small hours
        return (hour % 12) * 60 + minute
    if ctx.night_late.search(before):  # 晚上, 今晚: the evening, and 十二点 is midnight
        return (hour % 12 + 12) * 60 + minute if hour < 12 else hour * 60 + minute if hour > 12 else minute
    if ctx.night_morning.search(before):  # 早上, 明早
        return hour * 60 + minute if hour < 12 else None
    return hour * 60 + minute if m.group("m") and hour >= 13 else None  # 22:30 needs no word


def night_contacts(
    s: str, contexts: Iterable[Context], packs: Sequence[RulePack], told: list[tuple[int, int]], report: bool
) -> list[Raw]:
    """A harassment finding at the first time outside the lawful day that the message contacts the reader at; not
    one in ``told``, what a memo reports or shows wrong, nor any in a ``report``, a memo that gives a verdict
    (事件报告：…晚22:40…拨打…给予书面警告), nor one the reader asked for or a window the sender keeps to (we only call
    between 7:30am and 9pm, 您同意在21:00至22:30之间联系)."""
    if report or _MAYBE.search(s) is None:  # most messages name no time
        return []
    start, end = _day_of(packs)
    for ctx in contexts:
        clock = _CLOCK.get(ctx.lang)
        if clock is None:
            continue
        for m in clock.finditer(s):
            at = _minutes(m, s, ctx)
            if at is None or start <= at % 1440 <= end:
                continue
            lo, hi = sentence_span(s, m.start())
            if (
                any(a <= m.start() < b for a, b in told)
                or ctx.night_deadlines.match(s, m.end()) is not None
                or ctx.night_deadlines_before.search(s, max(lo, m.start() - 14), m.start()) is not None
                or ctx.night_inbound.search(s, lo, hi) is not None
                or ctx.consent.search(s, lo, hi) is not None
                or ctx.night_limits.search(s, lo, hi) is not None
                or ctx.night_past.search(s, lo, m.start()) is not None
                or ctx.negation.search(s, *clause_span(s, m.start(), ctx.lang)) is not None  # 十点后严禁外呼
            ):
                continue
            stamp = m.start() <= _STAMP_REACH or ctx.night_now.search(s, max(lo, m.start() - 12), m.start())
            if stamp or ctx.night_contact.search(s, lo, hi) is not None:
                return [("harassment", m.start(), m.end(), "context", m.group(0), "warn")]
    return []
