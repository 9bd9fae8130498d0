"""Memos to staff that report, review or ban an act: where they name it, they do not order it.

质检通报：工号SY0311在通话中对借款人说“你就是个老赖”，扣质检分10分 or "Case review: the agent accepted $300 via Zelle…
Terminated." tells colleagues what one of them did and what it cost. Orders wear the same clothes (通知：坐席对客户说…，
违者扣分; "Incident: agent #22 told her she'd be arrested. Do it on every call"), so the reading is narrow. The memo
must open with a review, training or ban-list frame and hold no word of order anywhere (praise, a sanction for not
doing it, everyone, from now on, should). Then three stretches are reported, not said:

- a report: one staff member, named (工号SY0311, 王某, agent #114), and their act told as past, to the end of its clause
  (quotes kept whole), when the memo gives a verdict (扣10分, 约谈, retrained);
- a ban's items, each short or quoted (以下说法禁用——坐牢、立案、通知你单位; "never say jail, arrest or deport");
- a wrong example, labelled, to its quote or clause and never past the right one (错误示范：“…”，正确示范：…).

The words are in ``data/lexicons/staff_reports.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pydantic

from collectguard.text.memo_words import Words, load_memo_file, words_pattern
from collectguard.text.normalize import Offsets
from collectguard.text.screen_quiz import quizzed_spans
from collectguard.text.screen_quotes import quoted_spans, to_normalised

__all__ = ["covered", "normalised", "orders_nothing", "reported_spans"]


class _ReportFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    frames: Words
    orders: Words
    order_forms: str
    verdicts: Words
    verdict_forms: str
    reporters: Words
    reporter_forms: str
    acts: Words
    past: Words
    plans: Words
    bans: Words
    examples: Words
    examples_end: Words
    caught: Words
    removed: Words
    removed_after: Words
    removal_denials: Words


@dataclass(frozen=True, slots=True)
class _Report:
    frames: re.Pattern[str]
    orders: re.Pattern[str]
    verdicts: re.Pattern[str]
    reporters: re.Pattern[str]
    acts_zh: re.Pattern[str]
    acts_en: re.Pattern[str]
    past: re.Pattern[str]
    plans: re.Pattern[str]
    bans: re.Pattern[str]
    examples: re.Pattern[str]
    examples_end: re.Pattern[str]
    caught: re.Pattern[str]
    removed: re.Pattern[str]
    removed_after: re.Pattern[str]
    removal_denials: re.Pattern[str]


#: what may stand before the frame at the memo's opening: a bracket, a date or a number (【质检通报】, 4月质检…)
_OPENING_MARKS = re.compile(r"[\s【\[(（#*]*(?:\d{1,4}\s*[年月日号./-]?\s*){0,3}")
#: how far after the staff member named their act is looked for (工号SY0305本月三次在录音里让…)
_ACT_REACH = 24
#: a sentence ends here (a full stop before a closing quote too); a clause also at a comma
_SENTENCE = re.compile(r"[。;；!！?？\n]|\.(?:[\"'”’]|\s|$)")
_CLAUSE = re.compile(r"[。;；!！?？\n,，]|\.(?:[\"'”’]|\s|$)")
#: a wrong example is a label: a colon or a quote follows it (错误示范：…; not 错误示范已删除)
#: the quoted spans of a memo, (start, end) with both marks (screen_quotes.quoted_spans)
_Quotes = list[tuple[int, int]]
_LABEL = re.compile(r"\s*(?:[:：]\s*|(?=[“「『\"'‘]))")
#: after a ban, before its list: a name for the list and a colon or a dash (禁用词清单V3.2：, 以下说法一律禁用——)
_LIST_OPENS = re.compile(r"[^，,。;；\n:：—]{0,10}(?:[:：]|——|—|–)\s*")
#: an item of a ban's list: short (a word or a phrase) or quoted; items are joined by 、, a comma, or and 或
_ZH_ITEM = re.compile(
    r"\s*(?:[“「『\"'‘][^”」』\"'’]{1,40}[”」』\"'’]|[^，,。;；、\n“”]{1,8})(?=[、，,。;；\n]|$|或)"
)
_ZH_JOIN = re.compile(r"、|或|，(?=[“「『\"'‘])|,(?=[“「『\"'‘])")
_ZH_LIST_JOIN = re.compile(r"、|或")
_EN_ITEM = re.compile(
    r"\s*(?:[\"'‘“][^\"'’”]{1,40}[\"'’”]|[^\s,.;]+(?:\s+[^\s,.;]+)?)(?=\s*(?:[,.;]|$)|\s+(?:or|and|on|in|at|to|with|during|over)\s)"
)
_EN_JOIN = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")


@lru_cache(maxsize=1)
def _shipped() -> _Report:
    spec = load_memo_file("staff_reports.yaml", _ReportFile)
    return _Report(
        frames=words_pattern(spec.frames),
        orders=words_pattern(spec.orders, spec.order_forms),
        verdicts=words_pattern(spec.verdicts, spec.verdict_forms),
        reporters=words_pattern(spec.reporters, spec.reporter_forms),
        acts_zh=words_pattern(Words(zh=spec.acts.zh)),
        acts_en=words_pattern(Words(en=spec.acts.en)),
        past=words_pattern(spec.past),
        plans=words_pattern(spec.plans),
        bans=words_pattern(spec.bans),
        examples=words_pattern(spec.examples),
        examples_end=words_pattern(spec.examples_end),
        caught=words_pattern(spec.caught),
        removed=words_pattern(spec.removed),
        removed_after=words_pattern(spec.removed_after),
        removal_denials=re.compile("(?:" + words_pattern(spec.removal_denials).pattern + r")\s*$"),
    )


def reported_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of a memo to staff (offsets of ``text``) that report, ban or show as wrong an act: a quiz's
    wrong options (screen_quiz), the spellings a note says are caught anyway (``_caught``) and the words taken out of a
    script (``_removed``) in any memo, the rest only when the memo opens with a frame and orders nothing."""
    spec = _shipped()
    low = text.lower()
    quotes = [(q.start(), q.end()) for q in quoted_spans(low)]
    ordered = spec.orders.search(low) is not None
    anywhere = quizzed_spans(low) + _caught(low, spec) + ([] if ordered else _removed(low, spec, quotes))
    opening = _OPENING_MARKS.match(low)
    if spec.frames.match(low, opening.end() if opening else 0) is None or ordered:
        return tuple(anywhere)
    told = _told(low, spec, quotes) if spec.verdicts.search(low) is not None else []
    return tuple(anywhere + told + _banned(low, spec) + _shown_wrong(low, spec, quotes))


#: a bracketed list of spellings (拼音、谐音写法（lao赖、做牢）, any variation (j@il, 4rrest))
_BRACKETED = re.compile(r"[（(][^（）()]{1,60}[）)]")


def _caught(low: str, spec: _Report) -> list[tuple[int, int]]:
    """In a note that says evasive spellings are caught anyway (拼音夹汉字同样会被识别, the screener caught it; spelling
    tricks are still abuse), what it quotes or lists in brackets are the spellings named, not said."""
    if spec.caught.search(low) is None:
        return []
    return [(q.start(), q.end()) for q in quoted_spans(low)] + [m.span() for m in _BRACKETED.finditer(low)]


#: how far after a removal its quote may open (删去了“…”, 删除以下话术：“…”)
_REMOVED_REACH = 8


def _removed(low: str, spec: _Report, quotes: _Quotes) -> list[tuple[int, int]]:
    """A quote right after a removal (删去了“不还就去你茶厂挂横幅”这类话) or right before one told of it (“…”这句已删除):
    words taken out of a script (the caller asks it only of a memo that orders nothing), unless the removal is denied
    or not yet done (不要删掉“…”, 还没删掉“…”)."""
    spans = []
    for m in spec.removed.finditer(low):
        if spec.removal_denials.search(low, max(0, m.start() - _REMOVED_REACH), m.start()) is not None:
            continue
        if quoted := _quote_from(quotes, m.end(), m.end() + _REMOVED_REACH):
            spans.append(quoted)
    # the quote first, its removal told after it (“…”这句已从话术中删除, "'…' has been removed")
    for a, b in quotes:
        after = spec.removed_after.search(low, b)
        if (
            after is not None
            and after.start() - b <= 2 * _REMOVED_REACH
            and spec.removal_denials.search(low, b, after.start()) is None
        ):
            spans.append((a, b))
    return spans


def orders_nothing(text: str) -> bool:
    """No order anywhere in a memo (参照, 必须, 每天, from now on, everyone): it may report what staff did."""
    return _shipped().orders.search(text.lower()) is None


def normalised(spans: tuple[tuple[int, int], ...], offs: Offsets) -> list[tuple[int, int]]:
    """``spans`` of the original text as spans of the normalised one (``offs``: the normaliser's map)."""
    return [(to_normalised(offs, a), to_normalised(offs, b)) for a, b in spans]


def covered(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many characters from ``start`` to ``end`` lie in ``spans`` (which may overlap)."""
    return sum(1 for i in range(start, end) if any(a <= i < b for a, b in spans))


def _end(pattern: re.Pattern[str], low: str, at: int, quotes: _Quotes) -> int:
    """Where ``pattern`` next breaks ``low`` from ``at``, outside ``quotes`` (“…，…” is one stretch)."""
    for m in pattern.finditer(low, at):
        if not any(a < m.start() < b - 1 for a, b in quotes):
            return m.start()
    return len(low)


def _quote_from(quotes: _Quotes, lo: int, hi: int) -> tuple[int, int] | None:
    """The first of ``quotes`` that opens from ``lo`` up to ``hi``."""
    return next(((a, b) for a, b in quotes if lo <= a < hi), None)


def _told(low: str, spec: _Report, quotes: _Quotes) -> list[tuple[int, int]]:
    """From one staff member named to the end of the clause of their act, or of the words they said when a quote
    follows them (录音中有“…”), told as past (in Chinese a past word, or a verdict later in the sentence: SY0425
    短信出现…，判定侮辱; in English a past verb), with no plan between them and the act (王某要对客户说…)."""
    spans = []
    for m in spec.reporters.finditer(low):
        after = low[m.end() : m.end() + _ACT_REACH]
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in after[:6])
        said = _quote_from(quotes, m.end(), m.end() + 1)  # the words themselves right after (录音中有“…”)
        act = (
            None
            if said
            else (spec.acts_zh if chinese else spec.acts_en).search(low, m.end(), m.end() + _ACT_REACH)
        )
        if said is not None:
            end = said[1]
        elif act is not None:
            end = _end(_CLAUSE, low, act.end(), quotes)
            quoted = _quote_from(quotes, act.end(), end)  # a quote ends the act: …说“…”请新人背诵
            end = quoted[1] if quoted else end
            if spec.plans.search(low, m.end(), act.start()) is not None:
                continue
        else:
            continue
        if (
            chinese
            and spec.past.search(low, m.end(), end) is None
            and spec.verdicts.search(low, end, _end(_SENTENCE, low, end, quotes)) is None
        ):
            continue
        spans.append((m.start(), end))
    return spans


def _banned(low: str, spec: _Report) -> list[tuple[int, int]]:
    """A ban's items: short or quoted, joined by 、 (Chinese) or commas, or and and (English); the list stops at
    the first item that is neither (不要说没钱、今晚不还就爆通讯录 names 没钱 only)."""
    spans = []
    for m in spec.bans.finditer(low):
        english = m.group().isascii()
        item, join = (_EN_ITEM, _EN_JOIN) if english else (_ZH_ITEM, _ZH_JOIN)
        at = m.end()
        if opened := _LIST_OPENS.match(low, at):
            at = opened.end()
        end = m.end()
        while found := item.match(low, at):
            end = found.end()
            # 不要说“…”，“…” bans the first quote and scripts the second; after a colon both are items
            joined = join.match(low, end) if english or opened else _ZH_LIST_JOIN.match(low, end)
            if joined is None:
                break
            at = joined.end()
        if end > m.end():
            spans.append((m.end(), end))
    return spans


def _shown_wrong(low: str, spec: _Report, quotes: _Quotes) -> list[tuple[int, int]]:
    """After a wrong-example label (错误示范：…, "wrong example: '…'"): its quote, else its clause, and never past the
    right example."""
    spans = []
    for m in spec.examples.finditer(low):
        label = _LABEL.match(low, m.end())
        if label is None:
            continue
        quote = _quote_from(quotes, label.end(), label.end() + 1)
        end = quote[1] if quote else _end(_CLAUSE, low, label.end(), quotes)
        right = spec.examples_end.search(low, m.end(), end)
        spans.append((m.end(), end if right is None else right.start()))
    return spans
