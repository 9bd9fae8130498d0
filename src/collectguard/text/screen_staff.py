"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report, so such a memo gets every check a message to an outsider gets."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from collectguard.text.lexicon_context import Context


def names_outsider(
    s: str, contexts: Iterable[Context], named: Callable[[], list[tuple[int, int]]] | None = None
) -> bool:
    """Whether normalised ``s`` names anyone outside the account, not counting the spans ``named`` gives:
    the words a memo quotes under a ban or a reviewer's verdict (不准说“子女不能上学”这些话) are named as
    words. ``named`` is asked only when an outsider is found at all."""
    contexts = tuple(contexts)
    if not any(ctx.outsiders.search(s) is not None for ctx in contexts):
        return False
    spans = named() if named is not None else []
    return not spans or any(ctx.outsiders.search(blanked(s, spans)) is not None for ctx in contexts)


def blanked(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with the spans spaced out, offsets kept."""
    chars = list(s)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
