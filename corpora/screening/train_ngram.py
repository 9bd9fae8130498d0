"""Train the optional character n-gram model from the development part of the corpus only.

Per category, a Bernoulli log-odds weight for every character 2-4-gram of the normalised text
(document frequency in messages of that category against all other messages, add-one
smoothing); the positive n-grams seen in at least three messages of the category are kept,
strongest first. The threshold is chosen by leave-family-out cross-validation on the
development part: the lowest score at which fewer than 1% of held-out compliant messages
would be flagged. The test part is never read.

    python corpora/screening/train_ngram.py   # writes src/collectguard/data/lexicons/ngram_model.json
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from collectguard.text.lexicon import CATEGORIES
from collectguard.text.ngram_model import build
from collectguard.text.normalize import normalize

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "src" / "collectguard" / "data" / "lexicons" / "ngram_model.json"
KEEP = 120
MIN_DOCS = 3
FOLDS = 3


def grams(text: str) -> set[str]:
    s = normalize(text).text
    return {s[i : i + n] for n in (2, 3, 4) for i in range(len(s) - n + 1) if not s[i : i + n].isspace()}


def train(rows: list[dict]) -> dict[str, dict[str, float]]:
    feats = [grams(r["text"]) for r in rows]
    weights: dict[str, dict[str, float]] = {}
    for category in CATEGORIES:
        pos = [f for f, r in zip(feats, rows, strict=True) if category in r["labels"]]
        neg = [f for f, r in zip(feats, rows, strict=True) if category not in r["labels"]]
        if len(pos) < MIN_DOCS:
            continue
        pc, nc = Counter(g for f in pos for g in f), Counter(g for f in neg for g in f)
        scored = {}
        for g, k in pc.items():
            if k < MIN_DOCS:
                continue
            w = math.log((k + 1) / (len(pos) + 2)) - math.log((nc[g] + 1) / (len(neg) + 2))
            if w > 1.0:
                scored[g] = round(w, 3)
        weights[category] = dict(sorted(scored.items(), key=lambda kv: -kv[1])[:KEEP])
    return weights


def best_threshold(rows: list[dict]) -> float:
    families = sorted({r["family"] for r in rows})
    compliant_scores: list[float] = []
    for k in range(FOLDS):
        held = {f for i, f in enumerate(families) if i % FOLDS == k}
        model = build(train([r for r in rows if r["family"] not in held]), threshold=0.0)
        for r in rows:
            if r["family"] in held and r["labels"] == ["compliant"]:
                s = normalize(r["text"]).text
                compliant_scores.append(max(_scores(model, s).values(), default=0.0))
    compliant_scores.sort()
    return round(compliant_scores[int(len(compliant_scores) * 0.99)] + 0.01, 3)


def _scores(model, s: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    out: dict[str, float] = {}
    for _, values in model.automaton.iter(s):
        for category, weight, _length in values:
            out[category] = out.get(category, 0.0) + weight
    return out


def main() -> None:
    rows = [
        json.loads(line) for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    dev = [r for r in rows if r["split"] == "dev"]
    threshold = best_threshold(dev)
    weights = train(dev)
    OUT.write_text(
        json.dumps(
            {
                "version": "2026.11",
                "trained_on": f"corpora/screening dev part ({len(dev)} messages)",
                "threshold": threshold,
                "weights": weights,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"trained on {len(dev)} dev messages; threshold {threshold}; {sum(len(w) for w in weights.values())} n-grams -> {OUT}"
    )


if __name__ == "__main__":
    main()
