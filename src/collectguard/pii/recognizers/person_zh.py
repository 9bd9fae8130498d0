"""Chinese personal names: a surname from the list, one or two given characters, beside a cue.

A name is only reported next to a cue (借款人王芳, 尊敬的李明, 王建国先生, 张伟您好): Chinese text
has no capitals or spaces, and a surname character alone is far more often an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectguard.pii.data import PersonData, SurnameData, shipped
from collectguard.pii.span import PiiSpan

__all__ = ["ChineseNames"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_DOTTED_END = re.compile(r"[\u4e00-\u9fff]{1,8}(?P<dot>[·•・])[\u4e00-\u9fff]{2,4}")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}[·•・](?P<last>[\u4e00-\u9fff]{2,8})")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class ChineseNames:
    def __init__(self) -> None:
        names = shipped(SurnameData, "surnames.yaml")
        cues = shipped(PersonData, "person.yaml").zh
        self.single = frozenset(names.single)
        self.compound = frozenset(names.compound)
        self.weak = frozenset(names.weak)
        self.stop_first = frozenset(cues.stop_first)
        self.stop = frozenset(cues.stop)
        self.titles = tuple(cues.titles)
        self.after = tuple(cues.after)
        self.greetings = tuple(cues.greetings)
        self.not_names = tuple(cues.not_names)
        sep = r"[ :：]*(?:是|为)?[ :：]*"
        self.label_re = re.compile(rf"(?:{_alternation(cues.label)}){sep}")
        self.before_re = re.compile(rf"(?:{_alternation(cues.before)}){sep}")
        self.after_re = re.compile(f"(?:{_alternation(cues.titles + cues.after + cues.greetings)})")

    def _surname(self, text: str, pos: int) -> int:
        """Length of the surname at ``pos`` (2 for compound, 1, or 0 for none)."""
        if text[pos : pos + 2] in self.compound:
            return 2
        return 1 if pos < len(text) and text[pos] in self.single else 0

    def _starts_cue(self, text: str, pos: int) -> bool:
        return text.startswith(self.titles, pos) or text.startswith(self.after, pos)

    def _boundary(self, text: str, pos: int) -> bool:
        return (
            pos >= len(text)
            or not _is_han(text[pos])
            or text[pos] in self.stop
            or self._starts_cue(text, pos)
        )

    def _forward(self, text: str, pos: int, *, strict: bool) -> int:
        """End of a name read forward from ``pos`` (just after a cue), or -1."""
        dotted = _DOTTED.match(text, pos)
        if dotted:  # transliterated names: 阿依古丽·买买提; the part after the dot ends at a boundary
            for n in (2, 3, 4):
                if dotted.end() - dotted.start("last") >= n and self._boundary(
                    text, dotted.start("last") + n
                ):
                    return dotted.start("last") + n
            return dotted.start("last") + 2
        if text.startswith(self.not_names, pos):
            return -1
        sur = self._surname(text, pos)
        if (
            not sur
            and not strict
            and pos < len(text)
            and _is_han(text[pos])
            and text[pos] not in self.stop_first
        ):
            # Right after a label (借款人, 收件人) two or three characters up to a clear boundary
            # are a name even when the surname is not on the list.
            for length in (3, 2):
                if (
                    all(_is_han(c) for c in text[pos : pos + length])
                    and self._boundary(text, pos + length)
                    and not any(c in self.stop for c in text[pos + 1 : pos + length])
                ):
                    return pos + length
            return -1
        if not sur or (strict and sur == 1 and text[pos] in self.weak):
            return -1
        end = pos + sur
        if text.startswith(self.titles, end):
            return end  # 王先生: the surname alone is the name
        for i in range(2):
            if end >= len(text) or not _is_han(text[end]) or self._starts_cue(text, end):
                break
            if text[end] in (self.stop_first if i == 0 else self.stop):
                break
            end += 1
        if end == pos + sur:
            return -1
        if (
            strict
            and end < len(text)
            and _is_han(text[end])
            and not (text[end] in self.stop or self._starts_cue(text, end))
        ):
            return -1
        return end

    def _backward(self, text: str, end: int, title: bool) -> int:
        """Start of a name that ends at ``end`` (just before 先生/您好…), or -1."""
        start = end
        while start > 0 and end - start < 4 and _is_han(text[start - 1]):
            start -= 1
        # 慕容丽华先生: a compound surname four characters back wins over 容 as a single surname.
        compound = end >= 4 and text[end - 4 : end - 2] in self.compound
        lengths = (4, 3, 2, 1) if compound else (3, 2, 4, 1)
        for length in lengths:
            pos = end - length
            if pos < start or (length == 1 and not title):
                continue
            sur = self._surname(text, pos)
            if not sur or sur > length or (length - sur) > 2:
                continue
            if sur == 1 and text[pos] in self.weak and pos > start:
                continue
            if text.startswith(self.not_names, pos):
                continue
            given = text[pos + sur : end]
            if given and (given[0] in self.stop_first or any(ch in self.stop for ch in given[1:])):
                continue
            return pos
        return -1

    def analyze(self, folded: str) -> Iterator[PiiSpan]:
        if not _HAN.search(folded):
            return
        labelled: list[tuple[int, int]] = []
        for regex, strict, why in ((self.label_re, False, "label"), (self.before_re, True, "cue")):
            for match in regex.finditer(folded):
                if folded.startswith(self.not_names, match.start()):
                    continue  # the cue is part of a word: 和解, 同意
                if strict and any(s <= match.start() < e for s, e in labelled):
                    continue  # 联系 inside 联系人 was already read as a label
                if not strict:
                    labelled.append(match.span())
                end = self._forward(folded, match.end(), strict=strict)
                if end > 0 and "某" not in folded[match.end() : end + 1]:
                    cue = match.group().rstrip(" :：是为")
                    yield PiiSpan("PERSON", match.end(), end, 0.85 if not strict else 0.75, f"{why} '{cue}'")
        for match in self.after_re.finditer(folded):
            cue, end = match.group(), match.start()
            if cue in self.greetings and end > 0 and folded[end - 1] in "，, ":
                end -= 1  # 王琳，你好
            dotted = _DOTTED_END.search(folded, max(0, end - 14), end)
            if dotted and dotted.end() == end:
                # At most four characters before the dot, without a leading particle (已向热依拉·艾力).
                start = max(dotted.start(), dotted.start("dot") - 4)
                while folded[start] in self.stop_first:
                    start += 1
                yield PiiSpan("PERSON", start, end, 0.8, f"transliterated name before '{cue}'")
                continue
            start = self._backward(folded, end, cue in self.titles)
            if start >= 0:
                yield PiiSpan("PERSON", start, end, 0.8, f"surname before '{cue}'")
