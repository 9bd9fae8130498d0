"""Screening speed: full screening beside a raw pyahocorasick scan of the same lexicon, one core.

    python bench/screen_bench.py [--n 100000] [--mode rules|rules+model]

The messages are 40-120 characters, composed from the screening corpus (both languages,
compliant and violating, evasions included). Two mixes are measured: field-like, where
15% of the messages are seeded from violating ones (most drafts a team sends are
compliant), and the corpus's own mix (about two thirds violating), the worst case.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ahocorasick

from collectguard.text.lexicon import load_lexicon
from collectguard.text.screen import Screener

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "screening" / "corpus.jsonl"


def messages(n: int, violating: float | None = 0.15, seed: int = 7) -> list[str]:
    """``n`` messages of 40-120 chars; ``violating`` is the share seeded from violating texts (None: as in the corpus)."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    pools = {
        (lang, bad): [r["text"] for r in rows if r["lang"] == lang and (r["labels"] != ["compliant"]) == bad]
        for lang in ("zh", "en")
        for bad in (False, True)
    }
    every = {lang: pools[(lang, False)] + pools[(lang, True)] for lang in ("zh", "en")}
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        lang = "zh" if rng.random() < 0.75 else "en"
        pool = every[lang] if violating is None else pools[(lang, rng.random() < violating)]
        text = rng.choice(pool)
        while len(text) < 40:
            text += ("" if lang == "zh" else " ") + rng.choice(pools[(lang, False)])
        out.append(text[: rng.randint(40, 120)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--mode", choices=["rules", "rules+model"], default="rules+model")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    args = parser.parse_args()
    screener = Screener.load(("cn",), mode=args.mode)
    automaton = _raw_automaton()
    for title, share in (("field-like mix, 15% violating", 0.15), ("corpus mix", None)):
        print(f"== {title}")
        run(screener, automaton, messages(args.n, share), args.mode, args.repeat)


def _raw_automaton() -> Any:
    """The baseline: one pyahocorasick automaton over every key of the lexicon, nothing else."""
    automaton = ahocorasick.Automaton()
    for key in load_lexicon().keys:
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Best (lowest) CPU and wall time of ``repeat`` runs: other processes only ever add time."""
    best_cpu = best_wall = float("inf")
    out: object = None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        out = fn()
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall, out


def run(screener: Screener, automaton: Any, texts: list[str], mode: str, repeat: int) -> None:
    chars = sum(len(t) for t in texts)
    for t in texts[:2000]:  # warm up caches
        screener.screen(t)

    def full_pass() -> list[str]:
        return [screener.screen(t).verdict for t in texts]

    def raw_pass() -> int:
        hits = 0
        for t in texts:
            for _ in automaton.iter(t):
                hits += 1
        return hits

    # CPU time of this process: on a shared machine wall time also counts other processes' turns.
    full, full_wall, verdicts = _timed(full_pass, repeat)
    raw, raw_wall, hits = _timed(raw_pass, repeat)
    flagged = sum(v != "pass" for v in verdicts)  # type: ignore[union-attr]
    n = len(texts)
    print(
        f"{n} messages, {chars} chars (mean {chars / n:.0f}), {flagged} flagged, mode {mode}, best of {repeat}"
    )
    print(f"full screening   {n / full:>12,.0f} msgs/s {chars / full:>14,.0f} chars/s")
    print(f"raw automaton    {n / raw:>12,.0f} msgs/s {chars / raw:>14,.0f} chars/s  ({hits} raw hits)")
    print(f"ratio full/raw   {raw / full:.3f}")
    print(f"(CPU time; wall clock: full {n / full_wall:,.0f}, raw {n / raw_wall:,.0f} msgs/s)")


if __name__ == "__main__":
    main()
