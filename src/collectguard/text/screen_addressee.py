"""What a message tells or asks of someone who is not the borrower: the debt named is a disclosure, a
payment asked for is a demand, and (where a pack forbids the contact itself) a message to pass on is a
contact. These checks run only for readers who may not hear of the debt."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from collectguard.text.lexicon import Entry
from collectguard.text.lexicon_context import Context
from collectguard.text.screen_context import clause_span, denied_word, negated, sentence_span
from collectguard.text.screen_types import Raw

__all__ = ["addressee_findings", "disclosed_by_demand", "readers_kin", "relay_findings"]

# how far before a payment word a relay to the debtor may stand (让他尽快还款, tell him to pay)
_PAYER_REACH = {"zh": 8, "en": 16}


def disclosed_by_demand(raw: list[Raw]) -> list[Raw]:
    """Asking anyone but the borrower or a guarantor to pay tells them there is a debt (帮你表弟垫一下,
    "could you cover the $600 for her?"): the demand discloses it, whether or not the debt is named."""
    if any(r[0] == "third_party_disclosure" for r in raw):
        return []
    for category, start, end, source, evidence, _ in raw:
        if category == "demand_from_third_party":
            return [("third_party_disclosure", start, end, source, evidence, "block")]
    return []


def addressee_findings(s: str, contexts: Iterable[Context]) -> list[Raw]:
    """To anyone but the borrower: mentioning the debt discloses it; asking for payment is a demand."""
    raw: list[Raw] = []
    for ctx in contexts:
        lang = ctx.lang
        # 不会告诉别人他欠了多少 names no debt, but a later sentence may (我们不会乱说。他欠我们五万)
        if m := _first_unnegated(ctx.debt_mentions, s, lang, ctx, skip=_asked_back):
            raw.append(("third_party_disclosure", m.start(), m.end(), "context", m.group(0), "block"))
        for p in ctx.payment_requests.finditer(s):
            before = s[max(0, p.start() - _PAYER_REACH[lang]) : p.start()]
            # 他还款了吗 asks about him; 帮他还, 替她还 ask the reader to pay
            subject = bool(ctx.debtor_subjects) and before.endswith(ctx.debtor_subjects)
            subject = subject and not before.endswith(ctx.on_behalf)
            # the money is to come from him, not from the reader (让他还款, tell him to pay)
            relayed = ctx.payer_relays.search(before) is not None
            if subject or relayed or negated(s, p.start(), lang, ctx):
                continue
            raw.append(("demand_from_third_party", p.start(), p.end(), "context", p.group(0), "block"))
            break
    return raw


def relay_findings(s: str, contexts: Iterable[Context]) -> list[Raw]:
    """Asking someone the borrower never designated to find or pass on a message is itself a contact.

    Only packs that forbid every contact with such a person (cn: cn.third_party.unrelated)
    make it a finding; Regulation F allows a location call, so us-regf does not.
    """
    for ctx in contexts:
        if m := _first_unnegated(ctx.relay_requests, s, ctx.lang, ctx):
            return [("contact_third_party", m.start(), m.end(), "relay", m.group(0), "warn")]
    return []


def _first_unnegated(
    pattern: re.Pattern[str],
    s: str,
    lang: str,
    ctx: Context,
    skip: Callable[[str, int, Context], bool] | None = None,
) -> re.Match[str] | None:
    """The first match of a context pattern that no negation governs (我们不会联系他 asks nothing), nor a
    不 or 没 right before it (你说你不认识这个人 reports the reader's answer) unless it asks (认不认识, 有没见到),
    nor one ``skip`` is true of."""
    found = (
        m
        for m in pattern.finditer(s)
        if not denied_word(s, m.start()) and not (skip and skip(s, m.start(), ctx))
    )
    return next((m for m in found if not negated(s, m.start(), lang, ctx)), None)


# a number in the question's clause: a sum named, so the clause answers as well as asks
_SUM = re.compile(r"[0-9一二两三四五六七八九十百千万]")


def _asked_back(s: str, at: int, ctx: Context) -> bool:
    """A debt word inside the reader's own yes-or-no question told back (您问他是不是欠了钱，这个不方便讲): it tells
    the reader nothing they did not say. Not an answer given in the same clause or right after it (您问他欠了多少，
    查到是八万 names a sum; 您问他是不是欠了钱，是的), nor 你问问他… (the reader is asked to ask)."""
    lo, hi = clause_span(s, at, ctx.lang)
    while lo < at and s[lo] == " ":
        lo += 1
    cue = ctx.reported_questions.match(s, lo)
    if cue is None or ctx.yes_no.match(s, cue.end()) is None:
        return False
    return _SUM.search(s, lo, hi) is None and ctx.affirmed.match(s, hi + 1) is None


def readers_kin(s: str, hit: tuple[Entry, int, int, int], ctx: Context) -> bool:
    """The person a contact hit names is one of the reader's own (您的朋友, your son), from its last part on, in a
    message that asks the reader to pass on a call-back, with no condition in its sentence."""
    _, start, end, anchor = hit
    if not any(
        m.end() > anchor for m in ctx.reader_kin.finditer(s, max(0, start - 3), end + 8) if m.start() < end
    ):
        return False
    lo, hi = sentence_span(s, start)
    return ctx.relay_requests.search(s) is not None and ctx.reader_kin_conditions.search(s, lo, hi) is None
