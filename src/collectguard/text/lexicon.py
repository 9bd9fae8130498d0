"""Screening lexicons as data: one validated file per category and language, compiled into one automaton.

``data/lexicons/<lang>/<category>.yaml`` holds the words and phrases of one message category
(with severity and citation), and *combos*: groups of words that must occur in order within a
few characters of one sentence (再不还 … 上门, "I am" … "police"), or *frames*: combos with
``need``, where some of the groups, in any order, describe one situation (a child, a school
gate, "we know"). ``context.yaml`` beside them
holds the cues that change a hit's meaning (negation, lawful process, mentions of the debt).
Every key is normalised exactly like the messages, so the lexicons only spell the canonical word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import yaml

from collectguard.errors import DataFileError
from collectguard.text.lexicon_cues import counted_regex, cue_regex
from collectguard.text.lexicon_schema import CATEGORIES, LANGS, ComboSpec, ContextFile, LexiconFile, TermSpec
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import normalize, variant_keys

__all__ = ["CATEGORIES", "Context", "Entry", "Lexicon", "LexiconFile", "check_terms", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One compiled term or combo with what a finding needs to say about it."""

    id: str
    category: str
    also: tuple[str, ...]
    severity: str
    citation: str
    lang: str
    addressee: str
    lawful_process: bool
    text: str
    groups: int  # 1 for a term; the number of groups for a combo
    window: int
    same_clause: bool = False
    need: int = 0  # a frame: this many distinct groups in any order (0: every group, in order)
    gate: int = 0  # the group scanned first; in a frame, the one that must be present


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
    impostors: re.Pattern[str]  # before a hit in its sentence: someone else's conduct, named to warn
    impostor_closers: re.Pattern[str]  # after them: a verdict that closes the warning (…is lying)
    impostor_doubts: re.Pattern[str]  # a cue that closes its own clause (勿轻信) unless it names…
    impostor_doubted: re.Pattern[str]  # …a call, a message or the impostors (陌生来电)
    subject_denials: re.Pattern[str]  # right after a hit as a subject: what it does is denied
    own_number: re.Pattern[str]  # right before a phone number: the sender's own number
    answered_no: re.Pattern[str]  # right after a question that holds the hit: a denial
    answered_yes: re.Pattern[str]  # right after a quoted question: an answer that affirms it
    reported_questions: re.Pattern[str]  # a sentence that tells a question back (you asked whether)
    failed_contact: re.Pattern[str]  # where a hit starts: a contact that failed (联系不上)
    lawful_names: re.Pattern[str]  # around a hit: the name of a lawful civil process (warrant of control)
    consent: re.Pattern[str]  # in a hit's sentence: only if the reader asks (经您同意, at your request)
    # word of a ``GATED`` list -> its lists: one pass tells which scoped checks can apply at all
    gate: Matcher[frozenset[str]]
    word_named: re.Pattern[str]  # next to a word: the word is named, not used
    word_bans: re.Pattern[str]  # a rule that bans the words it names or quotes
    verdicts: re.Pattern[str]  # after quoted words: a reviewer's verdict that they broke a rule
    review_frames: re.Pattern[str]  # before the quotes: the note names a review
    verdict_objects: re.Pattern[str]  # right after a verdict: the debt is what it judges
    reported_speech_by: re.Pattern[str]  # right before a quote: a collector said it (坐席说“, agent told X ')
    breakers: re.Pattern[str]
    lawful_process: re.Pattern[str]
    lawful_case: re.Pattern[str]  # anywhere in a message: a real case named (案号, a writ served)
    official_payee: re.Pattern[str]
    payee_account: re.Pattern[str]  # around a card number: an account to pay into (转到…户名, pay to)
    debt_mentions: re.Pattern[str]
    payment_requests: re.Pattern[str]
    relay_requests: re.Pattern[str]
    acting_for: re.Pattern[str]  # the reader named as acting for the borrower (an executor, 遗产管理人)
    outsiders: re.Pattern[str]  # in a memo to staff: anyone outside the account (家属, his wife)
    payer_relays: re.Pattern[str]
    debtor_subjects: tuple[str, ...]  # right before a payment word: the debtor pays (他还款了吗)
    on_behalf: tuple[str, ...]  # …unless the reader pays for him (帮他还, 替她还)
    counted: re.Pattern[str]  # a count of contacts told to the reader (第27条短信, the 12th text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every category of every language: entries, all their keys, the context cues.

    ``keys`` is every normalised key of every entry (terms, combo atoms, pinyin forms) and of the
    normaliser's variant pass: what one raw scan of the whole lexicon would look for
    (``bench/screen_bench.py`` measures the screener against such a scan).

    A key's entries are ``(entry index, group bit, length, left boundary, right boundary)`` (group
    bit 0 for a term, ``1 << group`` for a combo atom); boundaries are word boundaries (English
    only). Entry index -1 marks a key of the variant pass (see ``normalize.apply_variants``).

    ``gate`` is the automaton the screener scans first: the terms, the variant keys and, of each
    combo, only its *gate* group (the one with the longest shortest word, so the rarest), with the
    values laid out as in ``_gate_automaton``. Most messages hit no gate and are scanned once; the
    common atoms (你, 费, 他的) of a combo are looked for only when its gate occurs.
    """

    entries: tuple[Entry, ...]
    keys: frozenset[str]
    gate: Matcher[tuple[bool, tuple[tuple[int, int, bool, bool], ...], frozenset[int], frozenset[int]]]
    # per combo entry, (group, automaton, has word boundaries) for each group, the gate last: the
    # second pass looks only for the gated combos' words and stops at the first missing group
    groups: dict[int, tuple[tuple[int, Matcher[tuple[int, bool, bool]], bool], ...]]
    context: dict[str, Context]
    version: str


def _data_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons"))


def _read(path: Path, model: type[pydantic.BaseModel]) -> Any:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.parent.name}/{path.name}: cannot read: {exc}") from exc
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        entry = ""
        if len(loc) >= 2 and loc[0] in ("terms", "combos") and isinstance(data, dict):
            entry = f" entry {loc[0]}[{loc[1]}]"
        field = ".".join(loc) or "(file)"
        raise DataFileError(
            f"{path.parent.name}/{path.name}:{entry} field {field}: {first['msg']}", field=field
        ) from exc


def _key(word: str, lang: str) -> tuple[str, bool, bool]:
    """Normalised key of a lexicon word; ``+`` at an end of an English word lifts that word boundary."""
    left = lang == "en" and not word.startswith("+")
    right = lang == "en" and not word.endswith("+")
    return normalize(word.strip("+")).text, left, right


def check_terms(spec: LexiconFile, label: str) -> None:
    """Refuse a file that lists one term twice once normalised (转我支付宝 twice, 給你們村長打 beside
    给你们村长打): the copy is dead, and a reader of the file cannot tell which one a finding names."""
    seen: dict[tuple[str, bool, bool], str] = {}
    for raw in spec.terms:
        text = raw if isinstance(raw, str) else raw.text
        key = _key(text, spec.lang)
        if key in seen:
            raise DataFileError(
                f"{label}: field terms: {text!r} repeats {seen[key]!r} once normalised", field="terms"
            )
        seen[key] = text


def _pinyin_forms(key: str) -> list[str]:
    """The key with one character written in pinyin (打断ni的腿, 微信转wo): collectors swap one to evade."""
    if len(key) < 2:
        return []
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(key)
    if len(syllables) != len(key):
        return []
    return [
        key[:i] + syl + key[i + 1 :]
        for i, syl in enumerate(syllables)
        if "\u4e00" <= key[i] <= "\u9fff" and syl.isascii()
    ]


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


def _compile_context(ctx: ContextFile) -> Context:
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
        impostors=cue_regex(ctx.impostors, lang),
        impostor_closers=cue_regex(
            ctx.negation_after + ctx.impostor_verdicts, lang, ctx.negation_after_exceptions
        ),
        impostor_doubts=cue_regex(ctx.impostor_doubts, lang),
        impostor_doubted=cue_regex(ctx.impostor_doubted, lang),
        subject_denials=cue_regex(ctx.subject_denials, lang),
        own_number=cue_regex(ctx.own_number, lang),
        answered_no=cue_regex(ctx.answered_no, lang),
        answered_yes=cue_regex(ctx.answered_yes, lang),
        reported_questions=cue_regex(ctx.reported_questions, lang),
        failed_contact=cue_regex(ctx.failed_contact, lang),
        lawful_names=cue_regex(ctx.lawful_names, lang),
        consent=cue_regex(ctx.consent, lang),
        word_named=cue_regex(ctx.word_named, lang),
        word_bans=cue_regex(ctx.word_bans, lang),
        verdicts=cue_regex(ctx.violation_verdicts, lang, not_after=ctx.verdict_denials),
        review_frames=cue_regex(ctx.review_frames, lang),
        reported_speech_by=re.compile(
            "(?i)(?:"
            + cue_regex(ctx.reported_speakers, lang).pattern
            + r")[^“”「」『』\"'\n。.!?！？]{0,30}$"
        ),
        verdict_objects=re.compile(
            r"[\s了的]*(?:of |the |your |this |)*(?:" + cue_regex(ctx.verdict_objects, lang).pattern + ")"
        ),
        negation_exceptions=re.compile(r"\s*(?:" + exceptions.pattern + ")"),
        breakers=cue_regex(ctx.breakers, lang, ctx.breaker_exceptions),
        lawful_process=cue_regex(ctx.lawful_process, lang),
        lawful_case=cue_regex(ctx.lawful_case, lang),
        official_payee=cue_regex(ctx.official_payee, lang),
        payee_account=cue_regex(ctx.payee_account, lang),
        debt_mentions=cue_regex(ctx.debt_mentions, lang, ctx.debt_mention_exceptions),
        payment_requests=cue_regex(ctx.payment_requests, lang),
        relay_requests=cue_regex(ctx.relay_requests, lang),
        acting_for=cue_regex(ctx.acting_for, lang),
        outsiders=cue_regex(ctx.outsiders, lang),
        payer_relays=cue_regex(ctx.payer_relays, lang, ctx.payer_relay_exceptions),
        debtor_subjects=tuple(normalize(w).text for w in ctx.debtor_subjects),
        on_behalf=tuple(normalize(w).text for w in ctx.on_behalf),
        counted=counted_regex(ctx.counted_contacts, lang),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load, validate and compile every shipped lexicon once per process."""
    entries: list[Entry] = []
    keys: set[str] = set()
    gate_keys: dict[str, list[tuple[int, int, int, bool, bool]]] = {}
    group_keys: dict[int, list[list[tuple[str, bool, bool]]]] = {}
    context: dict[str, Context] = {}
    for lang in LANGS:
        folder = _data_dir() / lang
        context[lang] = _compile_context(_read(folder / "context.yaml", ContextFile))
        for path in sorted(folder.glob("*.yaml")):
            if path.name == "context.yaml":
                continue
            spec: LexiconFile = _read(path, LexiconFile)
            check_terms(spec, f"{lang}/{path.name}")
            if spec.lang != lang or path.stem != spec.category:
                raise DataFileError(
                    f"{lang}/{path.name}: field category/lang: file must be <lang>/<category>.yaml",
                    field="category",
                )
            for i, raw in enumerate((*spec.terms, *spec.combos)):
                item = TermSpec(text=raw) if isinstance(raw, str) else raw
                groups = item.groups if isinstance(item, ComboSpec) else ((item.text,),)
                idx = len(entries)
                gate = item.gate if isinstance(item, ComboSpec) and item.gate is not None else None
                gate = _gate_group(groups, lang) if gate is None else gate
                entries.append(
                    Entry(
                        id=f"{lang}.{spec.category}.{i}",
                        category=spec.category,
                        also=tuple(dict.fromkeys(c for c in (*spec.also, *item.also) if c != spec.category)),
                        severity=item.severity or spec.severity,
                        citation=spec.citation,
                        lang=lang,
                        addressee=item.addressee,
                        lawful_process=item.lawful_process,
                        text=" … ".join("/".join(g[:3]) for g in groups),
                        groups=len(groups),
                        window=item.window if isinstance(item, ComboSpec) else 0,
                        same_clause=isinstance(item, ComboSpec) and item.same_clause,
                        need=(item.need or 0) if isinstance(item, ComboSpec) else 0,
                        gate=gate,
                    )
                )
                for g, words in enumerate(groups):
                    for word in words:
                        key, left, right = _key(word, lang)
                        for form in (key, *(_pinyin_forms(key) if lang == "zh" else ())):
                            bit = 0 if len(groups) == 1 else 1 << g
                            value = (idx, bit, len(form), left, right)
                            keys.add(form)
                            if g == gate:
                                gate_keys.setdefault(form, []).append(value)
                            if bit:
                                forms = group_keys.setdefault(idx, [[] for _ in groups])
                                forms[g].append((form, left, right))
    for key in variant_keys():  # entry index -1: "this text still has a variant spelling"
        keys.add(key)
        gate_keys.setdefault(key, []).append((-1, 0, len(key), False, False))
    return Lexicon(
        entries=tuple(entries),
        keys=frozenset(keys),
        gate=_gate_automaton(gate_keys, entries),
        groups={
            idx: tuple(
                (g, _group_automaton(per[g]), entries[idx].lang == "en")
                # the rarest first, so a combo that cannot match stops after one short scan;
                # the gate, known present, last
                for g in sorted(range(len(per)), key=lambda g: (g == entries[idx].gate, -_rarity(per[g])))
            )
            for idx, per in group_keys.items()
        },
        context=context,
        version="2026.11",
    )


def _gate_group(groups: tuple[tuple[str, ...], ...], lang: str) -> int:
    """The group a combo is gated on: longest shortest word, then the earliest (a term is its own gate).

    The first group is usually the trigger (替他, 你儿子, 我是) and the later ones the common
    predicate (还款, 欠款, 法院), so on a tie the first one gates.
    """
    if len(groups) == 1:
        return 0

    def rarity(g: int) -> tuple[int, int]:
        return min(len(_key(w, lang)[0]) for w in groups[g]), -g

    return max(range(len(groups)), key=rarity)


def _rarity(forms: list[tuple[str, bool, bool]]) -> int:
    """How rare a group's words are, by the length of its shortest one (longer words occur less)."""
    return min(len(form) for form, _, _ in forms)


def _group_automaton(forms: list[tuple[str, bool, bool]]) -> Matcher[tuple[int, bool, bool]]:
    """One combo group as its own small automaton: value ``(length, left, right)`` per word."""
    return Matcher((form, (len(form), left, right)) for form, left, right in sorted(set(forms)))


def _gate_automaton(
    keys: dict[str, list[tuple[int, int, int, bool, bool]]], entries: list[Entry]
) -> Matcher[tuple[bool, tuple[tuple[int, int, bool, bool], ...], frozenset[int], frozenset[int]]]:
    """The gate automaton, its values laid out for the screener's hot loop.

    A key's value is ``(variant, terms, combos, combos for others)``: whether it is a variant
    spelling, its terms as ``(entry, length, left, right)``, and the frozen sets of combos it
    gates (those for any addressee, and those only for a message not sent to the borrower), so
    the screener adds whole sets instead of looking at combos one by one.
    """
    values_of: dict[
        str, tuple[bool, tuple[tuple[int, int, bool, bool], ...], frozenset[int], frozenset[int]]
    ] = {}
    for key, values in keys.items():
        variant = any(idx < 0 for idx, *_ in values)
        terms = tuple(
            (idx, length, left, right) for idx, bit, length, left, right in values if idx >= 0 and not bit
        )
        gated = [idx for idx, bit, *_ in values if idx >= 0 and bit]
        others = frozenset(i for i in gated if entries[i].addressee == "others")
        values_of[key] = (variant, terms, frozenset(gated) - others, others)
    return Matcher(values_of)
