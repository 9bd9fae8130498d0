"""Release phrases: words elsewhere in a reply that take a signal back ("不是说你们" after 气死我了,
"现在出院了" after 住院). Kept apart from detection because they act on what was found, not on cues."""

from __future__ import annotations

from collections.abc import Mapping

from collectguard.text.normalize import Normalized
from collectguard.text.signal_types import Signal

#: the automaton roles of release phrases: anywhere, before the phrase, a third person's before it (its subject, or
#: with ``named_before`` one named anywhere before the signal)
RELEASES = ("release", "release_before", "release_third", "release_named")
_NEGATOR_GAP = 2  # characters between a negator and the release it denies (不是个玩笑, not just joking)
Markers = Mapping[str, list[tuple[int, int, str]]]


def released(found: list[Signal], markers: Markers, norm: Normalized) -> list[Signal]:
    """Drop the signals a release phrase takes back: all of its types, or with ``before_only``
    those said before it or in it, or with ``third_person_only`` a third person's said before it (with ``named_before``,
    also one after a third person named anywhere before it: 我外婆住院了…钱我下周一还).
    A release right after a negator (这不是开玩笑) takes back nothing, nor one whose ``yields_to``
    words are in the reply (截图发你了 before 怎么还在催). Markers index the normalised text, signals
    the original."""

    def ends(role: str) -> list[tuple[int, str]]:
        return [(norm.to_original(start, end)[1], signal) for start, end, signal in live(markers, role)]

    everywhere = {signal for _, _, signal in live(markers, "release")}
    # a signal said before the phrase ends: 住院 in 现在出院了 is the hardship it says is over
    before = ends("release_before")
    third = ends("release_third")
    named = ends("release_named")
    kin = _kin_starts(markers, norm) if named else []

    def said_before(s: Signal, marks: list[tuple[int, str]]) -> bool:
        return any(s.type == signal and s.start < at for at, signal in marks)

    def third_persons(s: Signal) -> bool:
        return s.subject == "third_person" and said_before(s, third + named)

    def named_before(s: Signal) -> bool:
        return any(k < s.end for k in kin) and said_before(s, named)

    return [
        s
        for s in found
        if s.type not in everywhere
        and not said_before(s, before)
        and not third_persons(s)
        and not named_before(s)
    ]


def _kin_starts(markers: Markers, norm: Normalized) -> list[int]:
    """Where a third person is named (offsets of the original), outside the words that only look like one (其他)."""
    held = markers.get("third_person_exception", [])
    return [
        norm.to_original(start, end)[0]
        for start, end, _ in markers.get("third_person", [])
        if not any(hs <= start and end <= he for hs, he, _ in held)
    ]


def live(markers: Markers, role: str) -> list[tuple[int, int, str]]:
    """The release markers of ``role`` that no negator just before denies (这不是开玩笑), with those
    of ``role|list`` whose list has no word in the reply."""
    negators = markers.get("release_negator", [])
    found = [
        mark
        for key, marks in markers.items()
        if key == role or (key.startswith(role + "|") and not markers.get("need:" + key.partition("|")[2]))
        for mark in marks
    ]
    return [
        (start, end, signal)
        for start, end, signal in found
        if not any(ns < start and start - ne <= _NEGATOR_GAP for ns, ne, _ in negators)
    ]
