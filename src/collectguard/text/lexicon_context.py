"""The context cues of one language, compiled: what changes a screening hit's meaning.

``data/lexicons/<lang>/context.yaml`` lists the cues (negation, lawful process, mentions of the
debt, the words that make a hit reported, named or banned); each list becomes one regex run only
around a hit, and the lists in ``GATED`` are first looked for in the whole message at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectguard.text.lexicon_cues import counted_regex, cue_regex
from collectguard.text.lexicon_schema import ContextFile
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import normalize

__all__ = ["GATED", "Context", "compile_context"]


@dataclass(frozen=True, slots=True)
class Context:
    """The context cues of one language, compiled to regexes run only around a hit."""

    lang: str
    negation: re.Pattern[str]
    negation_exceptions: re.Pattern[str]
    pseudo_negation: re.Pattern[str]
    negation_after: re.Pattern[str]
    banned_after: re.Pattern[str]  # from a hit to its clause's end: the negated act itself banned
    denials: re.Pattern[str]  # cues that deny only the hit they stand before (不影响 + 子女入学)
    reported: re.Pattern[str]  # between two negations: the second is reported under the first
    mention: re.Pattern[str]
    mention_orders: re.Pattern[str]  # ending where a mention word ends: an order (统一自称“…”)
    impostors: re.Pattern[str]  # before a hit in its sentence: someone else's conduct, named to warn
    impostor_closers: re.Pattern[str]  # after them: a verdict that closes the warning (…is lying)
    impostor_doubts: re.Pattern[str]  # a cue that closes its own clause (勿轻信) unless it names…
    impostor_doubted: re.Pattern[str]  # …a call, a message or the impostors (陌生来电)
    subject_denials: re.Pattern[str]  # right after a hit as a subject: what it does is denied
    own_number: re.Pattern[str]  # right before a phone number: the sender's own number
    own_number_after: re.Pattern[str]  # right after a phone number: a call back to it (…回个电话)
    answered_no: re.Pattern[str]  # right after a question that holds the hit: a denial
    answered_yes: re.Pattern[str]  # right after a quoted question: an answer that affirms it
    reported_questions: re.Pattern[str]  # a sentence that tells a question back (you asked whether)
    yes_no: re.Pattern[str]  # right after a question told back: it asks yes or no (您问他是不是…)
    affirmed: re.Pattern[str]  # at the start of the next clause: it answers yes (…，是的)
    failed_contact: re.Pattern[str]  # where a hit starts: a contact that failed (联系不上)
    reader_kin: re.Pattern[str]  # one person as the reader's own (您的朋友): to a family reader, the borrower
    reader_kin_conditions: re.Pattern[str]  # …unless its sentence holds a condition (如果…再不接)
    procedure_after: re.Pattern[str]  # right after a hit in a memo: a rule's setting (联系家属时只能…)
    staff_referrals: re.Pattern[str]  # in a memo: a referral to the police (移交公安机关)…
    staff_sanctions: re.Pattern[str]  # …right after an employee's dismissal (解除劳动合同)
    staff_sanction_exceptions: re.Pattern[str]  # …in a sentence naming no borrower, debt or speech
    lawful_names: re.Pattern[str]  # around a hit: the name of a lawful civil process (warrant of control)
    consent: re.Pattern[str]  # in a hit's sentence: only if the reader asks (经您同意, at your request)
    # word of a ``GATED`` list -> its lists: one pass tells which scoped checks can apply at all
    gate: Matcher[frozenset[str]]
    word_named: re.Pattern[str]  # next to a word: the word is named, not used
    word_bans: re.Pattern[str]  # a rule that bans the words it names or quotes
    verdicts: re.Pattern[str]  # after quoted words: a reviewer's verdict that they broke a rule
    review_frames: re.Pattern[str]  # before the quotes: the note names a review
    verdict_descriptions: re.Pattern[str]  # before a hit in a review: the violation named (threat of arrest)
    verdict_objects: re.Pattern[str]  # right after a verdict: the debt is what it judges
    verdict_refusals: re.Pattern[str]  # before a verdict in its clause: it sanctions not saying (不说的扣分)
    endorsements: re.Pattern[str]  # after quoted words: praise or a call to copy them (效果很好, do the same)
    concessions: re.Pattern[str]  # right before praise: it is conceded (哪怕, even if)
    defiance: re.Pattern[str]  # after a ban or a verdict: the words ordered anyway (违规也得说)
    defied_warnings: re.Pattern[str]  # after a warning against the hit: ordered anyway (say it anyway)
    reported_speech_by: re.Pattern[str]  # right before a quote: a collector said it (坐席说“, agent told X ')
    breakers: re.Pattern[str]
    new_commands: re.Pattern[str]  # after a comma: a new command the negation before does not govern
    lawful_process: re.Pattern[str]
    lawful_case: re.Pattern[str]  # anywhere in a message: a real case named (案号, a writ served)
    official_payee: re.Pattern[str]
    payee_account: re.Pattern[str]  # around a card number: an account to pay into (转到…户名, pay to)
    night_early: re.Pattern[str]  # before a Chinese hour: the small hours (凌晨)
    night_late: re.Pattern[str]  # …the evening (晚上)
    night_morning: re.Pattern[str]  # …the morning (早上)
    night_deadlines: re.Pattern[str]  # right after a time: a deadline (前)
    night_deadlines_before: re.Pattern[str]  # right before a time: a deadline (by, until)
    night_inbound: re.Pattern[str]  # in the time's sentence: hours to call in on (call us, 客服)
    night_now: re.Pattern[str]  # right before a time: the time of sending (it's, 现在)
    night_contact: re.Pattern[str]  # in the time's sentence: a contact of the reader (打, call)
    night_limits: re.Pattern[str]  # in the time's sentence: a window the sender keeps to (only, 只在)
    night_past: re.Pattern[str]  # before the time in its sentence: a past day (昨晚, last night)
    payee_labels: re.Pattern[str]  # before an account holder's name (户名, 收款人)
    payee_transfers: re.Pattern[str]  # a transfer asked for (转到, 汇入)
    payee_warnings: re.Pattern[str]  # in the label's sentence: a warning against such accounts (请勿, 诈骗)
    debt_mentions: re.Pattern[str]
    payment_requests: re.Pattern[str]
    relay_requests: re.Pattern[str]
    acting_for: re.Pattern[str]  # the reader named as acting for the borrower (an executor, 遗产管理人)
    outsiders: re.Pattern[str]  # in a memo to staff: anyone outside the account (家属, his wife)
    payer_relays: re.Pattern[str]
    debtor_subjects: tuple[str, ...]  # right before a payment word: the debtor pays (他还款了吗)
    on_behalf: tuple[str, ...]  # …unless the reader pays for him (帮他还, 替她还)
    counted: re.Pattern[str]  # a count of contacts told to the reader (第27条短信, the 12th text)
    counted_excuses: re.Pattern[str]  # anywhere in the message: the count apologised for or denied


#: the context lists a screener looks for in a whole message before it checks around each hit
GATED = (
    "negation",
    "negation_after",
    "denials",
    "impostors",
    "subject_denials",
    "answered_no",
    "word_named",
    "word_bans",
    "verdict_descriptions",
    "failed_contact",
    "lawful_names",
    "consent",
)


def _gate(ctx: ContextFile) -> Matcher[frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for name in GATED:
        for word in getattr(ctx, name):
            if key := normalize(word).text:
                lists.setdefault(key, set()).add(name)
    return Matcher({key: frozenset(names) for key, names in lists.items()})


def compile_context(ctx: ContextFile) -> Context:
    """Compile one language's context file; done once per process by ``load_lexicon``."""
    lang = ctx.lang
    exceptions = cue_regex(ctx.negation_exceptions, lang)
    return Context(
        gate=_gate(ctx),
        lang=lang,
        negation=cue_regex(ctx.negation, lang),
        pseudo_negation=cue_regex(ctx.pseudo_negation, lang),
        negation_after=cue_regex(ctx.negation_after, lang, ctx.negation_after_exceptions),
        banned_after=re.compile(
            r"[^,.;!?:，。；！？：\n]{0,24}?(?:"
            + cue_regex(ctx.banned_after, lang).pattern
            + r")(?=$|[,.;!?，。；！？\n])"
        ),
        denials=cue_regex(ctx.denials, lang),
        reported=cue_regex(ctx.reported_speech, lang),
        mention=cue_regex(ctx.mentions, lang),
        mention_orders=re.compile("(?:" + cue_regex(ctx.mention_orders, lang).pattern + ")$"),
        impostors=cue_regex(ctx.impostors, lang),
        impostor_closers=cue_regex(
            ctx.negation_after + ctx.impostor_verdicts, lang, ctx.negation_after_exceptions
        ),
        impostor_doubts=cue_regex(ctx.impostor_doubts, lang),
        impostor_doubted=cue_regex(ctx.impostor_doubted, lang),
        subject_denials=cue_regex(ctx.subject_denials, lang),
        own_number=cue_regex(ctx.own_number, lang),
        own_number_after=cue_regex(ctx.own_number_after, lang),
        answered_no=cue_regex(ctx.answered_no, lang),
        answered_yes=cue_regex(ctx.answered_yes, lang),
        reported_questions=cue_regex(ctx.reported_questions, lang),
        yes_no=cue_regex(ctx.yes_no_forms, lang),
        affirmed=re.compile(r"\s*(?:" + cue_regex(ctx.affirmations, lang).pattern + ")"),
        failed_contact=cue_regex(ctx.failed_contact, lang),
        reader_kin=cue_regex(ctx.reader_kin, lang, ctx.reader_kin_exceptions),
        reader_kin_conditions=cue_regex(ctx.reader_kin_conditions, lang),
        procedure_after=re.compile(
            "(?:"
            + cue_regex(ctx.procedure_settings, lang).pattern
            + r")[,，]?\s*(?:"
            + cue_regex(ctx.procedure_rules, lang).pattern
            + ")"
        ),
        staff_referrals=cue_regex(ctx.staff_referrals, lang),
        staff_sanctions=cue_regex(ctx.staff_sanctions, lang),
        staff_sanction_exceptions=cue_regex(ctx.staff_sanction_exceptions, lang),
        lawful_names=cue_regex(ctx.lawful_names, lang),
        consent=cue_regex(ctx.consent, lang),
        word_named=cue_regex(ctx.word_named, lang),
        word_bans=cue_regex(ctx.word_bans, lang, not_after=ctx.verdict_denials),
        verdicts=cue_regex(ctx.violation_verdicts, lang, not_after=ctx.verdict_denials),
        review_frames=cue_regex(ctx.review_frames, lang),
        verdict_descriptions=cue_regex(ctx.verdict_descriptions, lang),
        reported_speech_by=re.compile(
            "(?i)(?:"
            + cue_regex(ctx.reported_speakers, lang).pattern
            + r")(?:[^“”「」『』\"'\n。.!?！？]|(?<=[a-z])'(?=[a-z])){0,30}$"  # she'd is no quote
        ),
        verdict_objects=re.compile(
            r"[\s了的]*(?:of |the |your |this |)*(?:" + cue_regex(ctx.verdict_objects, lang).pattern + ")"
        ),
        verdict_refusals=cue_regex(ctx.verdict_refusals, lang),
        endorsements=cue_regex(ctx.endorsements, lang),
        concessions=cue_regex(ctx.concessions, lang),
        defiance=cue_regex(ctx.defiance, lang, ctx.defiance_exceptions),
        defied_warnings=cue_regex(ctx.defied_warnings, lang),
        negation_exceptions=re.compile(r"\s*(?:" + exceptions.pattern + ")"),
        breakers=cue_regex(ctx.breakers, lang, ctx.breaker_exceptions),
        new_commands=re.compile(  # not in a series (never call, text or visit him; never threaten, call, post)
            r",\s*(?:just |then |instead |simply )?(?:"
            + cue_regex(ctx.new_commands, lang).pattern
            + r")(?![^.;:!?\n]*(?:\b(?:or|nor)\b|,))"
        ),
        lawful_process=cue_regex(ctx.lawful_process, lang),
        lawful_case=cue_regex(ctx.lawful_case, lang),
        official_payee=cue_regex(ctx.official_payee, lang),
        payee_account=cue_regex(ctx.payee_account, lang),
        night_early=cue_regex(ctx.night_early, lang),
        night_late=cue_regex(ctx.night_late, lang),
        night_morning=cue_regex(ctx.night_morning, lang),
        night_deadlines=re.compile(r"\s*(?:" + cue_regex(ctx.night_deadlines, lang).pattern + ")"),
        night_deadlines_before=cue_regex(ctx.night_deadlines_before, lang),
        night_inbound=cue_regex(ctx.night_inbound, lang),
        night_now=cue_regex(ctx.night_now, lang),
        night_contact=cue_regex(ctx.night_contact, lang),
        night_limits=cue_regex(ctx.night_limits, lang),
        night_past=cue_regex(ctx.night_past, lang),
        payee_labels=cue_regex(ctx.payee_labels, lang),
        payee_transfers=cue_regex(ctx.payee_transfers, lang),
        payee_warnings=cue_regex(ctx.payee_warnings, lang),
        debt_mentions=cue_regex(ctx.debt_mentions, lang, ctx.debt_mention_exceptions),
        payment_requests=cue_regex(ctx.payment_requests, lang),
        relay_requests=cue_regex(ctx.relay_requests, lang),
        acting_for=cue_regex(ctx.acting_for, lang),
        outsiders=cue_regex(ctx.outsiders, lang),
        payer_relays=cue_regex(ctx.payer_relays, lang, ctx.payer_relay_exceptions),
        debtor_subjects=tuple(normalize(w).text for w in ctx.debtor_subjects),
        on_behalf=tuple(normalize(w).text for w in ctx.on_behalf),
        counted=counted_regex(
            ctx.counted_contacts,
            lang,
            ctx.counted_readers,
            ctx.counted_verbs,
            ctx.counted_persons,
            ctx.counted_bans,
            ctx.counted_debtors,
            ctx.counted_denials,
        ),
        counted_excuses=cue_regex(ctx.counted_excuses, lang),
    )
