"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report, so such a memo gets every check a message to an outsider gets."""

from __future__ import annotations

from collections.abc import Iterable

from collectguard.text.lexicon import Context


def names_outsider(s: str, contexts: Iterable[Context]) -> bool:
    """Whether normalised ``s`` names anyone outside the account."""
    return any(ctx.outsiders.search(s) is not None for ctx in contexts)
