"""The order in which keys go into a pyahocorasick trie: common characters first.

pyahocorasick keeps a node's children in the order their keys were added and finds the child
for a character by walking that list. Keys added in the order of
``data/lexicons/char_order.json`` (written by ``corpora/screening/char_order.py`` from the
development parts) put the common characters of messages at the front, so the walk for them is
short: an n-gram model scores a message in about 15 µs instead of 18. The order changes only
speed: a trie reports the same hits, in the same order, whatever order its keys were added in.
Automata over a whole lexicon do not need it: ``multimatch`` gives them a table-driven engine.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated

__all__ = ["common_first"]


class _OrderFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    version: str
    counted_on: str
    chars: str  # most frequent first


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    path = Path(str(resources.files("collectguard") / "data" / "lexicons" / "char_order.json"))
    if not path.exists():  # only slower
        return {}
    chars = load_validated(path, _OrderFile, label=f"lexicons/{path.name}").chars
    return {c: i for i, c in reversed(list(enumerate(chars)))}  # a repeated character keeps its first place


def common_first(word: str) -> tuple[int, ...]:
    """Sort key for the words of a trie: by the rank of each character in turn, rare ones last."""
    ranks = _ranks()
    rare = len(ranks)
    return tuple(ranks.get(c, rare) for c in word)
