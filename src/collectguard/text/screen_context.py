"""Context rules around a lexicon hit: negation scope, sentences, lawful process.

They run on the normalised text and only around hits, so a clean message never pays for them.
"""

from __future__ import annotations

import re

from collectguard.text.lexicon import Context

__all__ = ["lawful_in_sentence", "negated", "same_sentence", "sentence_span"]

# Clause ends: negation never reaches across them. Sentence ends: combos never span them.
_CLAUSE = re.compile(r"[,，、。!?;:！？；：\n]|\.(?=\s|$)")
_SENTENCE = re.compile(r"[。!?;！？；\n]|\.(?=\s|$)")
NEGATION_REACH = {"zh": 14, "en": 48}


def negated(s: str, anchor: int, lang: str, ctx: Context) -> bool:
    """True when a negation or reassurance governs the words at ``anchor`` (我们不会联系…, we will not …).

    The cue must stand before the anchor in the same clause, close enough, not followed by an
    exception that turns it back into pressure (不会放过, don't make us), and no breaker such as
    就/否则/but/we may stand between them (如果不还，我们就… is a condition, not a negation).
    """
    lo = max(0, anchor - NEGATION_REACH.get(lang, 14))
    seg = s[lo:anchor]
    cut = 0
    for m in _CLAUSE.finditer(seg):
        cut = m.end()
    seg = seg[cut:]
    last = None
    for m in ctx.negation.finditer(seg):
        last = m
    if last is None:
        return False
    if ctx.negation_exceptions.match(s, lo + cut + last.end()):
        return False
    return ctx.breakers.search(seg, last.end()) is None


def same_sentence(s: str, start: int, end: int) -> bool:
    return _SENTENCE.search(s, start, end) is None


def sentence_span(s: str, pos: int) -> tuple[int, int]:
    """The sentence of normalised ``s`` that contains ``pos``."""
    start = 0
    for m in _SENTENCE.finditer(s, 0, pos):
        start = m.end()
    stop = _SENTENCE.search(s, pos)
    return start, (stop.end() if stop else len(s))


def lawful_in_sentence(s: str, pos: int, ctx: Context) -> bool:
    """A court process named in the same sentence (判决后…强制执行, after a judgment … garnish)."""
    start, end = sentence_span(s, pos)
    return ctx.lawful_process.search(s, start, end) is not None
