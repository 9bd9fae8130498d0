"""Context cue lists compiled to regexes: run only around a hit, so one pattern per list suffices."""

from __future__ import annotations

import re

from collectguard.text.normalize import normalize

__all__ = ["counted_regex", "cue_regex"]


def cue_regex(
    words: tuple[str, ...], lang: str, unless: tuple[str, ...] = (), not_after: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """One pattern for a cue list; ``unless`` lists words that start where a cue does and are no
    cue (就业 is not the breaker 就), ``not_after`` words right before a cue that deny it (无违规)."""
    keys = sorted({normalize(w).text for w in words if w}, key=len, reverse=True)
    if not keys:
        return re.compile(r"(?!x)x")
    not_these = "|".join(re.escape(normalize(w).text) for w in sorted(unless, key=len, reverse=True))
    guard = f"(?!{not_these})" if not_these else ""
    guard += "".join(f"(?<!{re.escape(normalize(w).text)})" for w in not_after if w)
    if lang != "en":
        return re.compile(guard + "(?:" + "|".join(re.escape(k) for k in keys) + ")")

    # One lookbehind for cues that start a word, none for ", you": one per alternative is ten times slower
    starts_word = "|".join(re.escape(k) for k in keys if k[0].isalnum())
    others = "|".join(re.escape(k) for k in keys if not k[0].isalnum())
    parts = [rf"(?<![a-z0-9']){guard}(?:{starts_word})(?![a-z0-9'])"] if starts_word else []
    parts += [rf"{guard}(?:{others})(?![a-z0-9'])"] if others else []
    return re.compile("|".join(parts))


#: the Chinese words that start a count a day (每天给你打20个电话); the screener looks for them before the pattern
PER_DAY = ("每天", "一天", "天天", "每日")
#: the Chinese words of today, before a count of contacts already made (今天已经给你打了38个电话, 今天第38条)
TODAY = ("今天", "今日")
#: how a quota's calls are made (打满50通, 外呼不少于12次)
_DIAL = "打满|打够|拨满|拨打|呼叫|外呼|联系|打|拨|发|呼"
#: what may stand between a Chinese ban and the quota it bans: nothing, or the object marker 将 or 把
_OBJECT_MARKERS = ("", "将", "把")
#: what a day's numbered count counts in English: messages, not calls ("text 12 of today"; a call log's "call 12 of today")
_EN_NUMBERED = "message|text|sms|voicemail|email"
#: a count of ten or more in Chinese, in digits or in words, with 多 or 来 after it (38, 二十, 二十五, 几十, 20多)
_ZH_COUNT = r"(?:[1-9]\d+|[二三四五六七八九两]?十[一二三四五六七八九]?|几十)(?:多|来|)"
#: a quota set in a dialler (每个号码每日拨打上限调到30次)
_SET = "上限调到|上限调至|上限设为|上限设置为|上限提高到|上限改为|上限为|调到|调至|设为|设置为|提高到|改为"


def counted_regex(
    things: tuple[str, ...],
    lang: str,
    readers: tuple[str, ...] = (),
    verbs: tuple[str, ...] = (),
    persons: tuple[str, ...] = (),
    bans: tuple[str, ...] = (),
    debtors: tuple[str, ...] = (),
    denials: tuple[str, ...] = (),
) -> re.Pattern[str]:
    """第 + a number of ten or more + a counted message or call (Chinese); an English ordinal of
    ten or more + the thing counted ("the 12th text"); ten or more of them a day to the reader or someone named
    (每天给你打20个电话, call you 15 times a day; not a count with no one called, nor one denied). ``readers``:
    who is contacted (给你, you); ``verbs``: in English, how (call, text); ``persons``: each borrower of a quota,
    named before the day in Chinese (每个失联借款人每天至少打满50通) and after the count in English (25 calls per
    debtor per day), unless one of ``bans`` stands right before it (严禁每个客户每天打满20通, never make 20 calls…);
    ``debtors``: in English, the persons for whom bare attempts count (25 attempts per debtor per day, not per
    account: a card's login attempts); ``denials``: in English, the words right before the verb that deny the count (we
    never called you 12 times today)."""
    if not things:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(normalize(t).text) for t in sorted(things, key=len, reverse=True))
    who = "|".join(map(re.escape, readers)) or r"(?!x)x"
    if lang == "zh":
        each = "|".join(re.escape(normalize(p).text) for p in persons) or r"(?!x)x"
        # a ban may take its object with 将 or 把 before the quota (严禁将每个号码每日拨打上限调到30次)
        not_banned = "".join(
            f"(?<!{re.escape(normalize(w).text + marker)})" for w in bans if w for marker in _OBJECT_MARKERS
        )
        day = "|".join(PER_DAY)
        today = "|".join(TODAY)
        return re.compile(
            rf"(?:第|(?<![不没])(?<!不会)(?<!不再)(?:{day}|{today})\s*(?:都已经|都|已经|)\s*(?:{who})\s*(?:打了|发了|打|发|)\s*)"
            rf"{_ZH_COUNT}\s*(?:{alts})"
            # the day's count numbered out (今天第38条：…), a bare 条 or 次 only before no other word (not 今天第12个客户)
            rf"|(?:{today})(?:的|)第{_ZH_COUNT}\s*(?:(?:{alts})|(?:条|次|个|遍)(?![\u4e00-\u9fff]))"
            # a quota for each borrower counts calls by 次 too (每名借款人每日外呼不少于12次)
            rf"|{not_banned}(?:{each})[\s,，]*(?:{day})\s*(?:都要|都得|都|要|)\s*(?:{_DIAL}|)\s*"
            rf"(?:至少|最少|不少于|起码|)\s*(?:{_DIAL}|)\s*(?:{_SET}|)\s*[1-9]\d+\s*(?:{alts}|次|遍)"
        )
    how = "|".join(map(re.escape, verbs)) or r"(?!x)x"
    each = "|".join(re.escape(p) for p in sorted(persons, key=len, reverse=True)) or r"(?!x)x"
    not_banned = "".join(f"(?<!{re.escape(w)} )" for w in bans if w)
    not_denied = "".join(f"(?<!{re.escape(w)} )" for w in denials if w)
    debtor = "|".join(re.escape(p) for p in sorted(debtors, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(
        rf"\b[1-9]\d+(?:st|nd|rd|th) (?:{alts})"
        # not a count denied (we never called you 12 times today)
        rf"|{not_denied}\b(?:{how})\s+"
        rf"(?:{who}|your\b[^,.;!?]{{0,20}}?|the\b[^,.;!?]{{0,20}}?)\s+"
        rf"[1-9]\d+(?:,? (?:or |to )?[1-9]\d+)? (?:{alts})s? (?:(?:a|per|each) day|today|so far today)\b"
        # the day's count numbered out (message 14 of today)
        rf"|\b(?:{_EN_NUMBERED}) (?:#|no\.? ?|number |)[1-9]\d+ (?:of|for) (?:today|the day)\b"
        # a quota for each borrower (25 calls per debtor per day), unless banned right before (never make …)
        rf"|{not_banned}\b[1-9]\d+ (?:(?:{alts})s? (?:{each})|attempts? (?:{debtor})) (?:(?:a|per|each) day|daily)\b"
    )
