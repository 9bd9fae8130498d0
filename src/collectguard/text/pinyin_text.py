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

import itertools
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from collectguard.text.normalize import Offsets

__all__ = ["pinyin_message", "read_pinyin"]

#: a message needs this many syllables, and this share of its latin words spelled in pinyin
MIN_SYLLABLES = 4
MIN_SHARE = 0.85
#: the longest lexicon word looked up, in syllables, and how many readings of a polyphone word
_LONGEST = 6
_READINGS = 4
_LATIN = re.compile(r"[a-z]+")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _data_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons"))


@lru_cache(maxsize=1)
def _chars() -> dict[str, str]:
    data = yaml.safe_load((_data_dir() / "pinyin_chars.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["chars"].items()}


@lru_cache(maxsize=1)
def _words() -> dict[tuple[str, ...], str]:
    """Every Chinese word of the zh lexicon files, by its syllables (each toneless reading)."""
    found: dict[tuple[str, ...], str] = {}
    for path in sorted((_data_dir() / "zh").glob("*.yaml")):
        # libyaml when PyYAML has it: these files are read only for their words (the lexicon validates them)
        for word in _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)):
            if not _CJK_WORD.fullmatch(word):
                continue
            for reading in itertools.islice(itertools.product(*map(_readings, word)), _READINGS):
                found.setdefault(reading, word)
    return found


@lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[str, ...]:
    """The toneless readings of one character, the most common first (还: huan, hai)."""
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]))


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
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            prev = best[start]
            if prev is not None and word[start:end] in chars:
                cand = (*prev, word[start:end])
                if best[end] is None or len(cand) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = cand
    return best[n]


def pinyin_message(lowered: str) -> list[tuple[str, int, int]] | None:
    """The syllables of a lower-cased ASCII message with their spans, when it is written in pinyin;
    None for any other message (most English texts fail at their first words)."""
    syllables: list[tuple[str, int, int]] = []
    words = misses = 0
    for m in _LATIN.finditer(lowered):
        words += 1
        parts = _split(m.group())
        if parts is None:
            misses += 1
            if misses > (1 - MIN_SHARE) * max(words, 8):
                return None
            continue
        at = m.start()
        for part in parts:
            syllables.append((part, at, at + len(part)))
            at += len(part)
    if len(syllables) < MIN_SYLLABLES or misses > (1 - MIN_SHARE) * words:
        return None
    return syllables


def read_pinyin(text: str) -> tuple[str, Offsets] | None:
    """``text`` with its pinyin read as characters, and the offsets of each character in ``text``;
    None when ``text`` is not a pinyin message. Other characters (digits, punctuation, latin words
    that are no pinyin) are kept lower-cased; the spaces between syllables go."""
    lowered = text.lower()
    syllables = pinyin_message(lowered)
    if syllables is None:
        return None
    hanzi = _characters([s for s, _, _ in syllables])
    starts: list[int] = []
    ends: list[int] = []
    out: list[str] = []
    at = 0
    for (_, a, b), char in zip(syllables, hanzi, strict=True):
        gap = lowered[at:a]
        if gap.strip() or not out:  # a space between two syllables is dropped; anything else is kept
            for i, ch in enumerate(gap, start=at):
                out.append(ch)
                starts.append(i)
                ends.append(i + 1)
        out.append(char)
        starts.append(a)
        ends.append(b)
        at = b
    for i, ch in enumerate(lowered[at:], start=at):
        out.append(ch)
        starts.append(i)
        ends.append(i + 1)
    return "".join(out), (starts, ends)


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
