"""Static word vectors for what a short reply means: a recall layer beside the character n-grams.

Character n-grams know only the words someone wrote before. A reply from a region nobody
listed ("gonna top myself", 撑不落去) may share none of them. The token vectors of WordLlama
(``l2_supercat``, 256 dimensions) ship inside the ``wordllama`` wheel, run on the CPU and need no
download, and they place such words near ones the crisis model has seen.

A reply's vector is the mean of its token vectors scaled to unit length, as WordLlama pools
them. The crisis model adds a linear weight on that vector to its n-gram score (fitted by
``corpora/replies/train_crisis_model.py``). The score is linear, so each token's share of it is
known, and the tokens that weighed most can be shown as evidence.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from collectguard.errors import DataFileError

#: which vectors a fitted weight belongs to: a weight is meaningless on any other table
SOURCE = "wordllama l2_supercat 256"


@dataclass(frozen=True, slots=True)
class Vectors:
    tokenizer: Any  # tokenizers.Tokenizer
    table: np.ndarray  # one float32 row per token id

    def encode(self, text: str) -> Any:
        """The tokenizer's encoding of ``text``: token ids, offsets and surface forms."""
        return self.tokenizer.encode(text, add_special_tokens=False)

    def pooled(self, ids: np.ndarray) -> tuple[np.ndarray, float]:
        """The sum of the tokens' vectors and its length (the mean's direction, as WordLlama pools)."""
        total = self.table[ids].sum(axis=0)
        return total, math.sqrt(float(total @ total))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length mean token vectors, one row per text (zeros for a text with no tokens)."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = np.asarray(self.encode(text).ids, dtype=np.intp)
            if len(ids):
                total, size = self.pooled(ids)
                if size > 0:
                    out[i] = total / size
        return out

    def fingerprint(self) -> str:
        """A digest of the table, so that a weight fitted on other vectors is refused at load."""
        return hashlib.sha256(np.ascontiguousarray(self.table).tobytes()).hexdigest()[:16]


@lru_cache(maxsize=1)
def vectors() -> Vectors:
    """WordLlama's tokenizer and token table, from the files inside its wheel."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:  # a dependency of the package: only a broken install lacks it
        raise DataFileError("the wordllama package is not installed", field="meaning") from exc
    # wordllama 0.4 looks for its bundled tokenizer under ``tokenizer/`` but ships it under
    # ``tokenizers/``; as a cache directory, its own folder holds both files where it looks
    own = Path(wordllama.__file__).parent
    model = WordLlama.load(config="l2_supercat", dim=256, cache_dir=own, disable_download=True)
    return Vectors(model.tokenizer, np.asarray(model.embedding, dtype=np.float32))


@dataclass(frozen=True, slots=True)
class Meaning:
    """A fitted linear weight on the reply vector, times ``scale`` when added to the n-gram score."""

    vectors: Vectors
    weights: np.ndarray
    bias: float
    scale: float
    token_scores: np.ndarray  # each token's vector times the weights, computed once

    @classmethod
    def fitted(cls, vectors: Vectors, weights: Sequence[float], bias: float, scale: float) -> Meaning:
        w = np.asarray(weights, dtype=np.float32)
        if w.shape != (vectors.table.shape[1],):
            raise DataFileError(
                f"meaning weights have {w.size} values, the vectors {vectors.table.shape[1]}",
                field="meaning.weights",
            )
        return cls(vectors, w, bias, scale, vectors.table @ w)

    def score(
        self, text: str, unread: Sequence[tuple[int, int]] = (), *, explain: bool = True
    ) -> tuple[float, list[tuple[str, int, float]]]:
        """The scaled score and, with ``explain``, each token's share of it: (token, start, share).

        A token that speaks for crisis inside ``unread`` is left out, as the n-gram model leaves
        out its grams there (a crisis told as over, someone else's story). Most replies are
        scored without ``explain``: naming the tokens costs more than the score."""
        enc = self.vectors.encode(text)
        ids = np.asarray(enc.ids, dtype=np.intp)
        if not len(ids):
            return 0.0, []
        shares = self.token_scores[ids]
        offsets = enc.offsets if unread or explain else []
        if unread:
            keep = [
                not (shares[i] > 0 and any(s <= a and b <= e for s, e in unread))
                for i, (a, b) in enumerate(offsets)
            ]
            ids, shares = ids[keep], shares[keep]
            offsets = [o for o, k in zip(offsets, keep, strict=True) if k]
            if not len(ids):
                return 0.0, []
        _, size = self.vectors.pooled(ids)
        if size == 0:
            return 0.0, []
        value = self.scale * (self.bias + float(shares.sum()) / size)
        if not explain:
            return value, []
        parts = shares * (self.scale / size)
        named = []
        for (a, b), p in zip(offsets, parts, strict=True):
            word = text[a:b].lstrip() or text[a:b]  # a token may carry the space before its word
            named.append((word.rstrip() or word, b - len(word), float(p)))
        return value, named


__all__ = ["SOURCE", "Meaning", "Vectors", "vectors"]
