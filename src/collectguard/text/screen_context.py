"""Context rules around a lexicon hit: negation scope, sentences, lawful process.

They run on the normalised text and only around hits, so a clean message never pays for them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from collectguard.text.lexicon_context import Context
from collectguard.text.screen_quotes import CLOSERS

__all__ = [
    "FIRST_CLAUSE_END",
    "SUBJECT_CATEGORIES",
    "answered_no",
    "clause_span",
    "cue_right_before",
    "cues_before",
    "denied_before",
    "denied_word",
    "named_as_word",
    "negated",
    "same_clause",
    "same_sentence",
    "sentence_span",
    "warned_against",
]

# Clause ends: negation never reaches across them (English commas do not end a clause: lists
# like "cash app, crypto or wire" stay under "never"). Sentence ends: combos never span them.
_CLAUSE = {
    "zh": re.compile(r"[,，。!?;:！？；：\n—]|\.(?=\s|$)"),
    "en": re.compile(r"[。!?;:！？；：\n—–]|\.(?=\s|$)"),
}
_SENTENCE = re.compile(r"[。!?;！？；\n]|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)\.(?=\s|$)")
NEGATION_REACH = {"zh": 14, "en": 96}
# a coordinator a few characters before a hit: the hit is one more object of the same verb
_COORDINATED = re.compile(r"(?:或者|或是|或|以及|及|和|与|、|还是|」「|”“)[^,，。!?;:！？；：\n]{0,6}$")
# a reason a negation opens and reaches over (不会以“注销账户”为由要求…; not 没有还款以…为由报警)
_REASON = re.compile(r"(?<![所可难加予用足得])以[^,，。!?;:！？；：\n]{1,16}?(?:为由|为借口|名义|的理由)")
# after side-by-side negations (不打电话、不发短信), an item said outright has none of its own (、直接上门张贴)
# (the words that only begin with such an adverb are items of their own: 就业, 会议, 要求, 一定程度)
_ASSERTED_ITEM = re.compile(
    r"、\s*(?:直接|就(?![业医读近餐职诊学任])|马上|立刻|立即|而是|但(?!凡)|会(?![议员计所场谈面费])"
    r"|要(?![求素点件么是不])|必须|一定(?!程度|的|范围)|还会|也会|而会|将(?![来近])|改为|改成|转而)"
)
# a way of reaching the reader given up for another (不打电话直接联系你爸妈, 不发短信了改成上门): what follows
# the switch is said outright. The negation must be the channel verb's own (不打, 不发) or the verb ended
# (了, a comma): under 不会 the verb is the means of the denied contact (我们不会打电话直接联系您的家人)
_SWITCHED = re.compile(
    r"(?P<verb>打电话|打你电话|打您电话|打给你|打给您|打|发短信|发信息|发消息|催你|催您|找你|找您|联系你|联系您|"
    r"通知你|通知您)(?P<ended>了|啦|[,，])?(?:我们|我|咱们)?(?:直接|改为|改成|改打|改去|转而)"
)
# a belief denied (别以为, 你以为, 不要觉得): what follows it, negated, is pressure (别以为我们不会联系你单位)
_BELIEF_DENIED = re.compile(r"(?:别|不要|莫|千万别|你别|你不要)(?:以为|觉得|当|想着)|你以为")
# a negation a few words after "if"/"unless" with a noun for subject states a condition ("if payment
# not done today …"); with a pronoun ("if you'd rather I not …") pseudo_negation decides
_EN_CONDITION = re.compile(
    r"\b(?:if|unless|until|till|in case)\b(?:(?!\b(?:i|you|we|they|he|she|i'd|you'd|we'd)\b)[^,.;:!?]){0,24}$"
)
# a negation in a reason clause denies nothing after it (since no payment was made, a warrant…), only
# what the clause itself holds when a comma closes it after the hit (since this is not a criminal matter, …)
_COMMA_AHEAD = re.compile(r"[^.;!?\n]*,")
_EN_REASON = re.compile(
    r"\b(?:since|because|cause|cuz|now that|given that|seeing as)\b(?! of\b)[^,.;:!?]{0,40}$"
)
# a question mark that closes the hit's clause: how far after the hit it may stand
_ASKED_REACH = {"zh": 2, "en": 3}
_QUESTION = re.compile(r"[?？]")
# 你不是…嘛 asks the reader, as 你不是…吗 does
_YOU_NOT = re.compile("(?:你|您|你们)不是")
# a reason right after a negation (不会因为…就…, 不会仅仅因为…就…): what follows 就 is what is denied
_BECAUSE = ("因为", "仅仅因为", "仅因为", "只因为", "由于", "单凭", "仅凭")
_ANSWER_ENDS = frozenset("。.!！,，;；")
# how far before an English word a "the word …" cue may start
_WORD_REACH = 16


def _past_reason(s: str, seg: str, cue: re.Match[str], anchor: int) -> bool:
    """The hit at ``anchor`` stands past the reason clause that holds ``cue`` (or nothing closes it)."""
    return "," in seg[cue.end() :] or _COMMA_AHEAD.match(s, anchor) is None


def _switched(seg: str, cue: re.Match[str]) -> bool:
    """A channel given up for another after the negation ``cue`` in ``seg`` (``_SWITCHED``)."""
    m = _SWITCHED.search(seg, cue.start())
    return m is not None and (m.start("verb") < cue.end() or m.group("ended") is not None)


def negated(s: str, anchor: int, lang: str, ctx: Context) -> bool:
    """True when a negation or reassurance governs the words at ``anchor`` (我们不会联系…, we will not …).

    The cue must stand before the anchor in the same clause, close enough, not followed by an
    exception that turns it back into pressure (不会放过, don't make us), and no breaker such as
    就/否则/but/we may stand between them (如果不还，我们就… is a condition, not a negation).
    """
    reach = NEGATION_REACH.get(lang, 14)
    if lang == "zh" and _COORDINATED.search(s, max(0, anchor - 8), anchor):
        reach *= 2  # one negation governs every object of a list (不建议借网贷或者套现)
    if lang == "zh" and (reason := _REASON.search(s, max(0, anchor - 2 * reach), anchor)) is not None:
        lead = s[max(0, reason.start() - 6) : reason.start()]
        if any(m.end() >= len(lead) - 1 for m in ctx.negation.finditer(lead)):
            reach += reason.end() - reason.start()
    lo = max(0, anchor - reach)
    seg = s[lo:anchor]
    cut = 0
    for m in _CLAUSE.get(lang, _CLAUSE["zh"]).finditer(seg):
        cut = m.end()
    seg = seg[cut:]
    cues = list(ctx.negation.finditer(seg))
    if cues:  # most segments have none: only then look for phrases that negate nothing
        fake = [(m.start(), m.end()) for m in ctx.pseudo_negation.finditer(seg)]
        cues = [
            m
            for m in cues
            if not any(a <= m.start() < b for a, b in fake)
            and not (lang == "en" and _EN_CONDITION.search(seg, 0, m.start()))
            and not (
                lang == "en" and _EN_REASON.search(seg, 0, m.start()) and _past_reason(s, seg, m, anchor)
            )
        ]
    # a cue that runs into the hit: 不是犯罪 when the hit is 是犯罪 (one that only stands right
    # before it, 不影响 + 子女入学, is ``denied_before``'s)
    if not cues:
        for back in (1, 2):
            into = ctx.negation.match(s, anchor - back) if anchor - back >= lo + cut else None
            if into is not None and into.end() > anchor:
                return ctx.negation_exceptions.match(s, into.end()) is None and not _rhetorical(s, anchor)
    # none, or a double negation: in Chinese any even count (不要以为我们不会…); English stacks
    # negations for emphasis ("we are not the police and this is not a crime") unless the last is
    # reported under the one before ("we never said we would not …")
    if not cues or ctx.banned_after.match(s, anchor):
        return False
    # "never say jail, call the employer and…": a command a negation opens ends at a new one not joined by "or"
    if lang == "en" and seg[: cues[0].start()].strip(" *-•'\"") in ("", "please"):
        at = lo + cut + cues[0].end()
        turn = ctx.new_commands.search(s, at)  # the first comma after the negation, not one of a series
        if turn is not None and turn.start() < anchor and "," not in s[at : turn.start()]:
            return False
    # an item said outright after the last negation has none of its own (不打电话、不发短信、直接上门张贴;
    # 不会上门张贴、会联系您单位)
    if lang == "zh" and (_ASSERTED_ITEM.search(seg, cues[-1].end()) or _switched(seg, cues[-1])):
        return False
    # 不会上门张贴、不会联系您单位: negations side by side each deny their own item of the list
    if (
        lang == "zh"
        and len(cues) > 1
        and any("、" in seg[m.end() : n.start()] for m, n in itertools.pairwise(cues))
    ):
        cues = [cues[-1]]
    # 别以为我们(真的)不会…, 别觉得我们不可能…: a belief denied before the negation turns it into pressure
    if lang == "zh" and _BELIEF_DENIED.search(seg, 0, cues[0].start()):
        return False
    if lang == "zh" and len(cues) % 2 == 0:
        return False
    if lang != "zh" and len(cues) > 1 and ctx.reported.search(seg, cues[-2].end(), cues[-1].start()):
        return False
    last = cues[-1]
    # in English any cue may carry the exception ("don't think we won't …" is pressure)
    for cue in cues if lang == "en" else (last,):
        if ctx.negation_exceptions.match(s, lo + cut + cue.end()):
            return False
    # in Chinese the pressure word may come a few characters later (请不要为了面子逼我们上门)
    if lang == "zh" and ctx.negation_exceptions.search(s, lo + cut + last.end(), anchor):
        return False
    # a breaker may straddle the anchor (", you have to pay"): it only has to start before it
    breaker = ctx.breakers.search(s, lo + cut + last.end(), anchor + 8)
    # 不会因为还不上就坐牢: the 就 of 因为…就 belongs to the reason the negation denies
    # (not 不是因为…是因为, which moves the blame; not 就不/就没, which turns the denial back into pressure)
    if (
        breaker is not None
        and breaker.group() == "就"
        and last.group().endswith("会")
        and s.startswith(_BECAUSE, lo + cut + last.end())
        and not s.startswith(("不", "没"), breaker.end())
    ):
        breaker = ctx.breakers.search(s, breaker.end(), anchor + 8)
    return (breaker is None or breaker.start() >= anchor) and not (lang == "zh" and _rhetorical(s, anchor))


def denied_before(s: str, start: int, ctx: Context) -> bool:
    """A cue right before the hit, or running into it, that denies it (不影响子女入学, 不会影响孩子上学)."""
    for back in (1, 2, 3, 4):
        if start - back >= 0:
            cue = ctx.denials.match(s, start - back)
            if cue is not None and cue.end() >= start:
                return not _rhetorical(s, start)
    return False


def denied_word(s: str, at: int) -> bool:
    """不 or 没 right before ``at`` denies the word there (不认识这个人), unless it asks: A-not-A (认不认识,
    看没看到) or 有没."""
    return (
        at > 0 and s[at - 1] in "不没" and not (at > 1 and (s[at - 2] == s[at : at + 1] or s[at - 2] == "有"))
    )


def _rhetorical(s: str, pos: int) -> bool:
    """The clause from ``pos`` is a question (你这不是要坐牢吗？): its 不是 asserts, not denies."""
    stop = _CLAUSE["zh"].search(s, pos)
    clause = s[pos : stop.end() if stop else len(s)]
    if "吗" in clause or clause.endswith(("?", "？")):
        return True
    # 你不是…嘛 asks too (你不是有张信用卡嘛); 嘛 after any other negation ends a statement (我们又不会
    # 乱说嘛, 我们又不是要起诉你嘛)
    if "嘛" not in clause:
        return False
    lo = max(0, pos - NEGATION_REACH["zh"])
    for m in _CLAUSE["zh"].finditer(s, lo, pos):
        lo = m.end()
    return _YOU_NOT.search(s, lo, pos + 2) is not None


# how far into the next sentence a warning may start and still be about the hit before it
_NEXT_REACH = 24
# where the next sentence's first clause ends, in either language: a comma ends it too
# ("That isn't us, it's a scam." looks at "That isn't us")
FIRST_CLAUSE_END = _CLAUSE["zh"]


def warned_against(s: str, end: int, ctx: Context) -> bool:
    """The hit is named to warn against it (…都是骗子, 是违法的, is a scam) later in its sentence,
    or at the start of the next one ("… a 'warrant fee'. That isn't us, it's a scam.")."""
    _, stop = sentence_span(s, end)
    if (warning := ctx.negation_after.search(s, end, stop)) is not None:
        # …is a violation, but say it anyway (or "Use it anyway." opening the next sentence): ordered all the same
        return ctx.defied_warnings.search(s, warning.end(), stop) is None and not _opens_next(
            s, stop, ctx.defied_warnings
        )
    # only the next sentence's first clause, and only near its start: "That isn't us", "Please don't"
    return _opens_next(s, stop, ctx.negation_after)


def _opens_next(s: str, stop: int, cue: re.Pattern[str]) -> bool:
    """``cue`` in the first clause of the sentence from ``stop``, near its start."""
    if stop >= len(s):
        return False
    clause = FIRST_CLAUSE_END.search(s, stop)
    reach = min(clause.start() if clause else len(s), stop + _NEXT_REACH)
    return cue.search(s, stop, reach) is not None


#: what may stand between a hit and the denial it is the subject of: only more words of the same
#: subject (the sheriff's deputies don't…, 公安机关一般不…), never a word of a clause of its own
#: (…charges if this isn't resolved, …arrested now don't test me, 坐牢吧，不会…)
_SUBJECT_GAP = {
    "zh": re.compile(r"(?:机关|部门|方面|那边)?(?:一般|根本|也|并|从来|通常)?"),
    "en": re.compile(
        r"(?:'s)?(?: (?:office|department|deputies|deputy|officers|officer|agents|courts|court))? ?"
    ),
}
#: the categories whose hits may be such a subject: an authority, a false process, the people
#: around the reader (a threat or an insult is never excused by what follows it)
SUBJECT_CATEGORIES = frozenset(
    {
        "false_legal_consequence",
        "impersonation",
        "contact_third_party",
        "third_party_disclosure",
        "improper_payment_channel",  # 任何个人账户均非我司账户: the account disowned
    }
)


def denied_after_subject(s: str, end: int, lang: str, ctx: Context) -> bool:
    """The hit is the subject of a denial right after it (the sheriff doesn't collect debts,
    公安不受理经济纠纷): what it is said to do is denied. Not when the denial turns back into
    pressure (the sheriff won't wait, isn't going to be patient; your employer doesn't need to know)."""
    gap = _SUBJECT_GAP[lang].match(s, end)
    if gap is None:
        return False
    for stop in range(gap.end(), end - 1, -1):  # the longest gap first, then shorter ones
        m = ctx.subject_denials.match(s, stop)
        if m is not None:
            return ctx.negation_exceptions.match(s, m.end()) is None
    return False


def answered_no(s: str, end: int, lang: str, ctx: Context) -> bool:
    """The hit is itself a short question, answered at once with a denial that stands alone
    (坐牢？不会的。 您担心我们联系您父母？不会的。 worried about bailiffs? no.), or a question told
    back to the reader in a sentence of its own (you asked whether you could go to prison. No.).

    A statement with a tag (…找你领导，听到没有？ / …arrested tomorrow, understand?) is no such
    question: the question mark must close the hit's own clause, a few characters after it.
    """
    mark = _QUESTION.search(s, end, end + _ASKED_REACH[lang])
    if mark is not None and same_clause(s, end, mark.start(), lang) and "," not in s[end : mark.start()]:
        at = mark.end()
    else:
        # a question told back to the reader: "You asked whether you could go to prison. No."
        lo, at = sentence_span(s, end)
        while lo < at and s[lo] == " ":
            lo += 1
        if ctx.reported_questions.match(s, lo) is None:
            return False
    while at < len(s) and s[at] == " ":
        at += 1
    answer = ctx.answered_no.match(s, at)
    return answer is not None and (answer.end() == len(s) or s[answer.end()] in _ANSWER_ENDS)


def named_as_word(s: str, start: int, end: int, lang: str, ctx: Context) -> bool:
    """The word is named in order to be disowned, not used: 老赖这个词我们不会用 (the naming word
    right after it), we never use the word deadbeat (right before it), and a negation in the
    sentence. "The word deadbeat was made for you" and 你个老赖这个称呼当之无愧 are abuse."""
    if lang == "zh":  # right after it, or after its closing quote (「老赖」这类词)
        after = end + 1 if s[end : end + 1] in CLOSERS else end
        named = ctx.word_named.match(s, after) is not None
    else:
        named = cue_right_before(ctx.word_named, s, start, _WORD_REACH, " '\"")
    if not named:
        return False
    lo, hi = sentence_span(s, start)
    if ctx.negation.search(s, lo, hi) is not None:
        return True
    # or by a rule that bans it, before it in its clause (规定不能说「老赖」这类词, our standards forbid words
    # like 'deadbeat'; not "they banned the word deadbeat, but the word deadbeat was made for you")
    after = max((m.end() for m in ctx.word_bans.finditer(s, lo, start)), default=-1)
    return after >= 0 and same_clause(s, after, start, lang) and "," not in s[after:start]


def cues_before(cue: re.Pattern[str], s: str, at: int, reach: int) -> Iterator[re.Match[str]]:
    """Each cue that starts within ``reach`` before ``at`` (what stands between is ``s[m.end():at]``).
    Every start is tried: cues overlap (him to call / call me back at), and a scan for
    non-overlapping matches would keep the first and skip the one that ends at ``at``. Matched in
    place, so a look-behind sees the text before the reach."""
    for i in range(max(0, at - reach), at):
        m = cue.match(s, i, at)
        if m is not None:
            yield m


def cue_right_before(cue: re.Pattern[str], s: str, at: int, reach: int, filler: str) -> bool:
    """A cue ends right before ``at``, with only ``filler`` characters between (the word deadbeat)."""
    return any(s[m.end() : at].strip(filler) == "" for m in cues_before(cue, s, at, reach))


def same_sentence(s: str, start: int, end: int) -> bool:
    return _SENTENCE.search(s, start, end) is None


def same_clause(s: str, start: int, end: int, lang: str) -> bool:
    return _CLAUSE.get(lang, _CLAUSE["zh"]).search(s, start, end) is None


def clause_span(s: str, pos: int, lang: str) -> tuple[int, int]:
    """The clause of normalised ``s`` that contains ``pos``: after the last mark before it, up to the next."""
    clause = _CLAUSE.get(lang, _CLAUSE["zh"])
    lo = max((m.end() for m in clause.finditer(s, 0, pos)), default=0)
    nxt = clause.search(s, pos)
    return lo, (nxt.start() if nxt is not None else len(s))


def sentence_span(s: str, pos: int) -> tuple[int, int]:
    """The sentence of normalised ``s`` that contains ``pos``."""
    ends = _sentence_ends(s)
    i = bisect_right(ends, pos)  # the first sentence end after pos
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(s))


@lru_cache(maxsize=32)
def _sentence_ends(s: str) -> list[int]:
    """Where each sentence of ``s`` ends (after its mark), found once per message: the context
    checks ask for the sentence of every hit, and a long message has many."""
    return [m.end() for m in _SENTENCE.finditer(s)]
