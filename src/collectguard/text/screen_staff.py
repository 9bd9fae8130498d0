"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report, so such a memo gets every check a message to an outsider gets."""

from __future__ import annotations

from collections.abc import Iterable

from collectguard.text.lexicon import Context
from collectguard.text.normalize import normalize_text
from collectguard.text.screen_quotes import has_quotes, unquoted


def names_outsider(s: str, contexts: Iterable[Context], original: str | None = None) -> bool:
    """Whether normalised ``s`` names anyone outside the account in its writer's own words: the people in
    words a memo quotes (不准说“子女不能上学”这些话) are named as words, not spoken of. ``original``: the
    text ``s`` was read from, its quotation marks kept."""
    contexts = tuple(contexts)
    if not any(ctx.outsiders.search(s) is not None for ctx in contexts):
        return False
    if original is None or not has_quotes(original):
        return True
    bare = normalize_text(unquoted(original), variants=False)[0]
    return any(ctx.outsiders.search(bare) is not None for ctx in contexts)
