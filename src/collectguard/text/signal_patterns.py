"""The small cue-pattern language of the signal lexicons, expanded into literal parts.

A lexicon entry such as ``(我|)不想活`` or ``对不起…尽力了`` or ``照顾好{fam}`` is written
once and stands for many phrasings: ``(a|b|)`` lists alternatives (an empty one makes the
group optional; groups nest), ``{name}`` draws from a word class of the lexicon, and ``…``
allows a short gap of other text between two parts. Expansion happens once at load; the
matcher only sees tuples of literal parts, so the hot path stays one Aho-Corasick pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

#: more readings than this from one entry means the entry should be split
MAX_EXPANSIONS = 4096
GAP = "…"


class PatternError(ValueError):
    """A pattern that cannot be expanded; the loader adds the file and entry."""


class _Parser:
    def __init__(self, text: str, classes: Mapping[str, Sequence[str]]) -> None:
        self.text = text
        self.pos = 0
        self.classes = classes

    def alternatives(self) -> list[str]:
        """alternatives := sequence ('|' sequence)*"""
        options = self.sequence()
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            options += self.sequence()
        return options

    def sequence(self) -> list[str]:
        readings = [""]
        while self.pos < len(self.text) and self.text[self.pos] not in "|)":
            readings = [a + b for a, b in itertools.product(readings, self.atom())]
            if len(readings) > MAX_EXPANSIONS:
                raise PatternError(f"expands to more than {MAX_EXPANSIONS} readings; split the entry")
        return readings

    def atom(self) -> list[str]:
        ch = self.text[self.pos]
        if ch == "(":
            self.pos += 1
            options = self.alternatives()
            if self.pos >= len(self.text) or self.text[self.pos] != ")":
                raise PatternError(f"unclosed '(' in {self.text!r}")
            self.pos += 1
            return options
        if ch == "{":
            close = self.text.find("}", self.pos)
            name = self.text[self.pos + 1 : close] if close > 0 else ""
            if name not in self.classes:
                raise PatternError(f"unknown class {{{name}}} in {self.text!r}")
            self.pos = close + 1
            return list(self.classes[name])
        if ch == "}":
            raise PatternError(f"stray '}}' in {self.text!r}")
        self.pos += 1
        return [ch]


def _readings(part: str, classes: Mapping[str, Sequence[str]]) -> list[str]:
    parser = _Parser(part, classes)
    readings = parser.alternatives()
    if parser.pos != len(part):
        raise PatternError(f"unbalanced ')' at position {parser.pos} of {part!r}")
    return readings


def expand(pattern: str, classes: Mapping[str, Sequence[str]]) -> list[tuple[str, ...]]:
    """Every literal reading of ``pattern``: a list of part tuples (one part unless ``…`` is used)."""
    if not pattern.strip():
        raise PatternError("empty pattern")
    per_part: list[list[str]] = []
    total = 1
    for part in pattern.split(GAP):
        part = part.strip()
        if not part:
            raise PatternError(f"empty part around {GAP!r}")
        readings = sorted({r.strip() for r in _readings(part, classes)} - {""})
        if not readings:
            raise PatternError(f"part {part!r} can only be empty")
        total *= len(readings)
        if total > MAX_EXPANSIONS:
            raise PatternError(f"expands to more than {MAX_EXPANSIONS} readings; split the entry")
        per_part.append(readings)
    return [tuple(combo) for combo in itertools.product(*per_part)]
