"""Screening quality: recall per category, share of violations caught, false positives on compliant.

    python bench/screen_eval.py [--split test|dev|all|<a part in corpora/screening/parts.yaml>] [--mode rules|rules+model]
                                [--show-misses]

First on the team's corpus (corpora/screening/corpus.jsonl, test part by default: template
families no rule was tuned on), then, when present, on the shared field texts
(../shared/data/collection_texts_dev.jsonl, collector side only), reported separately.
The shared file does not say to whom a message went, so those texts are screened as sent to the borrower.
Chinese messages are screened under the cn pack and English ones under us-regf, the packs their
labels were written by (they differ where the law does: a location call to a third party).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import yaml

from collectguard.text.lexicon import CATEGORIES
from collectguard.text.screen import Screener

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "corpora" / "screening"
CORPUS = HERE / "corpus.jsonl"
# The parts and the sealed splits are listed once, in corpora/screening/parts.yaml: a sealed
# split's misses are never listed, only aggregate figures.
_MANIFEST = yaml.safe_load((HERE / "parts.yaml").read_text(encoding="utf-8"))
HELD_OUT = {Path(name).stem: HERE / name for name in _MANIFEST["parts"] if name != CORPUS.name}
SEALED = frozenset(_MANIFEST["sealed"])
PACKS = {"zh": "cn", "en": "us-regf"}
SHARED = ROOT.parent / "shared" / "data" / "collection_texts_dev.jsonl"


def evaluate(rows: list[dict], screeners: dict[str, Screener], title: str, show_misses: bool) -> None:
    per_total: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    violating = caught = compliant = false_pos = 0
    misses: list[str] = []
    for row in rows:
        result = screeners[row["lang"]].screen(row["text"], to=row.get("to", "borrower"))
        found = {f.category for f in result.findings}
        labels = [lab for lab in row["labels"] if lab in CATEGORIES]
        if not labels:
            compliant += 1
            if result.verdict != "pass":
                false_pos += 1
                misses.append(f"  FP {row['id']}: {row['text'][:70]} -> {sorted(found)}")
            continue
        violating += 1
        caught += result.verdict != "pass"
        for lab in labels:
            per_total[lab] += 1
            per_hit[lab] += lab in found
            if lab not in found:
                misses.append(f"  miss {lab} {row['id']}: {row['text'][:70]} -> {sorted(found)}")
    print(f"\n== {title}: {len(rows)} messages ({violating} violating, {compliant} compliant)")
    for cat in CATEGORIES:
        if per_total[cat]:
            print(
                f"  recall {cat:<26} {per_hit[cat] / per_total[cat]:.3f}  ({per_hit[cat]}/{per_total[cat]})"
            )
    if violating:
        print(f"  violations caught                 {caught / violating:.3f}  ({caught}/{violating})")
    if compliant:
        print(f"  false positives on compliant      {false_pos / compliant:.3f}  ({false_pos}/{compliant})")
    if show_misses:
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev", "all", *HELD_OUT], default="test")
    parser.add_argument("--mode", choices=["rules", "rules+model"], default="rules+model")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if args.show_misses and args.split in SEALED:
        parser.error(f"the {args.split} part is held out: its misses are not listed")
    screener = {lang: Screener.load((pack,), mode=args.mode) for lang, pack in PACKS.items()}
    source = HELD_OUT.get(args.split, CORPUS)
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in rows if args.split in ("all", *HELD_OUT) or r["split"] == args.split]
    print(f"mode {args.mode}")
    for lang in ("zh", "en"):
        evaluate(
            [r for r in chosen if r["lang"] == lang], screener, f"corpus {args.split} part, {lang}", False
        )
    evaluate(chosen, screener, f"corpus {args.split} part, both languages", args.show_misses)
    if SHARED.exists():
        shared = [
            json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        shared = [r for r in shared if r.get("side") == "collector"]
        for lang in ("zh", "en"):
            part = [r for r in shared if r["lang"] == lang]
            evaluate(part, screener, f"shared field texts (collector side), {lang}", args.show_misses)
        evaluate(shared, screener, "shared field texts (collector side), both languages", False)
    else:
        print(f"\n(shared field texts not found at {SHARED}; skipped)")


if __name__ == "__main__":
    main()
