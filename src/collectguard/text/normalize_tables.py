"""The precomputed tables behind ``normalize``: built once per process from Unicode, OpenCC and data.

Kept apart from ``normalize.py`` so that the hot path reads as passes over text while the
one-off work (a translate table over the BMP, OpenCC's character map, the variant automaton,
pinyin of the lexicon words) lives here, behind one cached function.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import pydantic
import yaml

from collectguard.errors import DataFileError

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: the ranges of Chinese characters, for a regex character class
CJK_RANGES = _CJK
# Characters inserted between the characters of a word to break it up (爆.通.讯.录, 爆 通 讯 录,
# 爆*通讯录, zero-width marks, emoji). Sentence punctuation (，。！？；：、) is kept: it ends clauses;
# so are the brackets of an SMS signature (【机构名】).
_INTERFERENCE = (
    r"\s*._\-~·•+#|/\\^=`'\"@&$<>()\[\]{}…\u2000-\u206f\u3000\u3014-\u301f"
    r"\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\ufe0f\U0001F000-\U0001FAFF"
)
_SENTENCE_PUNCT = r",、;:!?。"
_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\ufe0e\ufe0f"
# one unit of a spelled-out word: a CJK character, or a letter or digit standing alone
_UNIT = f"(?:[{_CJK}]|[a-z0-9](?![a-z0-9]))"
# full-width punctuation that Chinese text is full of; each folds to one ASCII character
_COMMON = "，？：！；（）"
_APOSTROPHES = "\u2018\u2019\u02bc"  # ‘ ’ ʼ
_CN_DIGITS = "零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖"
_CN_DIGIT_VALUES = "00123456789112345678 9".replace(" ", "")


class VariantsFile(pydantic.BaseModel):
    """``data/lexicons/variants.yaml``: evasive spellings and the words they stand for."""

    model_config = pydantic.ConfigDict(extra="forbid")

    version: str
    variants: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    pinyin_terms: list[str] = []
    characters: dict[str, str] = {}

    @pydantic.field_validator("characters")
    @classmethod
    def _one_for_one(cls, value: dict[str, str]) -> dict[str, str]:
        for key, canonical in value.items():
            if len(key) != 1 or len(canonical) != 1 or key == canonical:
                raise ValueError(f"character {key!r}: must fold to one other character")
        return value

    @pydantic.field_validator("abbreviations")
    @classmethod
    def _latin_only(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not re.fullmatch(r"[a-z]+", key):
                raise ValueError(f"abbreviation {key!r} must be lowercase latin letters")
        return value

    @pydantic.field_validator("variants")
    @classmethod
    def _not_empty(cls, value: dict[str, str]) -> dict[str, str]:
        for key, canonical in value.items():
            if not key or not canonical or key == canonical:
                raise ValueError(f"variant {key!r}: needs a different, non-empty canonical form")
        return value


@dataclass(frozen=True, slots=True)
class Tables:
    one_to_one: dict[int, str]
    one_re: re.Pattern[str]  # the characters of one_to_one: a regex sub beats translate on typical text
    one_sub: Callable[[re.Match[str]], str]
    # the most common of one_to_one in Chinese text (full-width ，？：！), folded by str.replace
    # before one_re runs, so that its Python callback runs for the rare characters only
    common: tuple[tuple[str, str], ...]
    full: dict[int, str]
    multi: re.Pattern[str]
    digit_run: re.Pattern[str]
    digit_table: dict[int, int]
    # cheap candidates for the gates below: each starts with a rare character class, so the regex
    # engine skips ahead in C; a candidate is confirmed with one character check (see normalize)
    gate_digits: re.Pattern[str]
    gate_interference: re.Pattern[str]
    gate_spaced: re.Pattern[str]
    cjk: re.Pattern[str]
    digit_gate: re.Pattern[str]
    interference: re.Pattern[str]
    spaced: re.Pattern[str]
    spaced_gate: re.Pattern[str]
    spaced_sep: re.Pattern[str]
    spelled: re.Pattern[str]
    leet: re.Pattern[str]
    leet_gate: re.Pattern[str]
    latin: re.Pattern[str]
    alnum: re.Pattern[str]
    pinyin_gate: re.Pattern[str]
    interference_run: re.Pattern[str]
    pinyin_left: re.Pattern[str]
    pinyin_right: re.Pattern[str]
    spelled_gate: re.Pattern[str]
    repeat: re.Pattern[str]
    repeat_gate: re.Pattern[str]
    variants: Any  # ahocorasick.Automaton: value (length, canonical, whole_word)


def _char_table() -> dict[int, str]:
    """NFKC, then casefold, then Traditional→Simplified, per character; zero-width marks vanish."""
    from opencc import OpenCC

    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0x80, 0xD800)) + list(range(0xF900, 0x10000)):
        ch = chr(cp)
        mapped = unicodedata.normalize("NFKC", ch).casefold()
        if mapped != ch:
            table[cp] = mapped
    cjk = [chr(cp) for cp in range(0x3400, 0xA000)] + [chr(cp) for cp in range(0xF900, 0xFB00)]
    sources = [table.get(ord(c), c) for c in cjk]
    simplified = OpenCC("t2s").convert("\n".join(sources)).split("\n")
    for ch, src, simp in zip(cjk, sources, simplified, strict=True):
        if simp != ch and len(simp) == len(src):
            table[ord(ch)] = simp
    for ch in _ZERO_WIDTH:
        table[ord(ch)] = ""
    for ch in _APOSTROPHES:  # won’t is won't: phones type the curly one
        table[ord(ch)] = "'"
    for ch, canonical in _read_variants().characters.items():  # 妳 is 你: OpenCC keeps it
        table[ord(ch)] = canonical
    return table


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _read_variants() -> VariantsFile:
    path = Path(str(resources.files("collectguard") / "data" / "lexicons" / "variants.yaml"))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from exc
    try:
        return VariantsFile.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{path.name}: field {field}: {first['msg']}", field=field) from exc


def _pinyin_words(terms: list[str], abbreviations: dict[str, str]) -> dict[str, str]:
    """Latin spellings of lexicon words: full pinyin, joined or syllable by syllable, and the
    initials of words of three characters or more (two letters are too ambiguous)."""
    from pypinyin import Style, lazy_pinyin

    words: dict[str, str] = dict(abbreviations)
    for term in terms:
        full = lazy_pinyin(term)
        words.setdefault("".join(full), term)
        words.setdefault(" ".join(full), term)
        if len(term) >= 3:
            initials = [p[0] for p in lazy_pinyin(term, style=Style.FIRST_LETTER)]
            words.setdefault("".join(initials), term)
            words.setdefault(" ".join(initials), term)
    return words


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Build every table once; later calls return the same object."""
    full = _char_table()
    one_to_one = {cp: rep for cp, rep in full.items() if len(rep) == 1}
    multi = [chr(cp) for cp, rep in full.items() if len(rep) != 1]
    data = _read_variants()
    automaton = ahocorasick.Automaton()
    for variant, canonical in data.variants.items():
        key = "".join(full.get(ord(c), c) for c in variant)
        automaton.add_word(key, (len(key), canonical, False))
    for latin, canonical in _pinyin_words(data.pinyin_terms, data.abbreviations).items():
        if latin not in automaton:
            automaton.add_word(latin, (len(latin), canonical, True))
    if len(automaton) == 0:
        automaton.add_word("\x00\x00", (2, "\x00\x00", False))
    automaton.make_automaton()
    digits = _CN_DIGITS
    sep = f"[{_SENTENCE_PUNCT}]+"
    one_map = {chr(cp): rep for cp, rep in one_to_one.items()}
    return Tables(
        one_to_one=one_to_one,
        one_re=re.compile(_char_class([chr(cp) for cp in one_to_one])),
        one_sub=lambda m: one_map[m.group()],
        common=tuple((c, one_map[c]) for c in _COMMON if c in one_map and one_map[c] not in one_map),
        full=full,
        multi=re.compile(_char_class(multi)),
        digit_run=re.compile(f"[{digits}]{{3,}}|(?<=\\d)[{digits}]+|[{digits}]+(?=\\d)"),
        digit_table=str.maketrans(digits, _CN_DIGIT_VALUES),
        # gates: cheap searches that tell whether the exact (slower) pattern is worth running
        # a leading single class (not ``[…]+``) lets the engine skip ahead to it
        gate_digits=re.compile(f"[{digits}]"),
        gate_interference=re.compile(f"[{_INTERFERENCE}][{_INTERFERENCE}]*[{_CJK}]"),
        gate_spaced=re.compile(f"[{_SENTENCE_PUNCT}][{_SENTENCE_PUNCT}]*[{_CJK}]{sep}[{_CJK}](?![{_CJK}])"),
        cjk=re.compile(f"[{_CJK}]"),
        digit_gate=re.compile(f"[{digits}](?:[{digits}]{{2}}|\\d)|\\d[{digits}]"),
        interference=re.compile(f"(?<=[{_CJK}])[{_INTERFERENCE}]+(?=[{_CJK}])"),
        spaced=re.compile(f"(?<![{_CJK}])[{_CJK}](?:{sep}[{_CJK}](?![{_CJK}])){{2,}}"),
        spaced_gate=re.compile(f"[{_CJK}]{sep}[{_CJK}]{sep}[{_CJK}](?![{_CJK}])"),
        spaced_sep=re.compile(sep),
        # d.a.n.g, n i 的腿, 4-4-0-3…: single letters or digits, each cut off by one interference
        # character, are one spelled-out word (a letter inside a word is never a unit; f—- b—- are
        # masked words, not letters)
        spelled=re.compile(f"(?<![a-z0-9]){_UNIT}(?:[{_INTERFERENCE}]{_UNIT}(?![a-z0-9])){{2,}}"),
        # l0ser, p0lice, sc@mmer, b1tch: a digit or symbol standing for a letter inside a word
        # (each pattern starts with a character class, so the engine skips ahead in C)
        leet=re.compile(r"[a-z][013457@$](?=[a-z])"),
        # whether leet has anything to do, found from the digit or symbol (rarer than letters)
        leet_gate=re.compile(r"[013457@$](?<=[a-z][013457@$])(?=[a-z])"),
        latin=re.compile(r"[a-z]"),
        alnum=re.compile(r"[a-z0-9]"),
        interference_run=re.compile(f"[{_INTERFERENCE}]+"),
        # 有_ni_好受, 联系~ren: a pinyin syllable set off from a CJK character by interference
        pinyin_gate=re.compile(f"[{_CJK}][{_INTERFERENCE}]+[a-z]|[a-z][{_INTERFERENCE}]+[{_CJK}]"),
        pinyin_left=re.compile(f"[{_CJK}]([{_INTERFERENCE}]+)[a-z]{{1,6}}(?![a-z])"),
        pinyin_right=re.compile(f"[a-z](?<![a-z]{{2}})[a-z]{{0,5}}([{_INTERFERENCE}]+)(?=[{_CJK}])"),
        # a letter or digit standing alone, a separator, another one: found from the separator,
        # which English text has far fewer of than letters (the lookbehind checks the first one)
        spelled_gate=re.compile(
            f"[{_INTERFERENCE}](?<=(?<![a-z0-9])[a-z0-9][{_INTERFERENCE}])[a-z0-9](?![a-z0-9])"
        ),
        repeat=re.compile(r"([^\d\s])\1{2,}"),
        repeat_gate=re.compile(r"(.)\1\1"),
        variants=automaton,
    )
