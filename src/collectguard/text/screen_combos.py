"""Where the parts of a combo stand: the words of each group found, chained in order within a
window and a sentence, or (for a frame) present in any order across sentences.

Split from ``screen_context``: the context rules decide whether a hit counts; this module
decides whether a combo is a hit at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from collectguard.text.lexicon import Entry
from collectguard.text.screen_context import same_clause, same_sentence

__all__ = ["combo_atoms", "combo_chains", "frame_spans", "span_at"]


def combo_chains(
    s: str, complete: list[int], atoms: list[tuple[int, int, int, int]], entries: Sequence[Entry]
) -> list[tuple[Entry, int, int, int]]:
    """Chains of one hit per group, in order, within the combo's window and one sentence (or clause)."""
    out = []
    for idx in complete:
        entry = entries[idx]
        groups: list[list[tuple[int, int]]] = [[] for _ in range(entry.groups)]
        for a_idx, group, start, end in atoms:
            if a_idx == idx:
                groups[group].append((start, end))
        # a last group's word that starts another name (the police union) is passed over for a later one
        if entry.unless:
            groups[-1] = [h for h in groups[-1] if not _followed_by(s, h[1], entry.unless)]
        last_end = -1
        for first in sorted(groups[0]):
            if first[0] < last_end:
                continue
            chain_end, anchor = first[1], first[0]
            for hits in groups[1:]:
                nxt = next(
                    (h for h in sorted(hits) if h[0] >= chain_end and h[1] - first[0] <= entry.window), None
                )
                if nxt is None:
                    break
                chain_end, anchor = nxt[1], nxt[0]
            else:
                if same_sentence(s, first[0], chain_end) and (
                    not entry.same_clause or same_clause(s, first[0], chain_end, entry.lang)
                ):
                    out.append((entry, first[0], chain_end, anchor))
                    last_end = chain_end
    return out


def _followed_by(s: str, at: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` follows position ``at`` of ``s``, past spaces."""
    while at < len(s) and s[at] == " ":
        at += 1
    return s.startswith(words, at)


def _word_char(c: str) -> bool:
    return "a" <= c <= "z" or "0" <= c <= "9"


def span_at(s: str, n: int, end: int, length: int, left: bool, right: bool) -> tuple[int, int] | None:
    """The span of a key that ends at ``end``; English keys only as whole words, a stem (arrest+) as its word."""
    start, stop = end - length + 1, end + 1
    if left and start and _word_char(s[start - 1]):
        return None
    if right and stop < n and _word_char(s[stop]):
        return None
    if left and not right:
        while stop < n and _word_char(s[stop]):
            stop += 1
    return start, stop


def combo_atoms(
    s: str, groups: dict[int, tuple[tuple[int, Any, bool], ...]], wanted: set[int], entries: Sequence[Entry]
) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """Second pass, only for gated combos: (entry, group, start, end) of each atom, and the complete combos.

    Each group has its own small automaton (``Lexicon.groups``), the gate last; a combo stops at
    its first missing group, so most gated combos cost one short scan.
    """
    n = len(s)
    out: list[tuple[int, int, int, int]] = []
    complete = []
    for idx in wanted:
        found = []
        missing = 0
        parts = groups[idx]
        for g, automaton, bounded in parts:
            if bounded:
                hits = []
                for end, (length, left, right) in automaton.iter(s):
                    sp = span_at(s, n, end, length, left, right)
                    if sp is not None:
                        hits.append((idx, g, sp[0], sp[1]))
            else:
                hits = [(idx, g, end - v[0] + 1, end + 1) for end, v in automaton.iter(s)]
            if not hits:
                missing += 1
                need = entries[idx].need  # a chain stops at its first missing group, a frame when short
                if not need or len(parts) - missing < need:
                    break
            found.extend(hits)
        else:
            complete.append(idx)
            out.extend(found)
    return out, complete


def frame_spans(
    s: str, complete: list[int], atoms: list[tuple[int, int, int, int]], entries: Sequence[Entry]
) -> list[tuple[Entry, int, int, int]]:
    """Frames: the gate group and need - 1 other groups, any order, within the window (anchor: the last part)."""
    out = []
    for idx in complete:
        entry = entries[idx]
        hits = sorted((start, end, group) for a_idx, group, start, end in atoms if a_idx == idx)
        gate = entry.gate
        for start, end, group in hits:
            if group != gate:
                continue
            near = [h for h in hits if h[0] >= end - entry.window and h[1] <= start + entry.window]
            chosen = {group: (start, end)}
            for h in sorted(near, key=lambda h: abs(h[0] - start)):
                # each part its own words: 再打 inside 别再打 is not a second part
                if h[2] not in chosen and not any(h[0] < b and a < h[1] for a, b in chosen.values()):
                    lo = min(h[0], *(a for a, _ in chosen.values()))
                    hi = max(h[1], *(b for _, b in chosen.values()))
                    if hi - lo <= entry.window:
                        chosen[h[2]] = (h[0], h[1])
            if len(chosen) >= entry.need:
                lo = min(a for a, _ in chosen.values())
                hi = max(b for _, b in chosen.values())
                # the anchor is the last part; the screener also looks for a negation before the first
                last = max(a for a, _ in chosen.values())
                # the finding names the parts that made it, in reading order
                parts = " · ".join(s[a:b] for a, b in sorted(chosen.values()))
                # every gate hit may make its own frame: a negated first one must not hide a later one
                out.append((replace(entry, text=parts), lo, hi, last))
    return out
