"""PERSON: Chinese names by surname list and cue, English names by capitals and cue."""

from __future__ import annotations

from collections.abc import Iterator

from collectguard.pii.recognizers.person_en import EnglishNames
from collectguard.pii.recognizers.person_zh import ChineseNames
from collectguard.pii.span import PiiSpan

__all__ = ["PersonRecognizer"]


class PersonRecognizer:
    name = "person"
    type = "PERSON"

    def __init__(self) -> None:
        self._zh = ChineseNames()
        self._en = EnglishNames()

    def analyze(self, text: str, folded: str) -> Iterator[PiiSpan]:
        yield from self._zh.analyze(folded)
        yield from self._en.analyze(folded)
