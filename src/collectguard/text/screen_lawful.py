"""Whether a lexicon hit tells of something lawful rather than threatening: a court process or a
real case named (判决后…强制执行, a writ of garnishment served), the creditor's own payment channel,
the name of a lawful civil step that holds the hit (a warrant of control, an earnings arrestment),
the sender's own firm named (Lone Star Cash Advance: …), or a visit or contact that happens only with
the reader's consent.
"""

from __future__ import annotations

import re

from collectguard.text.lexicon_context import Context
from collectguard.text.screen_context import sentence_span

__all__ = ["CONSENTED", "lawful_process_named", "senders_firm", "with_consent", "within_name"]

#: what a reader may lawfully ask for: a visit, a call at work, talking to someone they name
CONSENTED = frozenset({"threat", "harassment", "contact_third_party"})

# a case named by its docket number (case 22-JC-04417, case # 2024-CV-118): hyphenated parts, at least
# one of letters and four digits in all, so that neither "in case 30-60 days" nor a phone number is one
_CASE_ID = re.compile(r"(?<![a-z])case\s*#?\s*(?=(?:[a-z-]*\d){4})(?=[0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+")
_COURT = re.compile(r"(?<![a-z])court(?![a-z])")
# how far a lawful name may run before or after the hit it holds
_NAME_REACH = 32
# right before a lawful-process cue: the process skipped (without a court order, 不经过法院判决)
_SKIPPED = re.compile(
    r"\b(?:without|no need for|bypass|skip|skipping)\b[^,.;:]{0,24}$"
    r"|(?:不经过|不通过|无需|不需要|不需|不用|不走|不经|跳过|没有经过|没经过|未经)[^,，。;；]{0,6}$"
)
# right before a consent cue: consent refused or skipped (不经您同意, 未经您同意, without your consent)
_NO_CONSENT = ("不", "未", "无需", "without ", "whether or not ", "with or without ")


def lawful_process_named(s: str, pos: int, ctx: Context, category: str = "") -> bool:
    """A court process named in the same sentence (判决后…强制执行, after a judgment … garnish), or
    a real case named anywhere in the message (案号…民初, a writ of garnishment served, exemptions
    to claim, a court and its docket number): what may follow it is told, not threatened.

    For a payment channel the lawful counterpart is the creditor's own account (对公账户, official app).
    """
    start, end = sentence_span(s, pos)
    if category == "improper_payment_channel":
        return ctx.official_payee.search(s, start, end) is not None
    if _named(ctx.lawful_process, s, start, end) or _named(ctx.lawful_case, s, 0, len(s)):
        return True
    # the English docket number, with a court named: what "case no" says, without those words
    return ctx.lang == "en" and _COURT.search(s) is not None and _CASE_ID.search(s) is not None


def _named(cues: re.Pattern[str], s: str, lo: int, hi: int) -> bool:
    """A cue of ``cues`` in ``s[lo:hi]`` not named as skipped ("without a court judgment")."""
    return any(not _SKIPPED.search(s, max(lo, m.start() - 40), m.start()) for m in cues.finditer(s, lo, hi))


def within_name(s: str, start: int, end: int, names: re.Pattern[str]) -> bool:
    """The hit is a word of a longer name that means something lawful (a warrant of control is a
    civil enforcement step; an earnings arrestment takes wages, not the person)."""
    return any(
        m.start() <= start and end <= m.end()
        for m in names.finditer(s, max(0, start - _NAME_REACH), end + _NAME_REACH)
    )


# the sender's firm, in English: a name of one to three words before the hit that opens the message as
# its signature ("Lone Star Cash Advance: Hi Jolene", "… is licensed by"), or follows the sender's "with"
# or "from" ("This is Tammy with Lone Star Cash Advance calling for …"). A name holds no article, pronoun,
# preposition or verb that urges ("take a cash advance here", "with payday loans") and the hit never
# opens it ("Cash advance: grab one")
_NOT_A_NAME = (
    r"(?!(?:a|an|the|another|some|any|your|you|my|our|about|for|to|with|and|or|of|on|in|by|just|take|get|"
    r"grab|apply|use|try|go|consider|open|borrow|need|want|please|pay|do|is|are|here|this|that)\b)"
)
_NAME_WORDS = rf"(?:{_NOT_A_NAME}[a-z&'.-]+ ){{1,3}}"
_FIRM_OPENS = re.compile(_NAME_WORDS)
_FIRM_AFTER_OPENING = re.compile(r"(?:\s*:| is licensed| are licensed| is a debt collector| here\s*[.,:!])")
_FIRM_INTRODUCED = re.compile(
    r"\b(?:this is|i'm|i am|it's|calling|writing)\b[^.!?;:]{0,24}\b(?:with|from|at|on behalf of) "
    + _NAME_WORDS
    + "$"
)
_FIRM_AFTER_INTRODUCED = re.compile(
    r"(?:\s*[,.]|\s*$| calling\b| llc\b| inc\b| regarding\b| about (?:your|the|an?) (?:account|balance|payment|loan|bill))"
)


def senders_firm(s: str, start: int, end: int) -> bool:
    """The English hit ends the name of the sender's own firm (a payday lender called "… Cash
    Advance"): the firm signs or introduces itself, it does not urge the reader to borrow."""
    if _FIRM_OPENS.fullmatch(s, 0, start) is not None and _FIRM_AFTER_OPENING.match(s, end) is not None:
        return True
    return _FIRM_INTRODUCED.search(s, max(0, start - 64), start) is not None and (
        _FIRM_AFTER_INTRODUCED.match(s, end) is not None
    )


def with_consent(s: str, pos: int, ctx: Context) -> bool:
    """The visit or contact happens only if the reader asks for it, said in its sentence
    (经您同意后可安排上门, a field agent visits only if you'd find that helpful); never when the
    consent is refused or skipped (不经您同意也会上门, with or without your consent)."""
    start, end = sentence_span(s, pos)
    return any(
        not s[max(start, m.start() - 8) : m.start()].endswith(_NO_CONSENT)
        for m in ctx.consent.finditer(s, start, end)
    )
