"""The order in which keys go into an Aho-Corasick automaton: common characters first.

pyahocorasick keeps a node's children in the order their keys were added and finds the child
for a character by walking that list; the root of the screener's automaton has hundreds of
children, and every character of a message walks it. Keys added in the order of
``data/lexicons/char_order.json`` (written by ``corpora/screening/char_order.py``) put the common
characters of collector messages at the front. The order changes only speed: an automaton
reports the same hits, in the same order, whatever order its keys were added in.

A character that starts no key is the slowest of all: the walk goes through every child of the
root before giving up, and most characters of a Chinese message are such characters for the
screener's gate. ``padding`` gives each common one a key that no normalised message contains
(it ends in a zero-width space, which normalising removes), so the walk stops early for it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated

__all__ = ["PAD", "common_first", "padding"]

#: ends every padding key: normalising removes it, so a normalised message never contains one
PAD = "\u200b"


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
    """Sort key for the words of an automaton: by the rank of each character in turn, rare ones last."""
    ranks = _ranks()
    rare = len(ranks)
    return tuple(ranks.get(c, rare) for c in word)


def padding(keys: Iterable[str]) -> list[str]:
    """A key ``c + PAD`` for each common character ``c`` that starts none of ``keys``."""
    starts = {key[0] for key in keys if key}
    return [c + PAD for c in _ranks() if c not in starts and c != PAD]
