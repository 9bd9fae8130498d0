"""Pinyin spellings of Chinese cue phrases, added to the signal lexicon at load.

Borrowers type pinyin when they have no Chinese keyboard at hand or when they shy away from
a word ("bu xiang huo le", "kuan xian ji tian", "tou su你", "报jing"). A cue written once in
characters also matches its toneless pinyin, spaced or joined, and — for two-character
words — with one character typed as pinyin. Polyphones (还 huan/hai, 行 xing/hang) give
every reading, up to a small cap. Single characters get no pinyin: "si", "gun" or "an"
alone are English words or too ambiguous.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
#: more syllables than this are not typed in pinyin in practice, and the forms multiply
MAX_CHARS = 5
MAX_READINGS = 2


@lru_cache(maxsize=8192)
def _syllables(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]
    return tuple(dict.fromkeys(r for r in readings if r.isascii() and r.isalpha()))


def pinyin_forms(part: str) -> list[str]:
    """Latin and mixed spellings of a Chinese cue part, without the part itself."""
    if not 2 <= len(part) <= MAX_CHARS or not _CJK_ONLY.match(part):
        return []
    per_char = [_syllables(ch) for ch in part]
    if not all(per_char):
        return []
    forms: set[str] = set()
    for reading in itertools.islice(itertools.product(*per_char), MAX_READINGS):
        forms.add(" ".join(reading))
        if len(part) >= 3:  # joined two-syllable pinyin collides with English ("made" is 妈的)
            forms.add("".join(reading))
        if len(part) == 2:
            forms.add(part[0] + reading[1])
            forms.add(reading[0] + part[1])
    return sorted(forms)


__all__ = ["pinyin_forms"]
