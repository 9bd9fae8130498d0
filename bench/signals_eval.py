"""Recall per signal and false alarms on neutral replies, on the team's corpus and on field data.

    python bench/signals_eval.py                 # corpus train + test, and the shared dev file
    python bench/signals_eval.py --misses test   # also list what the test part missed

The corpus (corpora/replies/replies.jsonl) is split by template family; the test part was
written apart from the lexicon. ../shared/data/collection_texts_dev.jsonl (borrower side),
when present, is real text nobody on the team wrote: its figures are printed separately.
The hand-written parts are listed in corpora/replies/parts.yaml: development parts (their misses
may be listed; each from handwritten2 on was measured as unseen before it was used) and held-out
parts written by hand before their authors read the lexicons, printed last, as aggregates only
(no option lists their misses).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import yaml

from collectguard.text.signals import SIGNAL_TYPES, Signal, detect

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "corpora" / "replies"
CORPUS = HERE / "replies.jsonl"
# The hand-written parts are listed once, in corpora/replies/parts.yaml: rules may be tuned on the
# development parts' misses; the held-out parts give aggregate figures only, their misses are
# never listed, so nothing can be tuned on them.
_MANIFEST = yaml.safe_load((HERE / "parts.yaml").read_text(encoding="utf-8"))
DEVELOPMENT = {Path(name).stem: HERE / name for name in _MANIFEST["development"]}
HELD_OUT = {Path(name).stem: HERE / name for name in _MANIFEST["held_out"]}
DEV = ROOT.parent / "shared" / "data" / "collection_texts_dev.jsonl"


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _layer(cue: str) -> str:
    if cue.startswith("weak cues"):
        return "weak-cue combination"
    return "n-gram model" if cue.startswith("n-gram model") else "cue lexicon"


def _alarm(s: Signal) -> str:
    """How a false alarm is counted: a crisis by the layer that found it, the anger model apart."""
    if s.type == "distress_self_harm":
        return _layer(s.cue)
    return "anger model" if s.type == "anger" and s.origin == "model" else s.type


def evaluate(rows: list[dict[str, object]], title: str, show_misses: bool) -> None:
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    extra = 0
    neutral = alarms = 0
    misses: list[str] = []
    layer: Counter[str] = Counter()
    anger_layer: Counter[str] = Counter()
    alarm_types: Counter[str] = Counter()
    for row in rows:
        labels = {str(x) for x in row["labels"]} - {"neutral"}  # type: ignore[attr-defined]
        signals = detect(str(row["text"]))
        found = {s.type for s in signals}
        for s in signals:
            if s.type == "distress_self_harm":
                layer[_layer(s.cue)] += 1
            elif s.type == "anger":
                anger_layer["anger model" if s.origin == "model" else "cue lexicon"] += 1
        if not labels:
            neutral += 1
            if found:
                alarms += 1
                alarm_types.update(map(_alarm, signals))
                misses.append(f"  false alarm {sorted(found)}: {row['text']}")
            continue
        extra += len(found - labels)
        for label in labels:
            total[label] += 1
            if label in found:
                hit[label] += 1
            else:
                misses.append(f"  missed {label}: {row['text']}")
    print(f"\n{title}: {len(rows)} replies, {neutral} neutral")
    print(f"  {'signal':<22}{'recall':>8}{'found':>8}{'of':>6}")
    for signal in SIGNAL_TYPES:
        if total[signal]:
            print(f"  {signal:<22}{hit[signal] / total[signal]:>8.3f}{hit[signal]:>8}{total[signal]:>6}")
    if neutral:
        print(f"  false alarms on neutral: {alarms}/{neutral} = {alarms / neutral:.3f}")
        if alarm_types:
            print("  false-alarm signals: " + ", ".join(f"{k} {v}" for k, v in sorted(alarm_types.items())))
    print(f"  extra signal types on labelled replies: {extra}")
    if layer:
        print("  crisis signals by layer: " + ", ".join(f"{k} {v}" for k, v in sorted(layer.items())))
    if anger_layer:
        print("  anger signals by layer: " + ", ".join(f"{k} {v}" for k, v in sorted(anger_layer.items())))
    if show_misses:
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses",
        choices=["train", "test", "unseen", "fresh", "final", *DEVELOPMENT, "dev", "all"],
        default=None,
    )
    parser.add_argument(
        "--no-held-out",
        action="store_true",
        help="leave the held-out parts (and the corpus split last) out while tuning",
    )
    args = parser.parse_args()
    rows = _rows(CORPUS)
    for split in ("train", "test", "unseen", "fresh", "final", "last"):
        if split == "last" and args.no_held_out:  # held out: the crisis model never trains on it
            continue
        for lang in ("zh", "en"):
            part = [r for r in rows if r["split"] == split and r["lang"] == lang]
            # last is held out from the crisis model: its misses are never listed, not even by "all"
            evaluate(part, f"corpus {split} {lang}", split != "last" and args.misses in (split, "all"))
        evaluate([r for r in rows if r["split"] == split], f"corpus {split} (all)", False)
    for name, path in DEVELOPMENT.items():
        if path.exists():
            written = _rows(path)
            for lang in ("zh", "en"):
                part = [r for r in written if r["lang"] == lang]
                evaluate(part, f"development {name} {lang}", args.misses in (name, "all"))
            evaluate(written, f"development {name} (all)", False)
    for name, path in HELD_OUT.items():
        if path.exists() and not args.no_held_out:
            held = _rows(path)
            for lang in ("zh", "en"):
                evaluate([r for r in held if r["lang"] == lang], f"held-out {name} {lang}", False)
            evaluate(held, f"held-out {name} (all)", False)
    if DEV.exists():
        dev = [r for r in _rows(DEV) if r.get("side") == "borrower"]
        for lang in ("zh", "en"):
            evaluate(
                [r for r in dev if r["lang"] == lang], f"field dev {lang}", args.misses in ("dev", "all")
            )
        evaluate(dev, "field dev (all borrower replies)", False)
    else:
        print(f"\n(field data {DEV} absent: skipped)")


if __name__ == "__main__":
    main()
