"""Split a call transcript into the collector's turns, so only what the collector said is screened.

A ``text`` cell is either one message or a transcript whose lines start with a speaker
label (``催收员：``, ``坐席:``, ``collector:``, ``借款人：``, ``customer:`` …). A borrower's
words are not the collector's conduct, so only collector turns are screened; a text
without any label is one message. Offsets stay those of the original text.
"""

from __future__ import annotations

import re

_COLLECTOR = r"催收员|催收|坐席|客服|业务员|collector|agent|rep"
_OTHER = r"借款人|客户|债务人|担保人|联系人|borrower|customer|debtor|guarantor|contact"
_LABEL = re.compile(rf"^[ \t]*(?:(?P<collector>{_COLLECTOR})|(?:{_OTHER}))[ \t]*[:：][ \t]*", re.IGNORECASE)


def collector_turns(text: str) -> list[tuple[int, str]]:
    """``(offset, turn)`` pairs to screen: collector lines of a transcript, else the whole text."""
    turns: list[tuple[int, str]] = []
    labelled = False
    offset = 0
    for line in text.splitlines(keepends=True):
        match = _LABEL.match(line)
        if match:
            labelled = True
            if match.group("collector"):
                body = line[match.end() :].rstrip("\r\n")
                if body.strip():
                    turns.append((offset + match.end(), body))
        offset += len(line)
    return turns if labelled else [(0, text)]


__all__ = ["collector_turns"]
