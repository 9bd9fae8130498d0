"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report, so such a memo gets every check a message to an outsider gets."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from collectguard.text.lexicon import Entry
from collectguard.text.lexicon_context import Context
from collectguard.text.screen_context import sentence_span


def names_outsider(
    s: str, contexts: Iterable[Context], named: Callable[[], list[tuple[int, int]]] | None = None
) -> bool:
    """Whether normalised ``s`` names anyone outside the account, not counting the spans ``named`` gives:
    the words a memo quotes under a ban or a reviewer's verdict (不准说“子女不能上学”这些话) are named as
    words. ``named`` is asked only when an outsider is found at all."""
    contexts = tuple(contexts)
    if not any(ctx.outsiders.search(s) is not None for ctx in contexts):
        return False
    spans = named() if named is not None else []
    return not spans or any(ctx.outsiders.search(blanked(s, spans)) is not None for ctx in contexts)


def blanked(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with the spans spaced out, offsets kept."""
    chars = list(s)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def memo_excuses(s: str, entry: Entry, start: int, end: int, ctx: Context) -> bool:
    """A hit in a memo to staff that is about the staff, not said to a borrower: a rule's setting, or a sanction."""
    return _rule_setting(s, entry, end, ctx) or _staff_sanction(s, entry, start, end, ctx)


def _rule_setting(s: str, entry: Entry, end: int, ctx: Context) -> bool:
    """In a memo, 联系紧急联系人时只能… sets a rule for collectors: a contact with one person (a plain
    contact_third_party entry, not 爆通讯录, which discloses as well) right before a restricting rule's words is
    the rule's setting, not an act. What the rule then says is screened on its own."""
    return (
        entry.category == "contact_third_party"
        and not entry.also
        and ctx.procedure_after.match(s, end) is not None
    )


#: 他 and 她 in 其他/其她 (其他人员私收还款的…) name no borrower
_OTHER = "其"

#: how far before a referral to the police the employee's dismissal stands (立即解除劳动合同并移交公安机关)
_SANCTION_REACH = 16


def _staff_sanction(s: str, entry: Entry, start: int, end: int, ctx: Context) -> bool:
    """一经发现立即解除劳动合同并移交公安机关: a referral to the police right after an employee's dismissal is the
    staff member's sanction (私收还款的，立即解除劳动合同，涉嫌犯罪的移送公安), not a threat to a borrower, when the
    sentence names no borrower, no debt and no speech to anyone (跟对方说…移送公安，不说的开除 is an order)."""
    if entry.category not in ("false_legal_consequence", "threat"):
        return False
    if not any(
        m.start() <= start and end <= m.end()
        for m in ctx.staff_referrals.finditer(s, max(0, start - 8), end + 8)
    ):
        return False
    lo, hi = sentence_span(s, start)
    sanction = ctx.staff_sanctions.search(s, max(lo, start - _SANCTION_REACH), start)
    return sanction is not None and not any(
        not s.startswith(_OTHER, m.start() - 1) for m in ctx.staff_sanction_exceptions.finditer(s, lo, hi)
    )
