"""Turn a screening result into the highlighted segments the composer shows.

The compliant rewrite itself comes with the screening result (``ScreenResult.rewrite``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["segments"]


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
