"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report, so such a memo gets every check a message to an outsider gets."""

from __future__ import annotations

from collections.abc import Iterable

from collectguard.text.lexicon import Context
from collectguard.text.normalize import Offsets
from collectguard.text.screen_quotes import ban_spans, has_quotes
from collectguard.text.screen_reviews import condemned_spans


def names_outsider(s: str, contexts: Iterable[Context], noting: str = "", offs: Offsets = None) -> bool:
    """Whether normalised ``s`` names anyone outside the account, not counting the words a memo quotes under
    a ban or a reviewer's verdict (不准说“子女不能上学”这些话): those are named as words. ``noting``: the
    original text (quotes kept) and ``offs`` its offsets, when the quotes are to be looked at."""
    contexts = tuple(contexts)
    if not any(ctx.outsiders.search(s) is not None for ctx in contexts):
        return False
    if not (noting and has_quotes(noting)):
        return True
    named = [
        sp for ctx in contexts for find in (ban_spans, condemned_spans) for sp in find(s, ctx, noting, offs)
    ]
    return not named or any(ctx.outsiders.search(blanked(s, named)) is not None for ctx in contexts)


def blanked(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with the spans spaced out, offsets kept."""
    chars = list(s)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
