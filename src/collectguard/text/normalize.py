"""Normalisation with an offset map: collectors write around filters, findings must still point home.

``normalize(text)`` folds the spellings that evade a word list (full-width forms, Traditional
characters, case, ①/一/壹 digits, 爆.通.讯.录, 打.断.n.i.的腿, l0ser, 老老老赖, 通迅录, 上men, btxl) into one
canonical text that the lexicons and context rules match against, and keeps for every
character of it the span of the original it came from, so a finding always names a span
of what the collector actually wrote.

The common case (clean Simplified Chinese or plain English) costs a few regex searches and
one ``str.translate``; the per-character work only runs on the rare messages that need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from collectguard.errors import ValidationError
from collectguard.text.normalize_tables import Tables, tables

__all__ = [
    "Normalized",
    "Offsets",
    "apply_variants",
    "normalize",
    "normalize_text",
    "variant_keys",
    "with_offsets",
]


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and, per character of it, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` (end exclusive) to the span of ``original`` it covers."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end == start:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# Offsets while the passes run: None means identity with the original (the fast path).
Offsets = tuple[list[int], list[int]] | None
_Edit = tuple[int, int, str]
_SPACES = re.compile(" {2,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_RANGE = tuple(range(4097))  # identity offsets of short texts, sliced instead of rebuilt


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching; see the module docstring for what is folded."""
    s, offs = normalize_text(text)
    return with_offsets(text, s, offs)


def normalize_text(text: str, *, variants: bool = True) -> tuple[str, Offsets]:
    """The normalised text and its offsets (None: identity), without building ``Normalized``.

    For callers that only need offsets when they find something (the screener's clean path).
    ``variants=False`` leaves the variant spellings for ``apply_variants``: the screener's own
    automaton knows the variant keys and calls it only for the rare message that has one.
    """
    t = tables()
    if text.isascii():  # plain ASCII: NFKC and t2s change nothing, casefold is lower(), no CJK to fold
        s, offs = text.lower(), None
        if t.leet_gate.search(s):
            s = t.leet.sub(_letter, s)
        if t.spelled_gate.search(s):
            s, offs = _apply(s, offs, _spelled_edits(s, t))
        if t.repeat_gate.search(s):
            s, offs = _apply(s, offs, [(m.start() + 1, m.end(), "") for m in t.repeat.finditer(s)])
        if "  " in s:
            s, offs = _one_space(s, offs)
    else:
        if _SURROGATE.search(text) is not None:  # from a JSON "\\ud83d" escape: no character, nothing to fold
            raise ValidationError(
                "text holds a lone surrogate (broken UTF-16); send valid Unicode", field="text"
            )
        s, offs = _map_chars(text, t)
        if _needs_fold(s, t):
            s, offs = _fold(s, offs, t)
        if "  " in s:
            s, offs = _one_space(s, offs)
    return apply_variants(s, offs) if variants else (s, offs)


def _one_space(s: str, offs: Offsets) -> tuple[str, Offsets]:
    """Runs of spaces as one: words spelled out letter by letter are set two spaces apart (W e  k n o w
    w h e r e), and the lexicons' phrases have one."""
    return _apply(s, offs, [(m.start() + 1, m.end(), "") for m in _SPACES.finditer(s)])


def apply_variants(s: str, offs: Offsets) -> tuple[str, Offsets]:
    """The last pass of ``normalize_text``: homophones, mixed pinyin, pinyin words and initials."""
    t = tables()
    edits = _variant_edits(s, t)
    if edits:
        s, offs = _apply(s, offs, edits)
    return s, offs


def variant_keys() -> list[str]:
    """Every key the variant pass looks for, so that another automaton can notice them."""
    return list(tables().variants.keys())


def with_offsets(text: str, s: str, offs: Offsets) -> Normalized:
    """Build the ``Normalized`` of ``normalize_text``'s result."""
    if offs is None:
        n = len(s)
        if n < len(_RANGE):
            return Normalized(s, _RANGE[:n], _RANGE[1 : n + 1], text)
        return Normalized(s, tuple(range(n)), tuple(range(1, n + 1)), text)
    return Normalized(s, tuple(offs[0]), tuple(offs[1]), text)


def _needs_fold(s: str, t: Tables) -> bool:
    """Whether any folding pass has work: the clean message (most of them) pays for four fast scans."""
    m = t.gate_digits.search(s)  # a digit_gate match starts at most one character before it
    if m is not None and t.digit_gate.search(s, max(0, m.start() - 1)):
        return True
    for candidates in (t.gate_interference, t.gate_spaced):  # each must follow a CJK character
        m = candidates.search(s, 1)
        while m is not None:
            if t.cjk.match(s, m.start() - 1):
                return True
            m = candidates.search(s, m.start() + 1)
    # spelled_gate, latin and leet_gate match after a latin letter or digit: search from the first one
    # (lookbehinds still see what stands before it); most Chinese messages have few or none
    m = t.alnum.search(s)
    if m is not None:
        at = m.start()
        if t.spelled_gate.search(s, at) or (
            t.latin.search(s, at) and (t.pinyin_gate.search(s) or t.leet_gate.search(s, at))
        ):
            return True
    m = t.repeat_gate.search(s)
    while m is not None and m.group().isdigit():  # 10000, 555-0199: repeated digits are not evasion
        m = t.repeat_gate.search(s, m.end())
    return m is not None


def _fold(s: str, offs: Offsets, t: Tables) -> tuple[str, Offsets]:
    """Digits written in Chinese, interference characters, spaced-out words, look-alike digits
    (l0ser), spelled-out letters and separated pinyin (d.a.n.g, 有_ni_好受), repeated characters."""
    if t.digit_gate.search(s):
        s = t.digit_run.sub(_digits, s)
    if t.interference.search(s):
        s, offs = _apply(s, offs, [(m.start(), m.end(), "") for m in t.interference.finditer(s)])
    if t.spaced_gate.search(s):
        s, offs = _apply(s, offs, _spaced_edits(s, t))
    latin = t.latin.search(s) is not None
    if latin and t.leet_gate.search(s):
        s = t.leet.sub(_letter, s)  # one character for one: the offsets stay as they are
    if t.spelled_gate.search(s) or (latin and t.pinyin_gate.search(s)):
        s, offs = _apply(s, offs, _spelled_edits(s, t))
    if t.repeat_gate.search(s):
        s, offs = _apply(s, offs, [(m.start() + 1, m.end(), "") for m in t.repeat.finditer(s)])
    return s, offs


_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}


def _letter(m: re.Match[str]) -> str:
    return m.group(0)[0] + _LEET[m.group(0)[1]]


def _digits(m: re.Match[str]) -> str:
    """一三八… → 138…; one character said three times (王八八八蛋) is a repeat, not a number."""
    run, text = m.group(0), m.string
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    after = text[m.end() : m.end() + 1]
    if len(run) > 2 and len(set(run)) == 1 and not (before.isdigit() or after.isdigit()):
        return run
    return run.translate(tables().digit_table)


def _map_chars(text: str, t: Tables) -> tuple[str, Offsets]:
    """NFKC, Traditional→Simplified and casefold, one character at a time (offsets stay exact)."""
    if not t.multi.search(text):
        for char, folded in t.common:  # a C-level replace each; what they fold to is never folded again
            if char in text:
                text = text.replace(char, folded)
        return t.one_re.sub(t.one_sub, text), None
    starts: list[int] = []
    ends: list[int] = []
    parts: list[str] = []
    table = t.full
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        parts.append(rep)
        starts.extend([i] * len(rep))
        ends.extend([i + 1] * len(rep))
    return "".join(parts), (starts, ends)


def _apply(s: str, offs: Offsets, edits: list[_Edit]) -> tuple[str, Offsets]:
    """Splice sorted, non-overlapping edits into ``s`` and carry the offsets along."""
    if offs is None:
        old_starts: list[int] = list(range(len(s)))
        old_ends: list[int] = list(range(1, len(s) + 1))
    else:
        old_starts, old_ends = offs
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for i, j, rep in edits:
        parts.append(s[pos:i])
        starts.extend(old_starts[pos:i])
        ends.extend(old_ends[pos:i])
        if rep:
            _align(s[i:j], rep, old_starts[i:j], old_ends[i:j], starts, ends)
        parts.append(rep)
        pos = j
    parts.append(s[pos:])
    starts.extend(old_starts[pos:])
    ends.extend(old_ends[pos:])
    return "".join(parts), (starts, ends)


def _align(
    old: str, new: str, o_starts: list[int], o_ends: list[int], starts: list[int], ends: list[int]
) -> None:
    """Offsets of a replacement: shared prefix and suffix map char to char, the middle to the middle."""
    if len(old) == len(new):
        starts.extend(o_starts)
        ends.extend(o_ends)
        return
    pre = 0
    while pre < min(len(old), len(new)) and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < min(len(old), len(new)) - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    starts.extend(o_starts[:pre])
    ends.extend(o_ends[:pre])
    mid_old_end = len(old) - suf
    mid_new = len(new) - pre - suf
    if mid_new:
        lo = o_starts[pre] if pre < mid_old_end else o_starts[max(pre - 1, 0)]
        hi = o_ends[mid_old_end - 1] if mid_old_end > pre else o_ends[max(pre - 1, 0)]
        starts.extend([lo] * mid_new)
        ends.extend([hi] * mid_new)
    if suf:
        starts.extend(o_starts[len(old) - suf :])
        ends.extend(o_ends[len(old) - suf :])


def _spaced_edits(s: str, t: Tables) -> list[_Edit]:
    """爆，通，讯，录: drop sentence punctuation between three or more single characters."""
    edits: list[_Edit] = []
    for m in t.spaced.finditer(s):
        base = m.start()
        edits.extend((base + sep.start(), base + sep.end(), "") for sep in t.spaced_sep.finditer(m.group(0)))
    return edits


def _spelled_edits(s: str, t: Tables) -> list[_Edit]:
    """d.a.n.g, 打断 n i 的腿: drop what separates the letters and digits of a spelled-out word."""
    edits: list[_Edit] = []
    for m in t.spelled.finditer(s):
        base = m.start()
        word = m.group(0)
        if not any("a" <= c <= "z" or "0" <= c <= "9" for c in word):
            continue  # CJK alone: the interference pass has joined it already
        seps = list(t.interference_run.finditer(word))
        if word[0] in "ai" and word[1] == " " and word.isascii():
            seps = seps[1:]  # "a l o s e r": the article stays a word of its own
        edits.extend((base + sep.start(), base + sep.end(), "") for sep in seps)
    for pattern in (t.pinyin_left, t.pinyin_right):
        edits.extend((m.start(1), m.end(1), "") for m in pattern.finditer(s))
    edits.sort()
    merged: list[_Edit] = []
    for edit in edits:  # the two passes may meet on one separator
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


def _variant_edits(s: str, t: Tables) -> list[_Edit]:
    """Homophones, mixed pinyin (通迅录, 上men) and whole-word pinyin or initials (baotongxunlu, btxl).

    One Aho-Corasick pass finds them all, longest first, left to right; a latin-only key counts
    only as a whole word, so ``sb`` is found in "你个sb" but not in "asbestos".
    """
    edits: list[_Edit] = []
    last = -1
    n = len(s)
    for end, (length, canonical, whole_word) in t.variants.iter_long(s):
        start = end - length + 1
        if start <= last:
            continue
        if whole_word and (
            (start > 0 and "a" <= s[start - 1] <= "z") or (end + 1 < n and "a" <= s[end + 1] <= "z")
        ):
            continue
        edits.append((start, end + 1, canonical))
        last = end
    return edits
