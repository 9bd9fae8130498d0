"""The screening model: flags, for review, a message that reads like a violation the rules did not find.

Collectors learn which words a filter knows and write around them; a model of how violating
messages read catches part of what they write instead. It is trained by
``corpora/screening/train_ngram.py`` on the development parts only (never a held-out part) and
ships as ``data/lexicons/ngram_model.json``: a linear *violation* score over counts of
character 2-4-grams of the normalised text, with a threshold chosen by leaving each writer
out, and a *category* model read only for a flagged message.

It speaks only where the rules found nothing, and its findings always ``warn``: a statistical
guess asks the collector to look again, it never blocks a message on its own. Each finding
names the category's rule and citation like any other and shows the n-grams that weighed most.
``mode="rules"`` turns it off; a missing file means rules only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, reduce
from importlib import resources
from operator import add, itemgetter
from pathlib import Path
from typing import Any

import ahocorasick
import pydantic

from collectguard.datafile import load_validated
from collectguard.text.key_order import common_first
from collectguard.text.screen_context import sentence_span

__all__ = ["NgramModel", "build", "load_model"]

_Raw = tuple[str, int, int, str, str, str]
_WEIGHT = itemgetter(1)  # of an automaton hit (end, weight)


class _Category(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    intercept: float
    weights: dict[str, float]


class _ModelFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    version: str
    trained_on: str
    digest: str
    threshold: float
    min_chars: int
    shortest: int
    intercept: float
    weights: dict[str, float]  # n-gram -> weight of the violation score
    categories: dict[str, _Category]


@dataclass(frozen=True, slots=True)
class NgramModel:
    score_automaton: Any  # n-gram -> weight
    explain_automaton: Any  # n-gram of positive weight -> (n-gram, weight), for the rare explanation
    category_automaton: Any  # n-gram -> its weight for each category (0.0 where it has none)
    intercept: float
    threshold: float
    min_chars: int  # Chinese characters a message needs before the model judges it
    shortest: int  # counts are divided by the square root of the n-grams, never fewer than this
    categories: tuple[str, ...]
    category_intercepts: tuple[float, ...]

    def score(self, s: str) -> float:
        """The violation score of normalised ``s``: every occurrence of an n-gram counts."""
        # map/itemgetter sums in C, in the same order as a generator would
        return self.intercept + sum(map(_WEIGHT, self.score_automaton.iter(s))) / math.sqrt(self._grams(s))

    def _grams(self, s: str) -> int:
        return max(self.shortest, 3 * len(s) - 6)  # 2-, 3- and 4-grams at every position

    def findings(self, s: str, raw: list[_Raw], *, third: bool) -> list[_Raw]:
        """A review finding for a message the rules passed and the score flags; nothing otherwise.

        ``third``: the message is for someone who does not owe the debt. Naming the debt or the
        borrower's own data to the borrower discloses nothing, so those categories need it.
        """
        if (
            raw
            or len(s) - len(s.encode("ascii", "ignore")) < self.min_chars
            or self.score(s) < self.threshold
        ):
            return []
        # one weight per category for each hit, summed per category in C in the order of the hits
        rows = list(map(_WEIGHT, self.category_automaton.iter(s)))
        sums = (
            [reduce(add, column, 0.0) for column in zip(*rows, strict=True)]
            if rows
            else [0.0] * len(self.categories)
        )
        scale = 1.0 / math.sqrt(self._grams(s))
        totals = [b + t * scale for b, t in zip(self.category_intercepts, sums, strict=True)]
        category = self.categories[max(range(len(totals)), key=totals.__getitem__)]
        if category in _FOR_OTHERS and not third:
            return []
        hits = sorted(
            ((w, end - len(g) + 1, end + 1) for end, (g, w) in self.explain_automaton.iter(s)), reverse=True
        )
        if not hits:  # nothing weighed for a violation: nothing to point at
            return []
        phrases = _phrases(s, hits[:12])
        lo, hi = sentence_span(s, phrases[0][1])
        # the strongest phrase may itself run past its sentence's end (吧？叫): then it stands alone
        near = [p for p in phrases if lo <= p[1] and p[2] <= hi] or phrases[:1]
        start, end = _words(s, min(p[1] for p in near), max(p[2] for p in near))
        shown = [t for _, a, b in phrases if len(t := s[a:b].strip(_EDGES)) > 1] or [s[lo:hi].strip(_EDGES)]
        words = "、".join(dict.fromkeys(shown[:3]))
        return [(category, start, end, "model", words, "warn")]


_EDGES = " ,.!?;:，。！？；：、…\"'“”‘’（）()"


def _phrases(s: str, hits: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The strongest n-grams merged where they overlap or touch, strongest phrase first: a reader
    learns more from 跟我们挺熟 than from 我们, 们挺 and 挺熟 listed apart."""
    merged: list[list[float]] = []
    for weight, start, end in sorted(hits, key=lambda h: h[1]):
        if merged and start <= merged[-1][2]:
            merged[-1][0] += weight
            merged[-1][2] = max(merged[-1][2], end)
        else:
            merged.append([weight, start, end])
    return sorted(((w, int(a), int(b)) for w, a, b in merged), reverse=True)


_FOR_OTHERS = frozenset({"third_party_disclosure", "privacy_exposure"})


def _words(s: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts a Latin word so that it shows whole words."""
    while start > 0 and s[start - 1].isascii() and s[start - 1].isalnum():
        start -= 1
    while end < len(s) and s[end].isascii() and s[end].isalnum():
        end += 1
    return start, end


def _path() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons" / "ngram_model.json"))


@lru_cache(maxsize=1)
def load_model() -> NgramModel | None:
    path = _path()
    if not path.exists():
        return None
    data = load_validated(path, _ModelFile, label=f"lexicons/{path.name}")
    return build(
        data.weights,
        data.threshold,
        min_chars=data.min_chars,
        shortest=data.shortest,
        intercept=data.intercept,
        categories={name: (part.intercept, part.weights) for name, part in data.categories.items()},
    )


def build(
    weights: Mapping[str, float],
    threshold: float,
    *,
    min_chars: int = 0,
    shortest: int = 1,
    intercept: float = 0.0,
    categories: Mapping[str, tuple[float, Mapping[str, float]]],
) -> NgramModel:
    """A model from its weights: ``categories`` maps each category to (intercept, n-gram weights)."""
    score, explain = ahocorasick.Automaton(), ahocorasick.Automaton()
    for gram, weight in sorted(weights.items(), key=lambda gw: common_first(gw[0])):  # faster, same hits
        score.add_word(gram, weight)
        if weight > 0:
            explain.add_word(gram, (gram, weight))
    names = tuple(categories)
    table: dict[str, list[float]] = {}
    for index, name in enumerate(names):
        for gram, weight in categories[name][1].items():
            table.setdefault(gram, [0.0] * len(names))[index] = weight
    by_category = ahocorasick.Automaton()
    for gram, values in table.items():
        by_category.add_word(gram, tuple(values))
    nothing = (0.0,) * len(names)
    for automaton, empty in ((score, 0.0), (explain, ("\x00\x00", 0.0)), (by_category, nothing)):
        if len(automaton) == 0:
            automaton.add_word("\x00\x00", empty)
        automaton.make_automaton()
    return NgramModel(
        score_automaton=score,
        explain_automaton=explain,
        category_automaton=by_category,
        intercept=intercept,
        threshold=threshold,
        min_chars=min_chars,
        shortest=shortest,
        categories=names,
        category_intercepts=tuple(categories[n][0] for n in names),
    )
