"""Memos to staff. A QA desk's note names the debt to a colleague, which discloses nothing; a note that
sends the colleague to a relative or an employer, or scripts lines for them (联系王强的妻子，告诉她…,
对紧急联系人话术：…, "tell his wife that…"), is screened as what will be said to that person."""

from __future__ import annotations

from collections.abc import Iterable

from collectguard.text.lexicon import Context

_BAN_REACH = 12  # characters before the verb a ban may stand in (不得联系家属, "don't ever call his boss")


def sends_to_outsider(s: str, contexts: Iterable[Context]) -> bool:
    """Whether normalised ``s`` sends its reader to someone outside the account, not under a ban right
    before the verb (勿联系家属, 不得对紧急联系人说…, "never call his family" send no one)."""
    for ctx in contexts:
        for m in ctx.staff_directive.finditer(s):
            if ctx.staff_bans.search(s[max(0, m.start() - _BAN_REACH) : m.start()]) is None:
                return True
    return False
