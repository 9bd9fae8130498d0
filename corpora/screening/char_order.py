"""Write the characters of collector messages, most frequent first, for laying out the automata.

pyahocorasick keeps a node's children in the order the keys were added and looks a character up
by walking that list, so the screener adds its keys in this order: the common characters of a
message (，我你的还) are found after a few steps instead of a walk through hundreds of others.
The order changes only speed, never what is found. It is counted on the development parts of the
screening corpus (the held-out parts are never read), normalised as the screener sees them.

    python corpora/screening/char_order.py   # writes src/collectguard/data/lexicons/char_order.json
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from train_ngram import development_rows  # the same parts the models learn from, held-out ones never

from collectguard.text.normalize import normalize_text

OUT = (
    Path(__file__).resolve().parent.parent.parent
    / "src"
    / "collectguard"
    / "data"
    / "lexicons"
    / "char_order.json"
)
KEEP = 600  # beyond these, characters are rare enough that their place makes no difference


def counts() -> Counter[str]:
    """Characters of every development message, normalised without the variant pass."""
    seen: Counter[str] = Counter()
    for row in development_rows():
        seen.update(normalize_text(row["text"], variants=False)[0])
    return seen


def main() -> None:
    chars = "".join(c for c, _ in counts().most_common(KEEP))
    data = {"version": "2026.11", "counted_on": "corpora/screening development parts", "chars": chars}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(chars)} characters")


if __name__ == "__main__":
    main()
