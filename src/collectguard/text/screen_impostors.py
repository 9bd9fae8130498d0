"""Someone else's conduct named to warn the reader against it (不法分子冒充我司，要求转账到个人账户; scammers
posing as our agency threaten arrest): a hit inside such a warning is not the sender's own."""

from __future__ import annotations

import re

from collectguard.text.lexicon_context import Context
from collectguard.text.screen_context import FIRST_CLAUSE_END, sentence_span

__all__ = ["attributed_to_others"]

# the reader addressed as the impostor: 你这个诈骗分子, you scammers
_READER_BEFORE = {"zh": re.compile(r"你(?:这个|这种|个|们|是|就是|这些)?$"), "en": re.compile(r"\byou\s*$")}
# the sender speaking in the first person (我司 and 我行 name the firm an impostor poses as)
_SENDER = {
    "zh": re.compile(r"我(?![司行])|咱们|本人"),
    "en": re.compile(r"\b(?:we|we'll|we're|we've|we'd|i|i'll|i'm|i've|i'd)\b"),
}

# the impostors named again as the subject after a verdict on them (…都是骗子，他们会说…); not "them", an
# object (…are lying, ignore them and pay or the sheriff will arrest you)
_THEY = {
    "zh": re.compile(r"他们|对方|这些人|那些人|骗子|冒充者|不法分子|诈骗分子"),
    "en": re.compile(r"\b(?:they|they'll|they're|these people|those people|scammers?)\b"),
}


def attributed_to_others(s: str, start: int, end: int, lang: str, ctx: Context) -> bool:
    """The hit is someone else's conduct, named earlier in its sentence to warn against it
    (不法分子冒充我司，要求转账到个人账户; scammers posing as our agency threaten arrest).

    Not when the reader is called the impostor (你这个诈骗分子…, you scammers…), nor when the
    sender speaks between them or in the hit (…不法分子太多了，请转到我个人账户; …, so we will have you arrested;
    …，明天我们上门):
    then the conduct is the sender's own.
    """
    lo, _ = sentence_span(s, start)
    cue = ctx.impostors.search(s, lo, start)
    if cue is None or _READER_BEFORE[lang].search(s, max(lo, cue.start() - 6), cue.start()):
        return False
    if _SENDER[lang].search(s, cue.end(), end) is not None:  # the hit's own words too (明天我们上门)
        return False
    # a cue that doubts something closes at its clause's end when what it doubts is no call, message or
    # impostor (勿轻信他人，明天派人去你单位)
    if ctx.impostor_doubts.match(s, cue.start()) is not None:
        clause_end = FIRST_CLAUSE_END.search(s, cue.end(), start)
        if clause_end is not None and ctx.impostor_doubted.search(s, cue.end(), clause_end.start()) is None:
            # unless a warning opens after it (勿轻信，凡是让您转账到个人账户的均为诈骗)
            later = ctx.impostors.search(s, clause_end.end(), start)
            if later is None:
                return _THEY[lang].search(s, clause_end.end(), start) is not None
            cue = later
    # the warning closed in a clause before the hit (凡自称律师的都不可信，明天就上门传唤你): what follows
    # is said outright, unless the impostors are the subject of the hit's own clause (…都是骗子，他们会说要抓你).
    # Past the doubts above, a cue closes no warning of its own (请勿轻信陌生来电，接到称您将被起诉坐牢的电话请直接挂断
    # goes on warning)
    verdict = ctx.impostor_closers.search(s, cue.end(), start)
    ends = list(FIRST_CLAUSE_END.finditer(s, verdict.end(), start)) if verdict else []
    return not ends or _THEY[lang].search(s, ends[-1].end(), start) is not None
