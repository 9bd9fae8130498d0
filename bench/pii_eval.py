"""Per-type precision, recall and F1 of ``collectguard.pii.analyze`` on exact spans.

    python bench/pii_eval.py                 # the test split of the generated corpus
    python bench/pii_eval.py --split dev     # the split used while tuning
    python bench/pii_eval.py --errors 20     # also print misses and false alarms

A predicted span counts only when type, start and end all equal a labelled span. When
``/work/shared/data/collection_texts_dev.jsonl`` (real texts, PII masked with ＊) is present,
the spans found there are listed too: every one is a false alarm or unmasked data.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from collectguard.pii import PII_TYPES, analyze
from pii_corpus import N_DOCS, SEED, Doc, load

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "collection_texts_dev.jsonl"

Spans = set[tuple[str, int, int]]


def ours(text: str) -> Spans:
    return {(s.type, s.start, s.end) for s in analyze(text, types=PII_TYPES)}


def score(docs: Sequence[Doc], predict: Callable[[str], Spans]) -> tuple[dict[str, Counter[str]], list[str]]:
    counts: dict[str, Counter[str]] = {t: Counter() for t in PII_TYPES}
    errors: list[str] = []
    for doc in docs:
        gold = {(str(s["type"]), int(s["start"]), int(s["end"])) for s in doc.spans}  # type: ignore[call-overload]
        pred = {p for p in predict(doc.text) if p[0] in counts}
        for t, _s, _e in gold & pred:
            counts[t]["tp"] += 1
        for t, s, e in gold - pred:
            counts[t]["fn"] += 1
            errors.append(f"MISS  {t:<9} {doc.text[s:e]!r:<40} in {doc.text!r}")
        for t, s, e in pred - gold:
            counts[t]["fp"] += 1
            errors.append(f"FALSE {t:<9} {doc.text[s:e]!r:<40} in {doc.text!r}")
    return counts, errors


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro_f1(counts: dict[str, Counter[str]]) -> float:
    return prf(sum(counts.values(), Counter()))[2]


def print_table(counts: dict[str, Counter[str]], title: str) -> None:
    print(title)
    print(f"  {'type':<10}{'gold':>6}{'tp':>6}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>8}")
    for t, c in counts.items():
        p, r, f = prf(c)
        print(
            f"  {t:<10}{c['tp'] + c['fn']:>6}{c['tp']:>6}{c['fp']:>5}{c['fn']:>5}{p:>11.4f}{r:>8.4f}{f:>8.4f}"
        )
    total = sum(counts.values(), Counter())
    p, r, f = prf(total)
    print(
        f"  {'micro':<10}{total['tp'] + total['fn']:>6}{total['tp']:>6}{total['fp']:>5}{total['fn']:>5}"
        f"{p:>11.4f}{r:>8.4f}{f:>8.4f}"
    )


def real_texts() -> Iterable[dict[str, str]]:
    if not REAL.exists():
        return []
    with REAL.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args()
    docs = load(args.split)
    t0 = time.perf_counter()
    counts, errors = score(docs, ours)
    elapsed = time.perf_counter() - t0
    n_spans = sum(len(d.spans) for d in docs)
    print_table(
        counts,
        f"collectguard.pii on the {args.split} split: {len(docs)} documents of {N_DOCS} "
        f"(seed {SEED}), {n_spans} labelled spans, exact-span matching",
    )
    print(f"  {len(docs) / elapsed:,.0f} documents/s in this process")
    for line in errors[: args.errors]:
        print(" ", line)
    real = list(real_texts())
    if real:
        found: Counter[str] = Counter()
        for item in real:
            for s in analyze(item["text"], types=PII_TYPES):
                found[s.type] += 1
                if args.errors:
                    print(f"  REAL {item['id']} {s.type} {item['text'][s.start : s.end]!r}")
        print(
            f"real texts ({REAL.name}, {len(real)} texts, personal data masked with ＊ at source): "
            f"spans reported {dict(found) or 0} — each one a false alarm or unmasked data"
        )
    else:
        print("real texts: ../shared/data/collection_texts_dev.jsonl not found, skipped")


if __name__ == "__main__":
    main()
