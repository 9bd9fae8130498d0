"""Optional character n-gram model: adds recall for paraphrases that the lexicons do not spell.

Trained at build time by ``corpora/screening/train_ngram.py`` from the development part of the
screening corpus only (never the test part), shipped as ``data/lexicons/ngram_model.json``:
per category, the character n-grams whose presence most raises the odds of that category,
with their weights and one threshold. A category the rules already found is not re-reported;
a model finding names the category's rule and citation like any other and shows the n-grams
that weighed most. ``mode="rules"`` turns it off; a missing file means rules only.

No model file ships today: trained on the development part and cross-validated by family,
it added no category the rules missed and flagged about 1% more compliant messages, so the
default ``rules+model`` mode currently runs the rules alone until a larger corpus earns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import pydantic

from collectguard.datafile import load_validated
from collectguard.text.screen_context import sentence_span

__all__ = ["NgramModel", "load_model"]


class _ModelFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    version: str
    trained_on: str
    threshold: float
    weights: dict[str, dict[str, float]]  # category -> n-gram -> weight


@dataclass(frozen=True, slots=True)
class NgramModel:
    automaton: Any  # n-gram -> tuple of (category, weight)
    threshold: float
    categories: tuple[str, ...]

    def findings(
        self, s: str, raw: list[tuple[str, int, int, str, str, str]]
    ) -> list[tuple[str, int, int, str, str, str]]:
        """Model findings for categories the rules did not report, as raw tuples for the screener."""
        scores: dict[str, float] = {}
        hits: dict[str, list[tuple[float, int, int, str]]] = {}
        for end, values in self.automaton.iter(s):
            for category, weight, length in values:
                scores[category] = scores.get(category, 0.0) + weight
                hits.setdefault(category, []).append(
                    (weight, end - length + 1, end + 1, s[end - length + 1 : end + 1])
                )
        if not scores:
            return []
        found = {r[0] for r in raw}
        out = []
        for category, score in scores.items():
            if score < self.threshold or category in found:
                continue
            ranked = sorted(hits[category], reverse=True)
            top = ranked[0]
            lo, hi = sentence_span(s, top[1])
            near = [h for h in ranked if lo <= h[1] and h[2] <= hi]
            start, end = min(h[1] for h in near), max(h[2] for h in near)
            words = "、".join(dict.fromkeys(h[3] for h in ranked[:3]))
            severity = "block" if category in _BLOCK else "warn"
            out.append((category, start, end, "model", words, severity))
        return out


_BLOCK = frozenset(
    {
        "threat",
        "impersonation",
        "false_legal_consequence",
        "third_party_disclosure",
        "demand_from_third_party",
        "privacy_exposure",
    }
)


def _path() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "lexicons" / "ngram_model.json"))


@lru_cache(maxsize=1)
def load_model() -> NgramModel | None:
    path = _path()
    if not path.exists():
        return None
    data = load_validated(path, _ModelFile, label=f"lexicons/{path.name}")
    return build(data.weights, data.threshold)


def build(weights: dict[str, dict[str, float]], threshold: float) -> NgramModel:
    table: dict[str, list[tuple[str, float, int]]] = {}
    for category, grams in weights.items():
        for gram, weight in grams.items():
            table.setdefault(gram, []).append((category, weight, len(gram)))
    automaton = ahocorasick.Automaton()
    for gram, values in table.items():
        automaton.add_word(gram, tuple(values))
    if len(automaton) == 0:
        automaton.add_word("\x00\x00", ())
    automaton.make_automaton()
    return NgramModel(automaton=automaton, threshold=threshold, categories=tuple(weights))
