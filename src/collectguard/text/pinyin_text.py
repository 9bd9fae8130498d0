"""Messages typed wholly in pinyin, read as Chinese characters.

A collector without a Chinese keyboard, or one who hopes a filter reads only characters, writes
"ni zai bu huan qian, ming tian jiu qu ni dan wei" or "gong an ju jing zhen dui tong zhi". The
normaliser folds single pinyin words it knows (baotongxunlu); this module reads a whole message
that is pinyin: each syllable becomes one character, preferring the words of the Chinese lexicons
(every term, combo word and context cue: 单位, 不还, 不会), and a syllable that spells none of them
becomes its most frequent character (``data/lexicons/pinyin_chars.yaml``). The lexicon, the
context rules and the review model then read it as any Chinese message, and each character points
back at its syllable in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from collectguard.text.normalize import Offsets

__all__ = ["pinyin_message", "read_pinyin"]

#: a message needs this many syllables, and this share of its latin words spelled in pinyin
MIN_SYLLABLES = 4
MIN_SHARE = 0.75
#: the longest lexicon word looked up, in syllables; a latin word longer than _LONGEST_WORD is no pinyin
_LONGEST = 6
_LONGEST_WORD = 30
_LONGEST_SYLLABLE = 6  # zhuang, chuang, shuang
_LATIN = re.compile(r"([a-z]+)([1-5]?)(?![a-z0-9])")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TAG = re.compile(r"【[^】]{0,20}】")
#: a non-ASCII text longer than this is not looked at for pinyin (its tone marks are folded per character)
_MAX_FOLDED = 2000
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _data_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons"))


@lru_cache(maxsize=1)
def _chars() -> dict[str, str]:
    data = yaml.safe_load((_data_dir() / "pinyin_chars.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["chars"].items()}


@lru_cache(maxsize=1)
def _words() -> dict[tuple[str, ...], str]:
    """Every Chinese word of the zh lexicon files, by its syllables: the word's own reading (案底 is
    an di, never an de), and 还 read both huan and hai."""
    from pypinyin import Style, lazy_pinyin

    found: dict[tuple[str, ...], str] = {}
    for path in sorted((_data_dir() / "zh").glob("*.yaml")):
        # libyaml when PyYAML has it: these files are read only for their words (the lexicon validates them)
        for word in _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)):
            if not _CJK_WORD.fullmatch(word):
                continue
            reading = tuple(lazy_pinyin(word, style=Style.NORMAL, v_to_u=False))
            found.setdefault(reading, word)
            if "还" in word:
                other = tuple(
                    ("hai" if r == "huan" else "huan") if ch == "还" else r
                    for ch, r in zip(word, reading, strict=True)
                )
                found.setdefault(other, word)
    return found


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


@lru_cache(maxsize=4096)
def _split(word: str) -> tuple[str, ...] | None:
    """The syllables of a latin word (jintian → jin tian, xian → xian), fewest first; None if it is
    not pinyin."""
    chars = _chars()
    n = len(word)
    if n > _LONGEST_WORD:
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            prev = best[start]
            if prev is not None and word[start:end] in chars:
                cand = (*prev, word[start:end])
                if best[end] is None or len(cand) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = cand
    return best[n]


def pinyin_message(folded: str) -> list[tuple[str, int, int]] | None:
    """The syllables of a lower-cased, tone-folded message with their spans (a tone digit after a
    syllable belongs to it: ni3), when it is written in pinyin; None for any other message (most
    English texts fail at their first words).

    Pinyin is typed a syllable at a time (ni zai bu huan qian) with a few joined words (tongxunlu):
    at least half of its words must be single syllables. English words that split into syllables
    (same → sa me, date → da te) seldom stand alone as one."""
    syllables: list[tuple[str, int, int]] = []
    words = misses = single = 0
    for m in _LATIN.finditer(folded):
        words += 1
        parts = _split(m.group(1))
        if parts is None:
            misses += 1
            if misses > (1 - MIN_SHARE) * max(words, 8):
                return None
            continue
        single += len(parts) == 1
        at = m.start()
        for part in parts:
            syllables.append((part, at, at + len(part)))
            at += len(part)
        if m.group(2):  # the tone digit is read with the syllable
            last = syllables[-1]
            syllables[-1] = (last[0], last[1], m.end())
    hits = words - misses
    if len(syllables) < MIN_SYLLABLES or misses > (1 - MIN_SHARE) * words or single * 2 < hits:
        return None
    return syllables


def read_pinyin(text: str) -> tuple[str, Offsets] | None:
    """``text`` with its pinyin read as characters, and the offsets of each character in ``text``;
    None when ``text`` is not a pinyin message. Tone marks are read as plain letters (nǐ, lǜ → ni, lv);
    other characters (digits, punctuation, latin words that are no pinyin) are kept lower-cased;
    the spaces between syllables go."""
    if not text.isascii() and (len(text) > _MAX_FOLDED or _chinese(text)):
        return None
    folded = text.lower() if text.isascii() else _fold_tones(text.lower())
    syllables = pinyin_message(folded)
    if syllables is None:
        return None
    hanzi = _characters([s for s, _, _ in syllables])
    starts: list[int] = []
    ends: list[int] = []
    out: list[str] = []
    at = 0
    for (_, a, b), char in zip(syllables, hanzi, strict=True):
        gap = folded[at:a]
        if gap.strip() or not out:  # a space between two syllables is dropped; anything else is kept
            for i, ch in enumerate(gap, start=at):
                out.append(ch)
                starts.append(i)
                ends.append(i + 1)
        out.append(char)
        starts.append(a)
        ends.append(b)
        at = b
    for i, ch in enumerate(folded[at:], start=at):
        out.append(ch)
        starts.append(i)
        ends.append(i + 1)
    return "".join(out), (starts, ends)


def _chinese(text: str) -> bool:
    """Chinese characters outside a 【sender】 tag: a Chinese message, read as it is (most are, at once)."""
    if _CJK.search(text) is None:
        return False
    return "【" not in text or _CJK.search(_TAG.sub("", text)) is not None


def _fold_tones(lowered: str) -> str:
    """Each latin letter with a tone mark as its plain letter, ü as v: one character for one."""
    return "".join(
        "v" if ch in "üǖǘǚǜ" else unicodedata.normalize("NFD", ch)[0] if "à" <= ch <= "ǜ" else ch
        for ch in lowered
    )


def _characters(syllables: list[str]) -> str:
    """One character per syllable: the reading with the fewest pieces, lexicon words counting as one
    piece and a lone syllable as a little more (so 不会 beats 不 + 会)."""
    words, chars = _words(), _chars()
    n = len(syllables)
    cost = [0.0] + [float("inf")] * n
    back: list[str] = [""] * (n + 1)
    for i in range(n):
        if cost[i] == float("inf"):
            continue
        single = cost[i] + 1.5
        if single < cost[i + 1]:
            cost[i + 1], back[i + 1] = single, chars[syllables[i]]
        for k in range(2, min(_LONGEST, n - i) + 1):
            word = words.get(tuple(syllables[i : i + k]))
            if word is not None and cost[i] + 1 < cost[i + k]:
                cost[i + k], back[i + k] = cost[i] + 1, word
    pieces: list[str] = []
    at = n
    while at > 0:
        pieces.append(back[at])
        at -= len(back[at])
    return "".join(reversed(pieces))
