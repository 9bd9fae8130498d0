"""Screening collector messages: lexicon hits, context rules, addressee, PII and (optionally) a model.

Load once (``Screener.load``), screen many times (``Screener.screen``, pure). Each finding names
the rule id and citation of every requested pack that has a content rule for its category
(``cn`` → ``cn.content.threat``, ``us-regf`` → ``us.regf.violence``): with several packs a
finding is reported once per pack, so the reader sees every rule it breaks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from collectguard.errors import ValidationError
from collectguard.model import Addressee, parse_enum
from collectguard.policy.pack import RulePack, load_pack, never_contact_rule
from collectguard.policy.schema import ContentRule
from collectguard.text.lexicon import Entry, Lexicon, load_lexicon
from collectguard.text.ngram_model import barred_for
from collectguard.text.normalize import Normalized, Offsets, apply_variants, normalize_text, with_offsets
from collectguard.text.pinyin_text import read_pinyin
from collectguard.text.rewrite import Rewriter, language_of, load_rewriter
from collectguard.text.screen_addressee import (
    addressee_findings,
    disclosed_by_demand,
    readers_kin,
    relay_findings,
)
from collectguard.text.screen_callback import callback_after, callback_before
from collectguard.text.screen_combos import combo_atoms, combo_chains, frame_spans, span_at
from collectguard.text.screen_cues import Present, excused, present_cues
from collectguard.text.screen_explain import merge_spans, why_en, why_zh
from collectguard.text.screen_hours import night_contacts
from collectguard.text.screen_payee import personal_payees
from collectguard.text.screen_pii import IN_FULL, PII_TYPES, in_full_hint, pii_analyzer, service_number
from collectguard.text.screen_quotes import as_double_quotes, ban_spans, has_quotes, to_normalised
from collectguard.text.screen_repetition import may_repeat, repetition
from collectguard.text.screen_reports import covered, normalised, orders_nothing, reported_spans
from collectguard.text.screen_reviews import condemned_spans, gives_verdict, verdict_clauses
from collectguard.text.screen_staff import blanked, memo_excuses, names_outsider
from collectguard.text.screen_types import BLOCK_CATEGORIES, Finding, Raw, ScreenResult, merged

__all__ = ["ROLES", "Finding", "ScreenResult", "Screener", "screen"]

#: who a message may be addressed to: the party roles, then staff, in their declared order
ROLES = tuple(r.value for r in Addressee)
_ROLE_SET = frozenset(ROLES)
# Who may hear of the debt: a guarantor is liable for it (asking them to pay is lawful too), and a
# colleague works on it (a QA memo or a script names the debt to no outsider).
_ENTITLED = frozenset({"borrower", "guarantor", "staff"})
#: in the addressee rules of a guarantor: asking them to pay is lawful, within the guarantee
_GUARANTOR = "guarantor"
#: readers who are the borrower's family as a rule: their son or wife is most often the borrower
_FAMILY_READERS = frozenset({"emergency_contact", "guarantor"})
MODES = ("rules", "rules+model")
# the lexicon entries' addressee rules (lexicon_schema) that hold for a reader, by (third, family, guarantor): whether
# the reader may not hear of the debt, whether they are of the borrower's family as a rule, and whether they are a
# guarantor, who may hear of the debt but not see the borrower's identifiers
_ADDRESSEE_RULES = {
    (third, family, guarantor): frozenset(
        {"any"}
        | ({"others"} if third else set())
        | ({"not_to_borrower", "beyond_guarantee"} if third or guarantor else set())
        | (set() if family else {"not_to_family"})
        | ({_GUARANTOR} if guarantor else set())
    )
    for third in (False, True)
    for family in (False, True)
    for guarantor in (False, True)
}
# how far before a phone number a cue that makes it the sender's may stand ("call me back at ",
# "her to call Jennifer back at ")
_OWN_REACH = 32
# how far around a card number the words that make it an account to pay into may stand
_PAYEE_REACH = 20


class Screener:
    """A compiled screener for a set of packs; ``screen`` is pure and safe to call from many threads."""

    __slots__ = (
        "_counted",
        "_in_full_hint",
        "_lex",
        "_mode",
        "_model",
        "_packs",
        "_pii",
        "_rewriter",
        "_rules",
        "_unrelated",
    )

    def __init__(
        self,
        lexicon: Lexicon,
        packs: Sequence[RulePack],
        *,
        mode: str = "rules+model",
        rewriter: Rewriter | None = None,
        model: Any = None,
        pii: Callable[..., Any] | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValidationError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}", field="mode")
        self._lex = lexicon
        self._packs = tuple(packs)
        self._mode = mode
        self._rewriter = rewriter or load_rewriter()
        self._model = model if mode == "rules+model" else None
        self._pii = pii
        self._in_full_hint = in_full_hint() if pii is not None else None
        rules: dict[str, list[ContentRule]] = {}
        for pack in self._packs:
            for rule in pack.content_rules:
                rules.setdefault(rule.category, []).append(rule)
        self._rules = rules
        self._unrelated = tuple(r for r in map(never_contact_rule, self._packs) if r is not None)
        self._counted = tuple((ctx.counted, ctx.counted_excuses) for ctx in lexicon.context.values())

    @classmethod
    def load(cls, packs: Sequence[str] = ("cn",), *, mode: str = "rules+model") -> Screener:
        """Load lexicons, packs and (in ``rules+model`` mode) the n-gram model once."""
        if isinstance(packs, str):
            packs = (packs,)
        if not packs:
            raise ValidationError("at least one rule pack is needed", field="packs")
        model = None
        if mode == "rules+model":
            from collectguard.text.ngram_model import load_model

            model = load_model()
        return cls(load_lexicon(), [load_pack(p) for p in packs], mode=mode, model=model, pii=pii_analyzer())

    @property
    def packs(self) -> tuple[str, ...]:
        return tuple(p.name for p in self._packs)

    def screen(self, text: str, *, to: str = "borrower") -> ScreenResult:
        """Screen one message for ``to`` (a party's role, or staff); findings point into ``text``."""
        if not isinstance(text, str):
            raise ValidationError("text must be a string", field="text")
        if not (isinstance(to, str) and to in _ROLE_SET):  # without an enum lookup: this runs per message
            to = parse_enum(Addressee, to, field="to").value
        read = read_pinyin(text)  # a message typed in pinyin, read as characters (ni zai bu → 你再不)
        found = self._screen(text, to, read)
        # a Tagalog or Malay message can spell pinyin syllables (makukulong ka na): its words are read as
        # written too, by the rules (the English model would read the pinyin as English)
        return found if read is None else merged(found, self._screen(text, to, None, judge=False))

    def _screen(
        self, text: str, to: str, read: tuple[str, Offsets] | None, judge: bool = True
    ) -> ScreenResult:
        s, offs = normalize_text(text, variants=False) if read is None else read
        family = to in _FAMILY_READERS
        noting = as_double_quotes(text)  # what the checks of a note about words read ('坐牢' as “坐牢”)
        memo = to == "staff"
        # a QA bulletin, a case review or a ban list: what it reports, bans or shows as wrong is not said
        reported = reported_spans(text) if memo else ()
        # a memo about a relative or an employer: checked as if said to them (quoted words looked up only then)
        if memo and names_outsider(
            blanked(s, normalised(reported, offs)) if reported else s,
            self._lex.context.values(),
            lambda: self._ban_spans(s, noting, offs, condemned=True),
        ):
            to = "emergency_contact"
        # an executor or a representative with signed authority acts for the borrower (Regulation F
        # counts them as the consumer): what is said to them is said to the borrower
        third = to not in _ENTITLED and not self._acts_for_borrower(s)
        rules = _ADDRESSEE_RULES[third, family, to == "guarantor"]
        raw = self._lexicon_findings(s, rules, text, offs, noting, memo=memo, reported=reported)
        if raw is None:  # a variant spelling (通迅录, 上men, btxl): finish normalising, scan again
            s, offs = apply_variants(s, offs)
            raw = (
                self._lexicon_findings(
                    s, rules, text, offs, noting, memo=memo, reported=reported, variants_done=True
                )
                or []
            )
        told = normalised(reported, offs) if reported else []  # what a memo reports, in the final offsets
        # a note that names words under a ban (严禁讲“…”) is about words: what it quotes tells no one of a
        # debt, though the rest of it may (王强逾期未还。严禁说“老赖”，请转告他); nor do the words a memo to
        # staff quotes under a verdict (坐席在家属面前说「你儿子欠我们两万」，被投诉泄露隐私)
        note = None
        if third:
            named = self._ban_spans(s, noting, offs, condemned=memo)
            note = bool(named)
            if memo:  # nor what a memo reports or shows wrong, nor the kind of violation its verdict names
                named += told
                named += [sp for c in self._lex.context.values() for sp in verdict_clauses(s, c)]
            raw.extend(addressee_findings(blanked(s, named) if named else s, self._lex.context.values()))
            raw.extend(disclosed_by_demand(raw))
        if to == "third_party" and self._unrelated:
            raw.extend(relay_findings(s, self._lex.context.values()))
        # contact at night (凌晨3点打给你), a person's account (户名王某), a count of calls; none in a report
        report = memo and gives_verdict(s, self._lex.context.values()) and orders_nothing(text)
        raw.extend(night_contacts(s, self._lex.context.values(), self._packs, told, report))
        raw.extend(personal_payees(s, text, offs, self._lex.context.values(), told, report))
        if may_repeat(s) and not report and (repeated := repetition(s, self._counted)):
            raw.append(repeated)
        if self._model is not None and judge and not raw and not note:  # the model judges no note about words
            guess = self._model.findings(s, raw, barred=barred_for(to))
            if guess and reported:  # nor what a report memo reports (half the words it weighed or more)
                guess = [g for g in guess if 2 * covered(told, g[1], g[2]) < g[2] - g[1]]
            if guess and not self._ban_spans(s, noting, offs, condemned=True):  # looked for only now: rare
                raw.extend(guess)
        if self._in_full_hint is None or not (third or self._in_full_hint.search(s)):
            pii = []
        else:
            pii = self._pii_findings(text, s, offs, PII_TYPES if third else IN_FULL)
        if not raw and not pii:
            return _PASS
        return self._result(with_offsets(text, s, offs), raw, pii)

    # -- rules -------------------------------------------------------------------------------

    def _ban_spans(self, s: str, text: str, offs: Offsets, condemned: bool = False) -> list[tuple[int, int]]:
        finders = (ban_spans, condemned_spans) if condemned else (ban_spans,)
        return [sp for c in self._lex.context.values() for find in finders for sp in find(s, c, text, offs)]

    def _acts_for_borrower(self, s: str) -> bool:
        return any(ctx.acting_for.search(s) is not None for ctx in self._lex.context.values())

    def _lexicon_findings(
        self,
        s: str,
        rules: frozenset[str],
        text: str,
        offs: Offsets,
        noting: str,
        *,
        memo: bool = False,
        reported: tuple[tuple[int, int], ...] = (),
        variants_done: bool = False,
    ) -> list[Raw] | None:
        """Lexicon and combo hits that survive the context rules; None when a variant spelling needs folding.

        ``rules``: the entries' ``addressee`` values that hold for this reader (``_ADDRESSEE_RULES``); ``memo``: the
        message is to staff (read as to an outsider when it names one); ``reported``: the stretches of the original
        a report memo reports, bans or shows as wrong (``screen_reports``), where no hit counts.
        """
        entries = self._lex.entries
        n = len(s)
        terms: list[tuple[Entry, int, int, int]] = []
        gated: set[int] = set()  # combos whose gate group occurs: only they need the full scan
        for end, (variant, key_terms, combos, for_others) in self._lex.gate.iter(s):
            if variant and not variants_done:
                return None
            if combos:
                gated |= combos
            if for_others and "others" in rules:  # combos that apply only to a message not for the borrower
                gated |= for_others
            for idx, length, left, right in key_terms:
                if not (left or right):  # Chinese: no word boundaries to check
                    start = end - length + 1
                    terms.append((entries[idx], start, end + 1, start))
                    continue
                span = span_at(s, n, end, length, left, right)
                if span is not None:
                    terms.append((entries[idx], span[0], span[1], span[0]))
        if gated:
            atoms, complete = combo_atoms(s, self._lex.groups, gated, entries)
            if complete:
                chains = [i for i in complete if not entries[i].need]
                terms.extend(combo_chains(s, chains, atoms, entries))
                if len(chains) < len(complete):
                    frames = [i for i in complete if entries[i].need]
                    terms.extend(frame_spans(s, frames, atoms, entries))
        if not terms:
            return []
        raw: list[Raw] = []
        context = self._lex.context
        # which context cues occur at all, per language: most messages have none, so skip the scoped checks
        cues: dict[str, Present] = {}
        quoted = (text, offs) if has_quotes(text) else None
        noted = None if noting is text or not has_quotes(noting) else (noting, offs)
        told = normalised(reported, offs) if reported else []
        family = "not_to_family" not in rules  # the reader is of the borrower's family as a rule
        for hit in terms:
            entry, start, end, _ = hit
            ctx = context[entry.lang]
            if entry.addressee not in rules or (memo and memo_excuses(s, entry, start, end, ctx)):
                continue
            # to an emergency contact or a guarantor, 联系您的朋友周涛 names the borrower by the reader's kin
            if family and entry.category == "contact_third_party" and readers_kin(s, hit, ctx):
                continue
            if told and any(a <= start < b for a, b in told):
                continue
            present = cues.get(entry.lang)
            if present is None:
                present = cues[entry.lang] = present_cues(s, ctx)
            if excused(s, hit, ctx, present, quoted, noted):
                continue
            source = "frame" if entry.need else "lexicon"
            within = _GUARANTOR in rules and entry.addressee != "beyond_guarantee"
            for category, severity in (
                (entry.category, entry.severity),
                *((a, _severity(a)) for a in entry.also),
            ):
                # the guarantor owes the debt too: asking them to pay is lawful, within the guarantee
                if not (within and category == "demand_from_third_party"):
                    raw.append((category, start, end, source, entry.text, severity))
        return raw

    def _pii_findings(
        self, text: str, s: str, offs: Any, types: tuple[str, ...]
    ) -> list[tuple[int, int, str]]:
        """PII of the original text, and of the normalised one when it differs (一三八…, １３８…, 1.3.8…)."""
        assert self._pii is not None
        found: dict[tuple[int, int], str] = {}
        for span in self._pii(text, types=types):
            if not self._senders(span.type, text[span.start : span.end], s, to_normalised(offs, span.start)):
                found.setdefault((span.start, span.end), span.type)
        if s != text.lower():
            n = with_offsets(text, s, offs)
            for span in self._pii(s, types=types):
                if not self._senders(span.type, s[span.start : span.end], s, span.start):
                    found.setdefault(n.to_original(span.start, span.end), span.type)
        return [(a, b, kind) for (a, b), kind in found.items()]

    def _senders(self, kind: str, value: str, s: str, at: int) -> bool:
        """A phone number of the creditor (a service number) or of the sender (call me back at …,
        回电…, right before it at normalised ``at``), or a card to pay into (转到…户名): not the
        borrower's data (paying into a person's card is the payment channel's finding)."""
        if kind == "BANK_CARD":
            lo, hi = max(0, at - _PAYEE_REACH), at + len(value) + _PAYEE_REACH
            return any(ctx.payee_account.search(s, lo, hi) is not None for ctx in self._lex.context.values())
        if kind != "PHONE":
            return False
        if service_number(kind, value):
            return True
        return any(
            callback_before(ctx.own_number, s, at, _OWN_REACH, ctx.lang)
            or callback_after(ctx.own_number_after, s, at)
            for ctx in self._lex.context.values()
        )

    # -- results -----------------------------------------------------------------------------

    def _result(self, n: Normalized, raw: list[Raw], pii: list[tuple[int, int, str]]) -> ScreenResult:
        text = n.original
        lang = language_of(text)
        spans: dict[tuple[str, int, int], tuple[str, str, str]] = {}
        starts, ends = n.starts, n.ends
        for category, start, end, source, detail, severity in raw:
            key = (category, starts[start], ends[end - 1])
            if key not in spans:
                spans[key] = (source, detail, severity)
        for a, b, kind in pii:
            spans.setdefault(("privacy_exposure", a, b), ("pii", kind, "block"))
        findings: list[Finding] = []
        suggestions: dict[str, str] = {}
        fill = self._rewriter.values(text, lang)
        for (category, a, b), first in merge_spans(spans, lambda key: spans[key][2] == "block"):
            source, detail, severity = spans[first]
            template = "unrelated_contact" if source == "relay" else category
            if template not in suggestions:
                suggestions[template] = self._rewriter.suggest(template, text, lang, fill)
            evidence = text[a:b]
            suggestion = suggestions[template]
            for rule in self._unrelated if source == "relay" else self._rules.get(category, ()):
                findings.append(
                    Finding(
                        category,
                        a,
                        b,
                        severity,
                        rule.id,
                        rule.citation,
                        suggestion,
                        why_zh(evidence, source, detail, rule),
                        why_en(evidence, source, detail, rule),
                        evidence,
                        source,
                    )
                )
        if not findings:
            return _PASS
        findings.sort(key=lambda f: (f.start, f.end, f.category, f.rule))
        verdict = "block" if "block" in {f.severity for f in findings} else "warn"
        return ScreenResult(verdict=verdict, findings=tuple(findings), text=text)


_PASS = ScreenResult(verdict="pass", findings=())


def _severity(category: str) -> str:
    return "block" if category in BLOCK_CATEGORIES else "warn"


@lru_cache(maxsize=16)
def _cached(packs: tuple[str, ...]) -> Screener:
    return Screener.load(packs)


def screen(text: str, *, to: str = "borrower", packs: Sequence[str] = ("cn",)) -> ScreenResult:
    """Screen one message with a screener cached per set of packs (load once, screen many)."""
    return _cached((packs,) if isinstance(packs, str) else tuple(packs)).screen(text, to=to)
