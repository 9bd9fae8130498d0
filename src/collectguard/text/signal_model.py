"""Signal models: recall layers under the cue lexicon, for crisis and for anger.

Measured on corpus parts written after each lexicon change, the phrase lexicon found only
about a third of new indirect crisis messages, and little more than half of a new writer's
angry ones (sarcasm, mockery, contempt take endless forms). A model scores a reply with
naive-Bayes log-odds of character 2- and 3-grams, plus a linear weight on the reply's meaning
(:mod:`collectguard.text.meaning`, word vectors that reach words no writer used before). Both
are trained by ``corpora/replies/train_crisis_model.py`` (``--signal anger`` for anger), with the
threshold chosen by leaving one writer out. Above the threshold, and only when no cue of its
signal matched, the model reports that signal at low confidence. Its evidence is the sentence
that scored highest, and its ``cue`` names the n-grams and words (``≈word``) that weighed most.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated
from collectguard.errors import DataFileError
from collectguard.text.meaning import SOURCE, Meaning, vectors
from collectguard.text.multimatch import Matcher
from collectguard.text.normalize import Normalized
from collectguard.text.signal_schema import SignalType
from collectguard.text.signal_types import Signal

#: below every cue's confidence: a model hit says "have a person look", not "we know"
CONFIDENCE = 0.3
_SENTENCE_BREAKS = ";!?。\n"


class _MeaningFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    source: str
    fingerprint: str
    scale: float = pydantic.Field(gt=0)
    bias: float
    weights: list[float] = pydantic.Field(min_length=1)


class _ModelFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    version: str
    trained_on: str
    signal: SignalType = "distress_self_harm"  # the signal the model reports
    threshold: float
    bias: float
    weights: dict[str, float] = pydantic.Field(min_length=1)
    meaning: _MeaningFile | None = None  # a weight on the reply's word-vector meaning, added to the score


@dataclass(frozen=True, slots=True)
class SignalModel:
    automaton: Matcher[tuple[str, float]]  # gram -> (gram, weight)
    threshold: float
    bias: float
    meaning: Meaning | None = None
    signal: SignalType = "distress_self_harm"

    def score(
        self, text: str, unread: Sequence[tuple[int, int]] = (), *, explain: bool = True
    ) -> tuple[float, dict[str, tuple[int, float]]]:
        """Score of the normalised ``text`` and, per gram present, (first position, weight).

        A gram that speaks for the signal is not read inside ``unread`` (a crisis told as over,
        someone else's story); one that speaks against it is read everywhere, since the words
        that say it is over ("现在好多了") are evidence too."""
        seen: dict[str, tuple[int, float]] = {}
        for end, (gram, weight) in self.automaton.iter(text):
            if gram in seen:
                continue
            start = end - len(gram) + 1
            if unread and weight > 0 and any(s <= start and end < e for s, e in unread):
                continue
            seen[gram] = (start, weight)
        total = self.bias + sum(w for _, w in seen.values())
        if self.meaning is not None:
            value, shares = self.meaning.score(text, unread, explain=explain)
            total += value
            for token, start, share in shares:  # ≈: a word's meaning, not a gram of its letters
                at, before = seen.get("≈" + token, (start, 0.0))
                seen["≈" + token] = (at, before + share)
        return total, seen


def load_model(path: Path, signal: SignalType | None = None) -> SignalModel:
    """The model in ``path``; with ``signal``, a file fitted for another signal is refused (a
    crisis reading changes an account's state, an anger reading does not)."""
    spec = load_validated(path, _ModelFile)
    if signal is not None and spec.signal != signal:
        raise DataFileError(
            f"{path.name}: a model for {spec.signal}, where one for {signal} belongs", field="signal"
        )
    automaton = Matcher(((gram, (gram, weight)) for gram, weight in spec.weights.items()), dense=True)
    return SignalModel(automaton, spec.threshold, spec.bias, _meaning(spec.meaning, path), spec.signal)


def _meaning(spec: _MeaningFile | None, path: Path) -> Meaning | None:
    if spec is None:
        return None
    table = vectors()
    if spec.source != SOURCE or spec.fingerprint != table.fingerprint():
        raise DataFileError(
            f"{path.name}: its meaning weights were fitted on other word vectors "
            f"({spec.source} {spec.fingerprint}); retrain it with corpora/replies/train_crisis_model.py",
            field="meaning.fingerprint",
        )
    return Meaning.fitted(table, spec.weights, spec.bias, spec.scale)


#: the shipped models, by name (data/signals/<name>_ngram.json), and the signal each reports
MODELS: dict[str, SignalType] = {"crisis": "distress_self_harm", "anger": "anger"}


def shipped_model(name: str = "crisis") -> SignalModel | None:
    """The shipped model of that name, or None when its file is absent (rules only)."""
    if name not in MODELS:
        raise ValueError(f"unknown signal model {name!r}; the models are {', '.join(MODELS)}")
    return _shipped(name)


@cache
def _shipped(name: str) -> SignalModel | None:
    path = Path(str(resources.files("collectguard") / "data" / "signals" / f"{name}_ngram.json"))
    return load_model(path, MODELS[name]) if path.exists() else None


def model_crisis(
    norm: Normalized, model: SignalModel | None = None, unread: Sequence[tuple[int, int]] = ()
) -> Signal | None:
    """A low-confidence crisis signal when the crisis model's score passes its threshold."""
    return model_signal(norm, model or shipped_model("crisis"), unread)


def model_signal(
    norm: Normalized, model: SignalModel | None, unread: Sequence[tuple[int, int]] = ()
) -> Signal | None:
    """A low-confidence signal of the model's type when its score passes its threshold."""
    if model is None or not norm.text:
        return None
    total, seen = model.score(norm.text, unread, explain=False)
    if total <= model.threshold:
        return None
    total, seen = model.score(norm.text, unread)  # again, naming what weighed most
    text = norm.text
    breaks = [-1] + [i for i, ch in enumerate(text) if ch in _SENTENCE_BREAKS] + [len(text)]
    best = max(
        itertools.pairwise(breaks),
        key=lambda b: sum(w for pos, w in seen.values() if b[0] < pos < b[1]),
    )
    start, end = best[0] + 1, max(best[1], best[0] + 2)
    top = sorted(seen, key=lambda g: -seen[g][1])[:4]
    o_start, o_end = norm.to_original(start, min(end, len(text)))
    return Signal(
        type=model.signal,
        start=o_start,
        end=o_end,
        confidence=CONFIDENCE,
        evidence=norm.original[o_start:o_end],
        cue=f"n-gram model {total:.1f} > {model.threshold}: " + " ".join(top),
        origin="model",
    )


__all__ = ["MODELS", "SignalModel", "load_model", "model_crisis", "model_signal", "shipped_model"]
