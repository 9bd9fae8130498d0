"""Call transcripts: only what the collector said is screened; findings point at turn and span.

A transcript is a list of turns ``{"speaker", "text", "at"?}``; the speaker is the collector
(``collector``, ``agent``, ``催收员``, ``坐席``) or anyone else (the borrower's words are not
violations of collection rules: they are for the borrower-signal detector).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from collectguard.errors import ValidationError
from collectguard.text.screen import Screener
from collectguard.text.screen_types import ScreenResult

__all__ = ["COLLECTOR_SPEAKERS", "ScreenedTurn", "TranscriptResult", "screen_transcript"]

COLLECTOR_SPEAKERS = frozenset({"collector", "agent", "催收员", "坐席", "客服"})
_RANK = {"pass": 0, "warn": 1, "block": 2}


@dataclass(frozen=True, slots=True)
class ScreenedTurn:
    turn: int  # 0-based index in the transcript
    speaker: str
    at: str | None
    text: str
    result: ScreenResult

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "speaker": self.speaker, "at": self.at, **self.result.to_dict()}


@dataclass(frozen=True, slots=True)
class TranscriptResult:
    verdict: str
    turns: tuple[ScreenedTurn, ...]  # the collector turns that have findings

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "turns": [t.to_dict() for t in self.turns]}


def _turns(data: Any) -> Sequence[Any]:
    if isinstance(data, Mapping):
        data = data.get("turns")
    if not isinstance(data, list):
        raise ValidationError(
            "a transcript is a list of turns or an object with a list 'turns'", field="turns"
        )
    return data


def screen_transcript(screener: Screener, data: Any, *, to: str = "borrower") -> TranscriptResult:
    """Screen the collector turns of a parsed transcript; every turn is validated first."""
    if to == "staff":  # a call is with a party of the account; a memo to a colleague is a draft
        raise ValidationError(
            "a call transcript is with a party, not staff: use the party's role", field="to"
        )
    turns = _turns(data)
    checked: list[tuple[int, str, str | None, str]] = []
    for i, turn in enumerate(turns):
        if not isinstance(turn, Mapping):
            raise ValidationError("each turn must be an object with speaker and text", field=f"turns[{i}]")
        speaker, text, at = turn.get("speaker"), turn.get("text"), turn.get("at")
        if not isinstance(speaker, str) or not speaker:
            raise ValidationError("missing or empty speaker", field=f"turns[{i}].speaker")
        if not isinstance(text, str):
            raise ValidationError("missing text or not a string", field=f"turns[{i}].text")
        if at is not None and not isinstance(at, str):
            raise ValidationError("at must be an ISO-8601 string", field=f"turns[{i}].at")
        checked.append((i, speaker, at, text))
    screened = []
    for i, speaker, at, text in checked:
        if speaker.strip().lower() not in COLLECTOR_SPEAKERS:
            continue
        result = screener.screen(text, to=to)
        if result.findings:
            screened.append(ScreenedTurn(i, speaker, at, text, result))
    verdict = max((t.result.verdict for t in screened), key=_RANK.__getitem__, default="pass")
    return TranscriptResult(verdict=verdict, turns=tuple(screened))
