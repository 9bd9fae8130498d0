"""Cantonese, Wu, Minnan and other words read as Mandarin for the cue scan (``data/signals/dialect.yaml``).

The cue lexicons are written in Mandarin with some dialect forms beside; a reply in Cantonese
(我唔想活咗, 你哋唔好再揾我), Wu (我勿想做人了) or Minnan (毋免阁敲来) shares the meaning and few of the characters. Reading it word for word
into Mandarin lets every Mandarin cue phrase apply to it. The context words (negators, guards,
releases, what is told as over) still read the reply as written: read as Mandarin, 唔 would negate
(我唔理我要投诉) and 都过去咗 would tell a crisis as over. A reading keeps the length of the word it
reads, so offsets into the normalised reply hold for both texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated
from collectguard.errors import DataFileError
from collectguard.text.normalize import normalize


class _DialectFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    version: str
    readings: dict[str, str]


@dataclass(frozen=True, slots=True)
class DialectReading:
    pattern: re.Pattern[str]
    readings: Mapping[str, str]

    def read(self, text: str) -> str:
        """``text`` with each dialect word replaced by its Mandarin reading; same length."""
        return self.pattern.sub(self._reading, text)

    def _reading(self, match: re.Match[str]) -> str:
        return self.readings[match.group(0)]


def build(readings: Mapping[str, str]) -> DialectReading:
    """The reading of ``readings`` (word -> Mandarin); each must be as long as its word, or offsets would move."""
    if bad := [f"{w}: {r}" for w, r in readings.items() if not w or len(w) != len(r)]:
        raise DataFileError(
            f"dialect.yaml: a reading must have as many characters as its word: {', '.join(bad)}"
        )
    words = sorted(readings, key=len, reverse=True)  # longest first: 唔该 before 唔
    pattern = re.compile("|".join(map(re.escape, words)) or "(?!)")  # an empty table matches nothing
    return DialectReading(pattern, dict(readings))


@lru_cache(maxsize=1)
def shipped_dialect() -> DialectReading:
    path = Path(str(resources.files("collectguard") / "data" / "signals" / "dialect.yaml"))
    readings = load_validated(path, _DialectFile, label="signals/dialect.yaml").readings
    # words and readings as the normaliser leaves them (Traditional folded: 唔係 is 唔系 by then)
    return build({normalize(word).text: normalize(reading).text for word, reading in readings.items()})


def read_dialect(text: str) -> str:
    """Normalised ``text`` read into Mandarin word for word (same length)."""
    return shipped_dialect().read(text)
