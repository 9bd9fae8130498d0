"""Turn a screening result into what the composer shows: highlighted segments and one rewrite.

Each finding carries a suggested compliant version of its sentence. The rewrite replaces
every sentence that holds a finding by that suggestion, keeping the sentences without
findings as the collector wrote them.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["compliant_rewrite", "segments"]

#: a sentence ends at Chinese or Western end punctuation, or a line break
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def compliant_rewrite(text: str, findings: list[dict[str, Any]]) -> str | None:
    """The text with each flagged sentence replaced by its finding's suggestion; None when none."""
    usable = [f for f in findings if f.get("suggestion") and isinstance(f.get("start"), int)]
    if not usable:
        return None
    pieces = []
    for start, end in _sentences(text):
        inside = [f for f in usable if start <= f["start"] < end]
        if not inside:
            pieces.append(text[start:end])
            continue
        suggestion = str(inside[0]["suggestion"]).strip()
        if suggestion not in pieces:
            pieces.append(suggestion)
    return "".join(pieces).strip()


def segments(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain and flagged pieces (overlaps merged), for highlighting."""
    marks = sorted(
        (int(f["start"]), int(f["end"]), str(f.get("category", "")))
        for f in findings
        if isinstance(f.get("start"), int) and isinstance(f.get("end"), int) and f["end"] > f["start"]
    )
    out: list[dict[str, Any]] = []
    pos = 0
    for start, end, category in marks:
        start = max(start, pos)
        if end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "category": None})
        out.append({"text": text[start:end], "category": category})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "category": None})
    return out
