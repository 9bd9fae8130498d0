"""Whether a lexicon hit is excused by what surrounds it: negated, denied, quoted, named to warn,
answered no, someone else's conduct, a failed contact, or lawful process.

The checks themselves live in ``screen_context``; this module decides which apply to a hit and
runs only those whose cue words occur in the message at all (one Aho-Corasick pass tells).
"""

from __future__ import annotations

from typing import NamedTuple

from collectguard.text.lexicon import Entry
from collectguard.text.lexicon_context import GATED, Context
from collectguard.text.normalize import Offsets
from collectguard.text.screen_context import (
    SUBJECT_CATEGORIES,
    answered_no,
    denied_after_subject,
    denied_before,
    named_as_word,
    negated,
    sentence_span,
    warned_against,
)
from collectguard.text.screen_impostors import attributed_to_others
from collectguard.text.screen_lawful import (
    CONSENTED,
    lawful_process_named,
    senders_firm,
    with_consent,
    within_name,
)
from collectguard.text.screen_quotes import (
    banned,
    quoted_mention,
    quotes_around,
    readers_words,
    to_normalised,
)
from collectguard.text.screen_reviews import condemned, described

__all__ = ["Present", "excused", "present_cues"]


class Present(NamedTuple):
    """Which context lists have a word anywhere in a message (a superset: the checks are exact);
    one field per list of ``lexicon.GATED``, by the same name."""

    negation: bool
    negation_after: bool
    denials: bool
    impostors: bool
    subject_denials: bool
    answered_no: bool
    word_named: bool
    word_bans: bool
    verdict_descriptions: bool
    failed_contact: bool
    lawful_names: bool
    consent: bool


assert Present._fields == GATED, "one field per gated context list, in its order"
_NONE = Present(*(False for _ in GATED))


def present_cues(s: str, ctx: Context) -> Present:
    found: set[str] = set()
    for _, names in ctx.gate.iter(s):
        found |= names
    return Present(*(name in found for name in GATED)) if found else _NONE


def excused(
    s: str,
    hit: tuple[Entry, int, int, int],
    ctx: Context,
    present: Present,
    quoted: tuple[str, Offsets] | None,
    noted: tuple[str, Offsets] | None = None,
) -> bool:
    """Whether the hit (entry, start, end, anchor) in normalised ``s`` is not a finding.
    ``quoted``: the original text and its offsets when it holds quotation marks; ``noted``: the same with
    single quotes around Chinese words read as double ones, for the checks of a note about words only (a
    ban or a reviewer's verdict), when it differs."""
    entry, start, end, anchor = hit
    # 转给我们主管审批 is no 转给我 (a combo's exceptions are read where its chain is found, screen_combos)
    if entry.groups == 1 and entry.unless and s.startswith(entry.unless, start):
        return True
    lang = entry.lang
    noted = noted or quoted
    # named under a rule that bans it (禁用词：老赖、骗子, 严禁讲“坐监”): a training note, not a message
    if present.word_bans and banned(s, start, end, sentence_span(s, start)[0], ctx, noted):
        return True
    # quoted in a reviewer's note that judges them a violation (…”，属骚扰性表述)
    if noted is not None and condemned(s, start, end, ctx, noted[0], noted[1]):
        return True
    # the kind of violation a review found ("That is a false threat of arrest")
    if present.verdict_descriptions and described(s, start, ctx, s if quoted is None else quoted[0]):
        return True
    if entry.category == "insult":
        # abuse is abuse even under a negation ("why don't you …", "not being rude, you
        # people"); only a word named as a word is not abuse, or one held in quotation marks
        # and denied (我们不会把您当成“老赖”, “全国老赖黑名单”根本不存在)
        if present.word_named and named_as_word(s, start, end, lang, ctx):
            return True
        if quoted is not None and readers_words(s, start, end, ctx, quoted[0], quoted[1]):
            return True
        denied = (present.negation and negated(s, anchor, lang, ctx)) or (
            present.negation_after and warned_against(s, end, ctx)
        )
        return quoted is not None and denied and quotes_around(start, end, quoted[0], quoted[1]) is not None
    return (
        # a combo is withdrawn by a negation before its last part or before its first
        # (您父母那边我们不会去打扰; 我们不会把您的照片…发到任何群里)
        (
            present.negation
            and (negated(s, anchor, lang, ctx) or (anchor > start and negated(s, start, lang, ctx)))
        )
        or (present.denials and denied_before(s, start, ctx))
        or (present.negation_after and warned_against(s, end, ctx))
        or (present.impostors and attributed_to_others(s, start, end, lang, ctx))
        or (
            present.subject_denials
            and entry.category in SUBJECT_CATEGORIES
            and denied_after_subject(s, end, lang, ctx)
        )
        or (present.answered_no and answered_no(s, end, lang, ctx))
        or (present.failed_contact and ctx.failed_contact.match(s, start) is not None)
        or (present.lawful_names and within_name(s, start, end, ctx.lawful_names))
        or (present.consent and entry.category in CONSENTED and with_consent(s, start, ctx))
        or (quoted is not None and quoted_mention(s, start, end, ctx, quoted[0], quoted[1]))
        # the reader's own words quoted back and denied (You said "I'll go to jail." You won't.)
        or (quoted is not None and readers_words(s, start, end, ctx, quoted[0], quoted[1], said=True))
        or (present.negation and quoted is not None and _quote_negated(s, hit, ctx, quoted))
        or (entry.lawful_process and lawful_process_named(s, start, ctx, entry.category))
        # a lender's name holds loan words; a name never excuses posing as police or a court
        or (lang == "en" and entry.category == "induce_borrowing" and senders_firm(s, start, end))
    )


#: how many characters may stand between a negation and the quotation it denies (no such thing as "…")
_QUOTE_GAP = 4


def _quote_negated(
    s: str, hit: tuple[Entry, int, int, int], ctx: Context, quoted: tuple[str, Offsets]
) -> bool:
    """The hit stands in quotation marks that a negation governs (不存在“明天就抓人”这种事, we will not
    "have you arrested tomorrow"): the quotation is what is denied, and a 就 inside it breaks nothing. Not under a ban on saying it (not allowed to say "…", 不能说“…”): ``banned`` tells a
    rule from a taunt."""
    entry, start, end, _ = hit
    around = quotes_around(start, end, quoted[0], quoted[1])
    if around is None:
        return False
    at = to_normalised(quoted[1], around[0])
    lo = sentence_span(s, at)[0]
    if ctx.word_bans.search(s, lo, at) is not None:
        return False
    # the negation's object is the quotation: it stands right before it (不存在“…”, will not "…"), not
    # before a verb of its own (不会再说第二遍“…”) or across a comma ("Nobody will save you, "…"")
    cue = max((m.end() for m in ctx.negation.finditer(s, max(lo, at - _QUOTE_GAP - 12), at)), default=-1)
    return 0 <= at - cue <= _QUOTE_GAP and "," not in s[cue:at] and negated(s, at, entry.lang, ctx)
