"""The screening model: flags, for review, a message that reads like a violation the rules did not find.

Collectors learn which words a filter knows and write around them; a model of how violating
messages read catches part of what they write instead. It is trained by
``corpora/screening/train_ngram.py`` on the development parts only (never a held-out part) and
ships one file per language, ``data/lexicons/ngram_model.<lang>.json``: a linear *violation*
score over the n-grams present in the normalised text (of characters for Chinese, of words for
English), with a threshold chosen by
leaving each writer out, and a *category* model read only for a flagged message. A message goes
to the model of its script (Chinese characters, or Latin letters with next to none).

It speaks only where the rules found nothing, and its findings always ``warn``: a statistical
guess asks the collector to look again, it never blocks a message on its own. Each finding
names the category's rule and citation like any other and shows the phrases that weighed most.
``mode="rules"`` turns it off; a missing file means rules only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, reduce
from importlib import resources
from operator import add, itemgetter
from pathlib import Path
from typing import Any, Literal

import pydantic

from collectguard.datafile import load_validated
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize_tables import CJK_RANGES
from collectguard.text.screen_context import sentence_span
from collectguard.text.screen_types import Raw

__all__ = [
    "ModelSet",
    "NgramModel",
    "barred_for",
    "build",
    "load_model",
    "ngram_positions",
    "units",
    "word_ngrams",
]

_VALUE = itemgetter(1)  # of an automaton hit (end, (n-gram, weight))


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
    script: Literal["cjk", "latin"]
    unit: Literal["char", "word"] = "char"
    sizes: tuple[int, int]
    min_chars: int
    shortest: int
    intercept: float
    weights: dict[str, float]  # n-gram -> weight of the violation score
    categories: dict[str, _Category]

    @pydantic.field_validator("categories")
    @classmethod
    def _known(cls, value: dict[str, _Category]) -> dict[str, _Category]:
        from collectguard.text.lexicon import CATEGORIES

        if unknown := sorted(set(value) - set(CATEGORIES)):
            raise ValueError(f"unknown categories {unknown}; known: {', '.join(CATEGORIES)}")
        if not value:
            raise ValueError("a model needs at least one category")
        return value


def ngram_positions(length: int, sizes: tuple[int, int]) -> int:
    """How many n-grams of the sizes a text of ``length`` units (characters or words) holds,
    every position counted: what a model divides its sums by (the trainer divides by the same)."""
    return sum(max(0, length - n + 1) for n in range(sizes[0], sizes[1] + 1))


_WORD = re.compile(r"[a-z0-9$£€']+")  # normalised text is lower case


def units(s: str, unit: str) -> int:
    """The length of normalised ``s`` in the model's units."""
    return len(s) if unit == "char" else len(_WORD.findall(s))


def word_ngrams(s: str, sizes: tuple[int, int]) -> list[str]:
    """Every word n-gram of normalised ``s``, words joined by one space. Words carry English
    better than character n-grams across writers, and a message holds a few dozen of them where
    it holds hundreds of character n-grams."""
    words = _WORD.findall(s)
    return [
        " ".join(words[i : i + n]) for n in range(sizes[0], sizes[1] + 1) for i in range(len(words) - n + 1)
    ]


def _word_spans(s: str, sizes: tuple[int, int]) -> list[tuple[str, int, int]]:
    """``word_ngrams`` with the span of each, for the rare explanation."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(s)]
    return [
        (" ".join(w for w, _, _ in words[i : i + n]), words[i][1], words[i + n - 1][2])
        for n in range(sizes[0], sizes[1] + 1)
        for i in range(len(words) - n + 1)
    ]


@dataclass(frozen=True, slots=True)
class NgramModel:
    # character n-grams are found by one Aho-Corasick pass, word n-grams by looking each up
    score_automaton: Any  # char: n-gram -> (n-gram, weight)
    category_automaton: Any  # char: n-gram -> (n-gram, its weight for each category, 0.0 where it has none)
    word_weights: Mapping[str, float]  # word: n-gram -> weight
    word_categories: Mapping[str, tuple[float, ...]]  # word: n-gram -> its weight for each category
    unit: str  # "char" or "word"
    intercept: float
    threshold: float
    script: str  # "cjk": messages with Chinese characters; "latin": messages with next to none
    sizes: tuple[int, int]  # shortest and longest n-gram
    min_chars: int  # characters of its script a message needs before the model judges it
    shortest: int  # counts are divided by the square root of the n-grams, never fewer than this
    categories: tuple[str, ...]
    category_intercepts: tuple[float, ...]

    def score(self, s: str) -> float:
        """The violation score of normalised ``s``: each n-gram counts once, however often it
        occurs (a word said twice is no more a threat; presence generalised better across
        writers than counts)."""
        total: float
        if self.unit == "char":  # dict() keeps one (n-gram, weight) per n-gram; all sums run in C
            total = sum(dict(map(_VALUE, self.score_automaton.iter(s))).values())
        else:
            weights = self.word_weights
            total = sum([weights[g] for g in set(word_ngrams(s, self.sizes)) if g in weights])
        return self.intercept + total / math.sqrt(self._grams(s))

    def reads(self, s: str) -> bool:
        """Whether ``s`` is written in this model's script, long enough to judge: at least
        ``min_chars`` Chinese characters, or at least ``min_chars`` Latin letters and fewer than
        ``_FEW`` Chinese characters (an emoji, a curly quote or a £ change nothing)."""
        if self.script == "cjk":
            return _cjk_at_least(s, self.min_chars)
        return not _cjk_at_least(s, _FEW) and _latin_at_least(s, self.min_chars)

    def _grams(self, s: str) -> int:
        return max(self.shortest, ngram_positions(units(s, self.unit), self.sizes))

    def _category_rows(self, s: str) -> list[tuple[float, ...]]:
        """The category weights of each n-gram present in ``s``, once per n-gram."""
        if self.unit == "char":
            return list(dict(map(_VALUE, self.category_automaton.iter(s))).values())
        table = self.word_categories
        return [table[g] for g in set(word_ngrams(s, self.sizes)) if g in table]

    def _hits(self, s: str) -> list[tuple[float, int, int]]:
        """(weight, start, end) of every n-gram in ``s`` that weighs for a violation, strongest first."""
        if self.unit == "char":
            found = ((w, end - len(g) + 1, end + 1) for end, (g, w) in self.score_automaton.iter(s) if w > 0)
        else:
            weights = self.word_weights
            found = ((weights[g], a, b) for g, a, b in _word_spans(s, self.sizes) if weights.get(g, 0.0) > 0)
        return sorted(found, reverse=True)

    def findings(self, s: str, raw: list[Raw], *, barred: frozenset[str] = frozenset()) -> list[Raw]:
        """A review finding for a message the rules passed and the score flags; nothing otherwise.

        ``barred``: categories the addressee cannot be wronged by (``barred_for``). When the
        message reads most like one of those, the model has no case and says nothing.
        """
        if raw or not self.reads(s):
            return []
        return self.judged(s, barred)

    def judged(self, s: str, barred: frozenset[str] = frozenset()) -> list[Raw]:
        """``findings`` for a message already known to be in this model's script, the rules silent."""
        if self.score(s) < self.threshold:
            return []
        rows = self._category_rows(s)
        sums = (
            [reduce(add, column, 0.0) for column in zip(*rows, strict=True)]
            if rows
            else [0.0] * len(self.categories)
        )
        scale = 1.0 / math.sqrt(self._grams(s))
        totals = [b + t * scale for b, t in zip(self.category_intercepts, sums, strict=True)]
        category = self.categories[max(range(len(totals)), key=totals.__getitem__)]
        if category in barred:
            return []
        hits = self._hits(s)
        if not hits:  # nothing weighed for a violation: nothing to point at
            return []
        phrases = _phrases(s, hits[:12])
        lo, hi = sentence_span(s, phrases[0][1])
        near = [p for p in phrases if p[1] < hi and p[2] > lo]  # a merged phrase may cross the sentence's end
        start, end = _words(s, max(lo, min(p[1] for p in near)), min(hi, max(p[2] for p in near)))
        whole = (s[slice(*_words(s, a, b))].strip(_EDGES) for _, a, b in phrases)  # "Monday", not "day"
        shortest = 3 if self.unit == "word" else 2  # "it" or "of" teaches a collector nothing
        shown = [t for t in whole if len(t) >= shortest]
        if not shown:  # nothing readable weighed most: no case to show a collector
            return []
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


_FEW = 4  # Chinese characters (a name, a company) an English message may hold


@lru_cache(maxsize=8)
def _at_least(chars: str, n: int) -> re.Pattern[str]:
    return re.compile(f"(?:[^{chars}]*[{chars}]){{{n}}}")


def _cjk_at_least(s: str, n: int) -> bool:
    return n <= 0 or _at_least(CJK_RANGES, n).match(s) is not None


def _latin_at_least(s: str, n: int) -> bool:
    return n <= 0 or _at_least("a-z", n).match(s) is not None  # normalised text is lower case


#: what a message to each addressee cannot be (the rules decide the same by addressee): naming
#: the debt or the borrower's own data to someone who owes it or works on it discloses nothing, and
#: asking a guarantor to pay is lawful
_BARRED = {
    "borrower": frozenset({"third_party_disclosure", "privacy_exposure"}),
    "staff": frozenset({"third_party_disclosure", "privacy_exposure"}),
    "guarantor": frozenset({"third_party_disclosure", "privacy_exposure", "demand_from_third_party"}),
}


def barred_for(to: str) -> frozenset[str]:
    """The categories a message to ``to`` cannot fall under."""
    return _BARRED.get(to, frozenset())


def _words(s: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts a Latin word so that it shows whole words."""
    while start > 0 and s[start - 1].isascii() and s[start - 1].isalnum():
        start -= 1
    while end < len(s) and s[end].isascii() and s[end].isalnum():
        end += 1
    return start, end


@dataclass(frozen=True, slots=True)
class ModelSet:
    """The shipped models, one per script: a message is judged by the model of its script."""

    models: tuple[NgramModel, ...]

    def findings(self, s: str, raw: list[Raw], *, barred: frozenset[str] = frozenset()) -> list[Raw]:
        if raw:
            return []
        for model in self.models:
            if model.reads(s):
                return model.judged(s, barred)
        return []


def _dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons"))


@lru_cache(maxsize=1)
def load_model() -> ModelSet | None:
    """Every ``ngram_model.<lang>.json`` that ships; None when none does (rules only)."""
    models = []
    for path in sorted(_dir().glob("ngram_model.*.json")):
        data = load_validated(path, _ModelFile, label=f"lexicons/{path.name}")
        models.append(
            build(
                data.weights,
                data.threshold,
                script=data.script,
                unit=data.unit,
                sizes=data.sizes,
                min_chars=data.min_chars,
                shortest=data.shortest,
                intercept=data.intercept,
                categories={name: (part.intercept, part.weights) for name, part in data.categories.items()},
            )
        )
    return ModelSet(tuple(models)) if models else None


def build(
    weights: Mapping[str, float],
    threshold: float,
    *,
    script: str = "cjk",
    unit: str = "char",
    sizes: tuple[int, int] = (2, 4),
    min_chars: int = 0,
    shortest: int = 1,
    intercept: float = 0.0,
    categories: Mapping[str, tuple[float, Mapping[str, float]]],
) -> NgramModel:
    """A model from its weights: ``categories`` maps each category to (intercept, n-gram weights)."""
    names = tuple(categories)
    table: dict[str, list[float]] = {}
    for index, name in enumerate(names):
        for gram, weight in categories[name][1].items():
            table.setdefault(gram, [0.0] * len(names))[index] = weight
    chars = unit == "char"
    score = Matcher(((gram, (gram, weight)) for gram, weight in weights.items() if chars), dense=True)
    by_category = Matcher(
        ((gram, (gram, tuple(values))) for gram, values in table.items() if chars), dense=True
    )
    words = unit == "word"
    return NgramModel(
        score_automaton=score,
        category_automaton=by_category,
        word_weights=dict(weights) if words else {},
        word_categories={g: tuple(v) for g, v in table.items()} if words else {},
        unit=unit,
        intercept=intercept,
        threshold=threshold,
        script=script,
        sizes=sizes,
        min_chars=min_chars,
        shortest=shortest,
        categories=names,
        category_intercepts=tuple(categories[n][0] for n in names),
    )
