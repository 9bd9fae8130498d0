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

import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import yaml

from collectguard.errors import DataFileError
from collectguard.text.lexicon_context import Context, compile_context
from collectguard.text.lexicon_schema import CATEGORIES, LANGS, ComboSpec, ContextFile, LexiconFile, TermSpec
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import normalize, variant_keys

__all__ = ["CATEGORIES", "Entry", "Lexicon", "LexiconFile", "check_terms", "load_lexicon"]


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
    # normalised exceptions: words that start where a term does, or that follow a word of a combo's last group
    unless: tuple[str, ...] = ()


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
    swapped = [i for i, syl in enumerate(syllables) if "\u4e00" <= key[i] <= "\u9fff" and syl.isascii()]
    forms = [key[:i] + syllables[i] + key[i + 1 :] for i in swapped]
    # two of three or more, apart (爆tong讯lu); side by side they are one latin run (通xunlu), both kept
    if len(key) >= 3:
        for i, j in itertools.combinations(swapped, 2):
            forms.append(key[:i] + syllables[i] + key[i + 1 : j] + syllables[j] + key[j + 1 :])
    return forms


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
        context[lang] = compile_context(_read(folder / "context.yaml", ContextFile))
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
                        unless=tuple(normalize(w).text for w in item.unless),
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
