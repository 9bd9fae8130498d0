"""English personal names: capitalised words after a cue (Dear, Mr., borrower …) or after a
common given name. Capitals do the work that surname lists do for Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectguard.pii.data import PersonData, shipped
from collectguard.pii.span import PiiSpan

__all__ = ["EnglishNames"]

_WORD = r"(?!(?:Jr|Sr|II|III|IV|MD|DDS|DVM|PhD)\b)[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b"
_MAC = r"(?:Mc|Mac|O')?" + _WORD
_SUFFIX = r"(?:,? (?:Jr\.|Sr\.|II|III|IV|MD|DDS|DVM|PhD))?"
_NAME = rf"{_MAC}(?: [A-Z]\.)?(?: {_MAC}){{0,2}}{_SUFFIX}"
_CAPITAL = re.compile(r"[A-Z][a-z]")
_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Miss", "Dear")


class EnglishNames:
    def __init__(self) -> None:
        cues = shipped(PersonData, "person.yaml").en
        self.not_names = frozenset(cues.not_names.split())
        titles = [c for c in cues.before if c in _TITLES]
        others = [c for c in cues.before if c not in _TITLES]
        alt_t = "|".join(re.escape(c) for c in sorted(titles, key=len, reverse=True))
        alt_o = "|".join(re.escape(c) for c in sorted(others, key=len, reverse=True))
        self.title_re = re.compile(rf"\b(?:{alt_t})(?<![A-Za-z]\.[A-Za-z])\s+(?P<pii>{_NAME})")
        self.cue_re = re.compile(
            rf"(?i:\b(?:{alt_o}))[\s:,]+(?P<pii>{_MAC}(?: [A-Z]\.)?(?: {_MAC}){{1,2}}{_SUFFIX})"
        )
        alt_a = "|".join(re.escape(c) for c in sorted(cues.after, key=len, reverse=True))
        self.after_re = re.compile(rf"\b(?P<pii>{_MAC}(?: [A-Z]\.)?(?: {_MAC}){{1,2}}) (?:{alt_a})\b")
        self.given = frozenset(cues.given.split())
        # A capitalised pair whose first word is a common given name (checked in a set, not
        # in a 300-way regex alternation, which would be slow on every position of every text).
        self.given_re = re.compile(
            rf"\b(?P<pii>(?P<first>{_WORD})(?: [A-Z]\.)?(?: {_MAC}){{1,2}}{_SUFFIX})(?![A-Za-z])"
        )

    def _trim(self, text: str, start: int, end: int, least: int) -> tuple[int, int] | None:
        """Cut the name before the first word that is not a name; None when fewer than ``least`` remain."""
        words = text[start:end].split(" ")
        kept: list[str] = []
        for w in words:
            if w.rstrip(".") in self.not_names:
                break
            kept.append(w)
        if len(kept) < least:
            return None
        return start, start + len(" ".join(kept))

    def analyze(self, folded: str) -> Iterator[PiiSpan]:
        if not _CAPITAL.search(folded):
            return
        for regex, score, why, least in (
            (self.title_re, 0.85, "title", 1),  # Mr. Smith: one word after a title is a name
            (self.cue_re, 0.75, "cue", 2),
            (self.after_re, 0.7, "verb after", 2),
            (self.given_re, 0.7, "given name", 2),
        ):
            for match in regex.finditer(folded):
                if regex is self.given_re and match.group("first") not in self.given:
                    continue
                span = self._trim(folded, *match.span("pii"), least)
                if span is not None:
                    yield PiiSpan("PERSON", span[0], span[1], score, f"{why}: '{match.group().split()[0]}'")
