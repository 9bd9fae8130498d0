"""Memos to staff that report, review or ban an act: where they name it, they do not order it.

质检通报：工号SY0311在通话中对借款人说“你就是个老赖”，扣质检分10分 or "Case review: agent accepted $300 via Zelle to
his personal phone… Terminated." tells colleagues what someone did and what it cost. Such a memo opens with a frame
(质检, 案例, QA, incident), gives a verdict, a sanction or a ban, and praises nothing (效果好, "works every time"
make it an order). Inside it, three stretches are reported rather than said: a sentence from the staff member who did
it (工号…, 坐席, agent #114) with no order between them and the act (以后坐席开场说… is a plan); what a ban names, in
its clause or the list after its colon; what a breach costs (一经发现…); and a wrong example (错误示范：…). The words are in
``data/lexicons/staff_reports.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import read_yaml
from collectguard.errors import DataFileError
from collectguard.text.normalize import Offsets
from collectguard.text.screen_quotes import to_normalised

__all__ = ["normalised", "reported_spans"]


class _Words(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    zh: tuple[str, ...]
    en: tuple[str, ...]


class _ReportFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    frames: _Words
    verdicts: _Words
    endorsements: _Words
    reporters: _Words
    reporter_ids: str
    acts: _Words
    orders: _Words
    bans: _Words
    sanctions: _Words
    examples: _Words


@dataclass(frozen=True, slots=True)
class _Report:
    frames: re.Pattern[str]
    verdicts: re.Pattern[str]
    endorsements: re.Pattern[str]
    reporters: re.Pattern[str]
    acts_zh: re.Pattern[str]
    acts_en: re.Pattern[str]
    orders: re.Pattern[str]
    bans: re.Pattern[str]
    tails: re.Pattern[str]


#: how far into the memo its frame may stand (【质检通报】, "QA finding, call 6/14:")
_FRAME_REACH = 24
#: how far after the staff member named their act is looked for (工号SY0305本月三次在录音里让…)
_ACT_REACH = 24
#: a sentence ends here; a clause also at a comma (、 joins the items of a list)
_SENTENCE = re.compile(r"[。;；!！?？\n]|\.(?:\s|$)")
_CLAUSE = re.compile(r"[。;；!！?？\n,，]|\.(?:\s|$)")
#: right after a ban, a list follows to the sentence's end (禁用词：…, 一律禁用——…, "Banned list: …")
_LIST_OPENS = re.compile(r"\s*(?:以下|如下|这些|词)?\s*(?:[:：]|——|—|-|–)")
#: an English list after a ban runs over its items of one or two words ("never say warrant, arrest, sheriff or deport…")
_SHORT_ITEM = re.compile(
    r"(?:,\s*|\s+or\s+|\s+and\s+)(?:[^\s,.;]+\s+){0,1}[^\s,.;]+"
    r"(?=\s*(?:[,.;]|$)|\s+(?:or|and|on|in|to|with|during|at|over)\s)"
)


def _words(words: _Words) -> re.Pattern[str]:
    """One pattern for both languages: English words whole, Chinese words anywhere, longest first."""
    zh = "|".join(re.escape(w) for w in sorted(words.zh, key=len, reverse=True))
    en = "|".join(re.escape(w.lower()) for w in sorted(words.en, key=len, reverse=True))
    parts = ([f"(?:{zh})"] if zh else []) + ([f"(?<![a-z0-9'])(?:{en})(?![a-z0-9'])"] if en else [])
    return re.compile("|".join(parts) or r"(?!x)x")


@lru_cache(maxsize=1)
def _shipped() -> _Report:
    path = Path(str(resources.files("collectguard") / "data" / "lexicons" / "staff_reports.yaml"))
    try:
        spec = _ReportFile.model_validate(read_yaml(path))
    except pydantic.ValidationError as exc:
        raise DataFileError(f"{path.name}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc
    reporters = _words(spec.reporters)
    return _Report(
        frames=_words(spec.frames),
        verdicts=_words(spec.verdicts),
        endorsements=_words(spec.endorsements),
        reporters=re.compile(f"{reporters.pattern}|{spec.reporter_ids}"),
        acts_zh=_words(_Words(zh=spec.acts.zh, en=())),
        acts_en=_words(_Words(zh=(), en=spec.acts.en)),
        orders=_words(spec.orders),
        bans=_words(spec.bans),
        tails=_words(
            _Words(zh=spec.sanctions.zh + spec.examples.zh, en=spec.sanctions.en + spec.examples.en)
        ),
    )


def reported_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of a memo to staff (offsets of ``text``) that report, ban or show as wrong an act; empty
    unless the memo is a report (a frame first, a verdict, no praise)."""
    spec = _shipped()
    low = text.lower()
    if (
        spec.frames.search(low, 0, _FRAME_REACH) is None
        or spec.verdicts.search(low) is None
        or spec.endorsements.search(low) is not None
    ):
        return ()
    return tuple(_told(low, spec) + _banned(low, spec) + _tails(low, spec))


def normalised(spans: tuple[tuple[int, int], ...], offs: Offsets) -> list[tuple[int, int]]:
    """``spans`` of the original text as spans of the normalised one (``offs``: the normaliser's map)."""
    return [(to_normalised(offs, a), to_normalised(offs, b)) for a, b in spans]


def _end(pattern: re.Pattern[str], low: str, at: int) -> int:
    m = pattern.search(low, at)
    return len(low) if m is None else m.start()


def _start(low: str, at: int) -> int:
    return max((m.end() for m in _SENTENCE.finditer(low, 0, at)), default=0)


def _told(low: str, spec: _Report) -> list[tuple[int, int]]:
    """From the staff member named to the sentence's end: what they did. None when an order stands before them in
    the sentence or between them and their act (要让坐席说…, 坐席一律说…, "agents should say…" plan an act; an
    order after the act is in the words reported: 坐席王某对客户说要让他…), and in English none without a past
    act ("agents tell them…" is a script)."""
    spans = []
    for m in spec.reporters.finditer(low):
        if spec.orders.search(low, _start(low, m.start()), m.start()) is not None:
            continue
        end = _end(_SENTENCE, low, m.end())
        after = low[m.end() : end].lstrip(" #0-9:")
        chinese = bool(after) and "\u4e00" <= after[0] <= "\u9fff"
        act = (spec.acts_zh if chinese else spec.acts_en).search(low, m.end(), min(end, m.end() + _ACT_REACH))
        if act is None and not chinese:
            continue
        upto = act.start() if act is not None else min(end, m.end() + _ACT_REACH)
        if spec.orders.search(low, m.end(), upto) is None:
            spans.append((m.start(), end))
    return spans


def _banned(low: str, spec: _Report) -> list[tuple[int, int]]:
    """What a ban names: its clause (items joined by 、), or the sentence when a colon or a dash opens a list
    after it; in English the list's short items after a comma, or, or and."""
    spans = []
    for m in spec.bans.finditer(low):
        if _LIST_OPENS.match(low, m.end()):
            end = _end(_SENTENCE, low, m.end())
        else:
            end = _end(_CLAUSE, low, m.end())
            while m.group().isascii() and (item := _SHORT_ITEM.match(low, end)):
                end = item.end()
        spans.append((m.end(), end))
    return spans


def _tails(low: str, spec: _Report) -> list[tuple[int, int]]:
    """After a sanction (一经发现…) or a wrong example (错误示范：…), to the sentence's end."""
    return [(m.end(), _end(_SENTENCE, low, m.end())) for m in spec.tails.finditer(low)]
