"""Words quoted in a reviewer's note: reported, not said.

A QA memo, a complaint review or a training note quotes what a collector said and judges it
(质检备注：坐席说“你不还我就天天打到你崩溃”，属骚扰性表述; QA note: Agent 2214 said "we'll have you
arrested" on a call. Zero-tolerance breach.). Such a note names the review before the quote, the
collector who said it right before the quote, speaks to no one outside its quotes, and gives its
verdict after them. A collector's own threat in quotes with a verdict on the debt after it
(“…”违规逾期, "…" Breach of agreement.) is none of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from collectguard.text.lexicon_context import Context
from collectguard.text.normalize import Offsets
from collectguard.text.screen_quotes import (
    QUOTED_RUN,
    REVIEW_QUOTE_REACH,
    has_quotes,
    impersonal,
    list_start,
    overturned,
    quoted_spans,
    quotes_around,
    sentence_stop,
    to_normalised,
)

__all__ = ["condemned", "condemned_spans", "gives_verdict", "verdict_clauses"]


def condemned(s: str, start: int, end: int, ctx: Context, original: str, offs: Offsets) -> bool:
    """The hit is quoted in a reviewer's note that judges the words a violation (质检：坐席说“你不还我就天天
    打到你崩溃”，属骚扰性表述; QA: agent told the consumer 'you could go to jail.' That is a prohibited false
    threat.): ``_reviewed`` (a review named before the quote, the collector who said it right before
    it, no 你, 我, you or we outside the quotes) and ``_verdict_after`` (a verdict in the quote's
    sentence or the next, not denied and not on the debt: “…”违规逾期 judges no words)."""
    quotes = quotes_around(start, end, original, offs, single=True, reach=REVIEW_QUOTE_REACH)
    return quotes is not None and _judged(s, ctx, original, offs, *quotes)


def _judged(s: str, ctx: Context, original: str, offs: Offsets, opening: int, close: int) -> bool:
    """The quote from ``opening`` to ``close`` is reported by a note (``_reviewed``) and judged by a
    verdict after it (``_verdict_after``)."""
    start = list_start(original, opening)  # the speaker stands before the first quote of a list
    # a later item of a list is judged only by a verdict given (均已扣分, 属恐吓), not one in prospect (扣分标准…)
    settled = start != opening and ctx.lang == "zh"
    reported = _reviewed(ctx, original, opening, start) or _as_subject(ctx, original, start, close)
    return reported and _verdict_after(s, ctx, original, offs, close, settled)


def _reviewed(ctx: Context, original: str, opening: int, start: int) -> bool:
    """An impersonal note that names a review before the quote at ``opening`` (质检：…, QA note: …) and
    a collector who said the quoted words right before it (坐席说“…”, agent told the consumer '…'): a
    sign-off (工号0231, "Agent Smith"), a company name (Quality Auto Finance) or a cautionary tale
    (案例：“王某…被抓走”) reports nobody's words."""
    if not impersonal(original):
        return False
    frame = _first_frame(ctx, original)
    return (
        0 <= frame < opening
        and ctx.reported_speech_by.search(original, max(0, start - _SPEAKER_REACH), start) is not None
    )


def described(s: str, start: int, ctx: Context, original: str) -> bool:
    """The hit at ``start`` names the kind of violation a review found ("That is a false threat of arrest",
    "flagged as a threat to contact a third party"): a description right before it, itself judged (is a, as a,
    FAIL,), in an impersonal note whose review is named before it (QA review: …). Without the judgement ("remind
    them of the threat of arrest") or the review it is a threat."""
    m = ctx.verdict_descriptions.search(s, max(0, start - _DESCRIPTION_REACH), start)
    if m is None or s[m.end() : start].strip():
        return False
    if _JUDGED_AS.search(s, max(0, m.start() - _DESCRIPTION_REACH), m.start()) is None:
        return False
    return impersonal(original) and ctx.review_frames.search(s, 0, m.start()) is not None


def _as_subject(ctx: Context, original: str, start: int, close: int) -> bool:
    """The quoted words open their sentence or follow a colon and are the subject of what follows (Training note:
    "You'll be arrested if you don't pay" is a false threat), in an impersonal note that names its review first."""
    if start > 0 and not _SUBJECT_OPENS.search(original, max(0, start - 4), start):
        return False
    run = QUOTED_RUN.match(original, close + 1)  # the list the quote ends, and the "is" it may take with it
    if _COPULA.match(original, close + 1) is None and (
        run is None or _COPULA.match(original, run.end()) is None
    ):
        return False
    return impersonal(original) and 0 <= _first_frame(ctx, original) < start


@lru_cache(maxsize=8)
def _first_frame(ctx: Context, original: str) -> int:
    m = ctx.review_frames.search(original.lower())
    return -1 if m is None else m.start()


def _verdict_after(
    s: str, ctx: Context, original: str, offs: Offsets, close: int, settled: bool = False
) -> bool:
    """A verdict or a ban follows the quote closing at ``close`` (and the quoted list it ends), in its
    sentence or the next (…said "we'll have you arrested" on a call. Zero-tolerance breach). ``settled``:
    only a verdict given (已扣分, 属骚扰) counts."""
    run = QUOTED_RUN.match(original, close + 1)
    at = to_normalised(offs, close + 1 if run is None else run.end())
    stop = sentence_stop(s, at)
    stop = min(sentence_stop(s, min(stop + 1, len(s))), at + _VERDICT_REACH)
    for cue in (ctx.verdicts, ctx.word_bans):
        for verdict in cue.finditer(s, at, stop):
            if overturned(s, verdict.end(), ctx):  # …是违规的，又怎样？
                continue
            # …效果很好，大家照着说，不说的扣分: praised before its verdict, so not judged
            if _praised(s, ctx, at, verdict.start()):
                return False
            if settled and _GIVEN.search(s, max(0, verdict.start() - 3), verdict.end()) is None:
                continue
            # a verdict on the debt, on people or on the reader's conduct judges no words (违规逾期, 违规客户,
            # 严禁拖欠, "Breach of agreement", "Failure to pay is a violation"), its object in its own clause
            clause = max([at, *(m.end() for m in _CLAUSE_BREAK.finditer(s, at, verdict.start()))])
            if ctx.verdict_refusals.search(s, clause, verdict.start()) is not None:
                continue  # a sanction for not saying the words orders them (不说的扣分)
            lo = max(clause, verdict.start() - _DENIAL_REACH - 4)
            if ctx.verdict_objects.match(s, verdict.end()) is not None or ctx.verdict_objects.search(
                s, lo, verdict.start()
            ):
                continue
            # a verdict denied ("that is not a violation", 不属于威胁) judges nothing: a negation that
            # starts before it, even one that runs into it; a ban's own 不 (也不要说) denies no ban
            lo = max(at, verdict.start() - _DENIAL_REACH)
            denials = ctx.negation.finditer(s, lo, verdict.end())
            if cue is ctx.word_bans:
                denials = (m for m in denials if m.end() <= verdict.start())
            if not any(m.start() < verdict.start() for m in denials):
                return True
    return False


def _praised(s: str, ctx: Context, at: int, verdict: int) -> bool:
    """Praise for the quoted words or a call to copy them before their verdict, not conceded (哪怕效果明显也属威胁)."""
    reach = _CONCESSION_REACH[ctx.lang]
    return any(
        ctx.concessions.search(s, max(at, m.start() - reach), m.start()) is None
        for m in ctx.endorsements.finditer(s, at, verdict)
    )


def condemned_spans(s: str, ctx: Context, original: str, offs: Offsets) -> list[tuple[int, int]]:
    """The spans of normalised ``s`` quoted in a note that judges them (``condemned``); empty if none.
    The model does not judge such a note; what it quotes may still tell a third party of a debt."""
    if not has_quotes(original):
        return []
    return [
        (to_normalised(offs, q.start()), to_normalised(offs, q.end()))
        for q in quoted_spans(original)
        if _judged(s, ctx, original, offs, q.start(), q.end() - 1)
    ]


#: right before a verdict given: the copula that gives it (属于违规披露, is a violation)
_GIVEN_BEFORE = re.compile(
    r"(?:属于|属|均属|构成|系|是|为|is|was|are|were|constitutes?)\s*(?:an?\s+)?$", re.IGNORECASE
)


def gives_verdict(s: str, contexts: Iterable[Context]) -> bool:
    """A verdict in normalised ``s`` that is no sanction for not doing the act (做不到的扣分, anyone who doesn't will be
    written up): a memo with one, and no order, reports what staff did (违规, 给予书面警告, 被监管罚款)."""
    for ctx in contexts:
        for m in ctx.verdicts.finditer(s):
            clause = max([0, *(b.end() for b in _CLAUSE_BREAK.finditer(s, 0, m.start()))])
            if ctx.verdict_refusals.search(s, clause, m.start()) is None:
                return True
    return False


def verdict_clauses(s: str, ctx: Context) -> list[tuple[int, int]]:
    """Each verdict of a memo to the end of its clause (属于向第三方披露债务，…): the kind of violation named, which
    tells no one of a debt and names no outsider to contact."""
    spans = []
    for m in ctx.verdicts.finditer(s):
        # a verdict given (属于…, 属…, is a …), not one conceded to an order (违规也得跟他老婆讲…, 扣分我认 你直接…)
        if not (m.group().startswith("属") or _GIVEN_BEFORE.search(s, max(0, m.start() - 6), m.start())):
            continue
        stop = _CLAUSE_BREAK.search(s, m.end())
        spans.append((m.start(), len(s) if stop is None else stop.start()))
    return spans


#: a verdict given, not one in prospect: 均已扣分, 已处罚, 属恐吓
_GIVEN = re.compile(r"已|属")
#: how far before praise a concession withdraws it: 哪怕 right before 效果明显; "even if it" before "gets results"
_CONCESSION_REACH = {"zh": 4, "en": 12}
#: how far before a verdict a negation denies it (not a violation, 并不违规)
_DENIAL_REACH = 6
#: how far after the quote its verdict is looked for, and before it the collector who said it
_VERDICT_REACH = 200
_SPEAKER_REACH = 40
#: right before a quote that is its sentence's subject: a colon, a mark, the start (Training note: "…" is …) or an
#: answer key's item (第3题“…”——违规, Q3 "…" – violation) or a script library's old line (原句“…”已删除)
_SUBJECT_OPENS = re.compile(
    r"(?:^|[:：。.!?！？;；\n]|第\s*\d{1,3}\s*题|\bq\d{1,3}\b[.:]?|原句|原话术|旧话术|错误示范|错误说法)\s*$",
    re.IGNORECASE,
)
#: right after it: the verb that judges it ("…" is a false threat, “…”属于威胁), an answer key's dash (“…”——违规) or
#: 已 before a verdict given (“…”已删除)
_COPULA = re.compile(
    r"\s*(?:is|are|was|were|counts as|属于|属|均属|都属于|均为|都是|是|算|已|——|—|–|--|-(?=\s))(?![a-z])",
    re.IGNORECASE,
)
#: right before a description of a violation: the judgement that names it (is a false …, flagged as a …, FAIL, …)
_JUDGED_AS = re.compile(
    r"(?:\b(?:is|was|as|constitutes|amounts to)|that's|fail,?)\s+(?:an?\s+)?(?:(?:false|empty|idle|implied|clear|"
    r"prohibited|unlawful|illegal)\s+)?$",
    re.IGNORECASE,
)
#: how far before a hit the description of a violation may start ("a false threat of " before "arrest")
_DESCRIPTION_REACH = 24
#: what ends the clause a verdict's object is looked for in, before the verdict (冒充司法人员，属红线)
_CLAUSE_BREAK = re.compile(r"[，,。.;；!！?？:：\n]")
