"""Throughput of borrower-signal detection on one core: messages per second.

    python bench/signals_bench.py [--seconds 5]

Runs ``detect`` over the team's reply corpus (and the shared field file when present) in
a loop, after one warm-up pass that builds the lexicon; prints messages/s and µs/message.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from collectguard.text.signals import detect, shipped_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "replies" / "replies.jsonl"
DEV = ROOT.parent / "shared" / "data" / "collection_texts_dev.jsonl"


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    if DEV.exists():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    started = time.perf_counter()
    shipped_lexicon()
    build = time.perf_counter() - started
    texts = _texts()
    for text in texts:
        detect(text)
    count = 0
    chars = 0
    begin = time.perf_counter()
    while time.perf_counter() - begin < args.seconds:
        for text in texts:
            detect(text)
            chars += len(text)
        count += len(texts)
    elapsed = time.perf_counter() - begin
    print(f"lexicon build (once per process): {build * 1000:.0f} ms")
    print(f"messages: {count} in {elapsed:.2f} s on one core (mean length {chars / count:.0f} chars)")
    print(f"throughput: {count / elapsed:,.0f} messages/s, {elapsed / count * 1e6:.1f} µs/message")


if __name__ == "__main__":
    main()
