"""Train the crisis model (data/signals/crisis_ngram.json), or with ``--signal anger`` the anger
model (data/signals/anger_ngram.json), from this corpus.

Naive-Bayes log-odds per character 2- and 3-gram of the normalised text, replies with the signal
against all others, plus a logistic regression on the reply's word-vector meaning
(``collectguard.text.meaning``, added times ``MEANING_SCALE``), trained on every split of
``replies.jsonl`` except ``last`` (held out for evaluation) and on the hand-written development
parts listed in ``parts.yaml`` (each measured as unseen before it was used); the sealed
hand-written held-out parts listed there are never read. The decision threshold is chosen by
leaving one writer out (each split of ``replies.jsonl`` and each hand-written development file,
per language): the lowest threshold whose left-out false alarms stay within ``LIMITS``, counted on
the replies the model judges at run time (those no cue of its signal flags), so the threshold is
never chosen on the held-out part.

    pip install -e ".[train]"
    python corpora/replies/train_crisis_model.py     # prints CV figures, writes the model
    python corpora/replies/train_crisis_model.py --signal anger

The anger model is fitted the same way on every development part but those ``parts.yaml``
lists under ``not_for_anger_model`` (the crisis model's exclusions are about crisis replies),
with a stricter limit on its false alarms (``LIMITS``): anger changes no account state, it only
brings the de-escalation playbook, so a false alarm costs more than a miss is worth.

The meaning weight and its scale were chosen by leaving one writer out. On the replies no cue
flags, recall at the same false alarms was 0.914 with the n-grams alone, and 0.935 with the
meaning added at scale 1 and C=10. Scales of 2 to 5 and C of 3 to 30 were no better.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from collectguard.text.normalize import normalize

HERE = Path(__file__).parent
SIGNALS = HERE.parent.parent / "src" / "collectguard" / "data" / "signals"
#: the file each model is written to
OUT = {"distress_self_harm": SIGNALS / "crisis_ngram.json", "anger": SIGNALS / "anger_ngram.json"}
_MANIFEST = yaml.safe_load((HERE / "parts.yaml").read_text(encoding="utf-8"))
HELD_OUT: str = _MANIFEST["held_out_split"]


def _development_without(excluded: str) -> tuple[str, ...]:
    """The development parts but those ``parts.yaml`` lists under ``excluded`` (with the reason)."""
    return tuple(d for d in _MANIFEST["development"] if d not in _MANIFEST.get(excluded, ()))


DEVELOPMENT = _development_without("not_for_crisis_model")
ANGER_PARTS = _development_without("not_for_anger_model")
#: left-out false alarms allowed, on neutral replies and on replies with other signals
LIMITS = {"distress_self_harm": (0.05, 0.08), "anger": (0.02, 0.03)}
MIN_COUNT = 2
MIN_WEIGHT = 0.3
MEANING_SCALE = 1.0
MEANING_C = 10.0


def grams(text: str) -> set[str]:
    """Character 2- and 3-grams; none with an apostrophe: contractions (n't, 'm) say nothing of a
    crisis, yet crisis replies use them more, so they made "I can't afford it" score high."""
    s = normalize(text).text
    return {g for n in (2, 3) for i in range(len(s) - n + 1) if (g := s[i : i + n]).strip() and "'" not in g}


def train(rows: list[dict], positive: str = "distress_self_harm") -> tuple[float, dict[str, float]]:
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    n_pos = n_neg = 0
    for row in rows:
        g = grams(row["text"])
        if positive in row["labels"]:
            pos.update(g)
            n_pos += 1
        else:
            neg.update(g)
            n_neg += 1
    bias = math.log(n_pos / n_neg)
    weights = {}
    for gram in set(pos) | set(neg):
        if pos[gram] + neg[gram] < MIN_COUNT:
            continue
        w = math.log((pos[gram] + 0.5) / (n_pos + 1)) - math.log((neg[gram] + 0.5) / (n_neg + 1))
        if abs(w) >= MIN_WEIGHT:
            weights[gram] = round(w, 3)
    return bias, weights


def score(text: str, bias: float, weights: dict[str, float]) -> float:
    return bias + sum(weights.get(g, 0.0) for g in grams(text))


def _embed(rows: list[dict], vectors: Any) -> None:
    """Each row's meaning vector, once (as ``_flag_cues`` marks each row's cues once)."""
    for row, vector in zip(rows, vectors.embed([normalize(r["text"]).text for r in rows]), strict=True):
        row["meaning"] = vector


def fit_meaning(rows: list[dict], positive: str = "distress_self_harm") -> tuple[float, list[float]]:
    """Intercept and weights of a class-balanced logistic regression on the rows' meaning vectors."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    crisis = np.array([positive in r["labels"] for r in rows])
    fitted = LogisticRegression(C=MEANING_C, max_iter=5000, class_weight="balanced").fit(
        np.array([r["meaning"] for r in rows]), crisis
    )
    return float(fitted.intercept_[0]), [float(w) for w in fitted.coef_[0]]


def _cv_scores(rows: list[dict], positive: str = "distress_self_harm") -> list[tuple[dict, float]]:
    """Every row scored by a model fitted without its writer (``group``): a new writer's phrasing,
    not a new family of a known writer, is what the model meets in the field."""
    out = []
    for group in sorted({r["group"] for r in rows}):
        others = [r for r in rows if r["group"] != group]
        mine = [r for r in rows if r["group"] == group]
        bias, weights = train(others, positive)
        m_bias, m_weights = fit_meaning(others, positive)
        out += [
            (r, score(r["text"], bias, weights) + MEANING_SCALE * (float(r["meaning"] @ m_weights) + m_bias))
            for r in mine
        ]
    return out


def _rates(
    scored: list[tuple[dict, float]], threshold: float, positive: str = "distress_self_harm"
) -> tuple[float, float, float]:
    """Recall, and false alarms on neutral replies and on replies with other signals, among the
    replies the model judges: those no cue of its signal flags (the model runs only then)."""
    judged = [(r, s) for r, s in scored if not r["cue_flag"]]
    found = [s for r, s in judged if positive in r["labels"]]
    neutral = [s for r, s in judged if r["labels"] == ["neutral"]]
    other = [s for r, s in judged if positive not in r["labels"]]
    recall = sum(s > threshold for s in found) / len(found) if found else 1.0
    return (
        recall,
        sum(s > threshold for s in neutral) / len(neutral),
        sum(s > threshold for s in other) / len(other),
    )


def _flag_cues(rows: list[dict], positive: str = "distress_self_harm") -> None:
    """Mark the rows a cue of the signal already flags: the model never sees them at run time, so
    its false alarms are counted on the others (its threshold was once chosen on all replies,
    which charged it with alarms the cues had already raised)."""
    from collectguard.text.signals import detect

    for row in rows:
        row["cue_flag"] = any(s.type == positive for s in detect(row["text"], weak=False))


def training_rows(parts: tuple[str, ...] = DEVELOPMENT) -> list[dict]:
    """Every training row, with the writer it came from (``group``): a split of the template
    corpus or a hand-written development file, per language."""
    rows = [json.loads(line) for line in (HERE / "replies.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row["group"] = f"{row['split']}_{row['lang']}"
    written = []
    for name in parts:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line:
                row = json.loads(line)
                row["group"] = f"{Path(name).stem}_{row['lang']}"
                written.append(row)
    return [r for r in rows if r["split"] != HELD_OUT] + written


def main() -> None:
    from collectguard.text.meaning import SOURCE, vectors

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signal", choices=sorted(OUT), default="distress_self_harm")
    signal = parser.parse_args().signal
    max_neutral, max_other = LIMITS[signal]
    parts = DEVELOPMENT if signal == "distress_self_harm" else ANGER_PARTS
    table = vectors()
    training = training_rows(parts)
    _flag_cues(training, signal)
    _embed(training, table)
    scored = _cv_scores(training, signal)
    threshold = next(
        (
            t / 10
            for t in range(-100, 300)
            if _rates(scored, t / 10, signal)[1] <= max_neutral and _rates(scored, t / 10, signal)[2] <= max_other
        ),
        None,
    )
    if threshold is None:
        raise SystemExit("no threshold up to 29.9 keeps the left-out false alarms within the limits")
    recall, fa_neutral, fa_other = _rates(scored, threshold, signal)
    positives = [(r, s) for r, s in scored if signal in r["labels"]]
    combined = sum(r["cue_flag"] or s > threshold for r, s in positives) / len(positives)
    alone = sum(s > threshold for _, s in positives) / len(positives)
    print(f"leave-one-writer-out on {len(training)} training replies: threshold {threshold}")
    print(
        f"  on the replies no {signal} cue flags: recall {recall:.3f}, false alarms neutral "
        f"{fa_neutral:.3f}, other signals {fa_other:.3f}; cues and model together: recall {combined:.3f}; "
        f"the model alone on every {signal} reply: {alone:.3f}"
    )
    bias, weights = train(training, signal)
    m_bias, m_weights = fit_meaning(training, signal)
    model = {
        "version": "2026.11",
        "trained_on": f"corpora/replies splits except {HELD_OUT!r}, and {' and '.join(parts)}; char 2-3-grams, naive-Bayes log-odds; meaning: logistic regression on word vectors",
        "signal": signal,
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": dict(sorted(weights.items())),
        "meaning": {
            "source": SOURCE,
            "fingerprint": table.fingerprint(),
            "scale": MEANING_SCALE,
            "bias": round(m_bias, 5),
            "weights": [round(w, 5) for w in m_weights],
        },
    }
    OUT[signal].write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT[signal].name}: {len(weights)} n-grams")


if __name__ == "__main__":
    main()
