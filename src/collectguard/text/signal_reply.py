"""One borrower reply, read end to end: signals, the state changes they cause, the playbook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from collectguard.policy.transitions import StateChange, transitions
from collectguard.text.signal_detect import detect
from collectguard.text.signal_playbook import Playbook, playbook
from collectguard.text.signal_types import Signal


@dataclass(frozen=True, slots=True)
class ReplyAnalysis:
    signals: tuple[Signal, ...]
    state_changes: tuple[StateChange, ...]
    playbook: Playbook

    @property
    def neutral(self) -> bool:
        return not self.signals

    def to_dict(self) -> dict[str, Any]:
        """The shape of ``POST /v1/replies``: ``{"signals", "states", "playbook"}``."""
        return {
            "signals": [s.to_dict() for s in self.signals],
            "states": [c.to_dict() for c in self.state_changes],
            "playbook": self.playbook.to_dict(),
        }


def analyze_reply(
    text: str,
    *,
    packs: Sequence[str] = ("cn",),
    region: str = "cn",
    lang: str | None = None,
    crisis_hold_hours: int | None = None,
) -> ReplyAnalysis:
    """Read a borrower's reply for what it means for the next contact."""
    signals = detect(text, lang=lang)
    return ReplyAnalysis(
        signals=signals,
        state_changes=transitions(signals, packs=packs, crisis_hold_hours=crisis_hold_hours),
        playbook=playbook(signals, region=region),
    )
