"""Compare, by leaving one writer out, the naive-Bayes crisis model with a logistic regression.

A writer is a split of the template corpus or a hand-written development file, per language
(``train_crisis_model.training_rows``); the held-out parts are never read. For each writer the
model is fitted on the others and the writer's replies scored; on the pooled scores the
threshold is the lowest at which at most 5% of neutral replies and 8% of all non-crisis replies
are flagged, and crisis recall is read at that threshold. The logistic regression is the
screening model's (``corpora/screening/train_ngram.py``): counts of character n-grams scaled by
1/sqrt(max(shortest, n-grams)), no intercept, class-balanced, the ``keep`` strongest n-grams
refitted. With these figures (corpora/replies/README.md) it did not beat naive Bayes, so the
shipped model stayed naive Bayes.

    pip install scikit-learn
    python corpora/replies/compare_crisis_models.py [--all]   # --all: every setting tried (slow)
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import Any

from train_crisis_model import score, train, training_rows

from collectguard.text.normalize import normalize

MAX_FA_NEUTRAL = 0.05
MAX_FA_OTHER = 0.08
DEFAULT = {"C": 10.0, "lo": 2, "hi": 4, "keep": 1500, "shortest": 60, "binary": False}
SETTINGS = [
    {"C": 10.0},
    {"C": 30.0, "hi": 3},
    {"C": 30.0},
    {"C": 100.0},
    {"C": 300.0},
]
MORE = [
    *({"C": c, "hi": 3} for c in (0.3, 1.0, 3.0, 100.0, 300.0)),
    *({"C": c} for c in (0.3, 1.0, 3.0, 1000.0)),
    *({"C": c, "keep": k} for c in (30.0, 100.0, 300.0) for k in (0, 800, 4000)),
    *({"C": c, "shortest": s} for c in (30.0, 100.0) for s in (1, 20)),
    *({"C": c, "shortest": 0} for c in (30.0, 100.0)),  # 0: counts not scaled
    *({"C": c, "binary": True} for c in (30.0, 100.0, 300.0)),
]

Scorer = Callable[[list[dict], list[dict]], list[float]]


def _grams(lo: int, hi: int) -> Callable[[str], list[str]]:
    def grams(s: str) -> list[str]:
        return [
            g
            for n in range(lo, hi + 1)
            for i in range(len(s) - n + 1)
            if (g := s[i : i + n]).strip() and "'" not in g
        ]

    return grams


def naive_bayes(fit_rows: list[dict], rows: list[dict]) -> list[float]:
    bias, weights = train(fit_rows)
    return [score(r["text"], bias, weights) for r in rows]


def logistic(setting: dict[str, Any]) -> Scorer:
    """A scorer fitted as the screening model is, with ``setting`` overriding ``DEFAULT``."""
    p = {**DEFAULT, **setting}

    def scorer(fit_rows: list[dict], rows: list[dict]) -> list[float]:
        import numpy as np
        from scipy.sparse import diags
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        grams = _grams(p["lo"], p["hi"])

        def scaled(vectorizer: Any, texts: list[str], fitting: bool = False) -> Any:
            x = vectorizer.fit_transform(texts) if fitting else vectorizer.transform(texts)
            if not p["shortest"]:
                return x
            positions = [sum(max(0, len(t) - n + 1) for n in range(p["lo"], p["hi"] + 1)) for t in texts]
            return diags([1.0 / math.sqrt(max(p["shortest"], k)) for k in positions]) @ x

        def fit(vectorizer: Any, fitting: bool = False) -> Any:
            return LogisticRegression(
                C=p["C"], max_iter=5000, class_weight="balanced", fit_intercept=False
            ).fit(scaled(vectorizer, texts, fitting), crisis)

        texts = [normalize(r["text"]).text for r in fit_rows]
        crisis = np.array(["distress_self_harm" in r["labels"] for r in fit_rows])
        vectorizer = CountVectorizer(analyzer=grams, min_df=2, binary=p["binary"])
        model = fit(vectorizer, fitting=True)
        if p["keep"]:
            names, w = vectorizer.get_feature_names_out(), model.coef_[0]
            kept = [str(names[j]) for j in np.argsort(-np.abs(w))[: p["keep"]] if w[j] != 0]
            vectorizer = CountVectorizer(analyzer=grams, vocabulary=kept, binary=p["binary"])
            model = fit(vectorizer)
        return [
            float(v) for v in scaled(vectorizer, [normalize(r["text"]).text for r in rows]) @ model.coef_[0]
        ]

    return scorer


def leave_one_writer_out(rows: list[dict], scorer: Scorer) -> list[tuple[dict, float]]:
    out: list[tuple[dict, float]] = []
    for group in sorted({r["group"] for r in rows}):
        mine = [r for r in rows if r["group"] == group]
        out += zip(mine, scorer([r for r in rows if r["group"] != group], mine), strict=True)
    return out


def _flagged(
    scored: list[tuple[dict, float]], keep: Callable[[dict], bool], threshold: float
) -> tuple[int, int]:
    chosen = [s for r, s in scored if keep(r)]
    return sum(s > threshold for s in chosen), len(chosen)


def threshold(scored: list[tuple[dict, float]]) -> float:
    """The lowest pooled score above which the false-alarm limits hold."""
    for t in sorted({s for _, s in scored}):
        n, nn = _flagged(scored, lambda r: r["labels"] == ["neutral"], t)
        o, no = _flagged(scored, lambda r: "distress_self_harm" not in r["labels"], t)
        if n <= MAX_FA_NEUTRAL * nn and o <= MAX_FA_OTHER * no:
            return t
    return max(s for _, s in scored)


def report(name: str, scored: list[tuple[dict, float]], groups: bool) -> None:
    t = threshold(scored)

    def crisis(r: dict) -> bool:
        return "distress_self_harm" in r["labels"]

    recall = [
        _flagged(scored, lambda r, lang=lang: crisis(r) and lang in r["lang"], t) for lang in ("", "zh", "en")
    ]
    n, nn = _flagged(scored, lambda r: r["labels"] == ["neutral"], t)
    o, no = _flagged(scored, lambda r: not crisis(r), t)
    print(
        f"{name:44s} threshold {t:7.3f}  crisis {recall[0][0] / recall[0][1]:.3f} "
        f"(zh {recall[1][0] / recall[1][1]:.3f}, en {recall[2][0] / recall[2][1]:.3f})  "
        f"neutral flagged {n / nn:.3f}, non-crisis {o / no:.3f}",
        flush=True,
    )
    for group in sorted({r["group"] for r, _ in scored}) if groups else ():
        c, nc = _flagged(scored, lambda r, g=group: r["group"] == g and crisis(r), t)
        f, nf = _flagged(scored, lambda r, g=group: r["group"] == g and r["labels"] == ["neutral"], t)
        print(f"    {group:16s} crisis {c:3d}/{nc:3d}   neutral flagged {f:2d}/{nf:2d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="every setting tried, not only the main ones")
    parser.add_argument("--groups", action="store_true", help="figures per writer for naive Bayes")
    args = parser.parse_args()
    rows = training_rows()
    report("naive Bayes 2-3 (shipped)", leave_one_writer_out(rows, naive_bayes), args.groups)
    for setting in SETTINGS + (MORE if args.all else []):
        p = {**DEFAULT, **setting}
        name = f"logistic {p['lo']}-{p['hi']} C={p['C']:g} keep={p['keep']} shortest={p['shortest']}"
        report(
            name + (" binary" if p["binary"] else ""), leave_one_writer_out(rows, logistic(setting)), False
        )


if __name__ == "__main__":
    main()
