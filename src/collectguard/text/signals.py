"""Borrower-reply signals: the public face of detection, state changes and playbooks.

``detect(text)`` finds ``anger``, ``distress_self_harm``, ``complaint_intent``, ``dispute``,
``cease_request``, ``hardship``, ``installment_request`` and ``attorney`` with spans into
the original text; ``transitions(signals, packs=...)`` says which account states follow;
``playbook(signals, region=...)`` what the collector should say next; ``analyze_reply``
does all three. Lexicons, transitions and playbooks are data files under
``collectguard/data``.
"""

from __future__ import annotations

from collectguard.policy.transitions import StateChange, apply_changes, transitions
from collectguard.text.signal_detect import detect
from collectguard.text.signal_lexicon import Lexicon, shipped_lexicon
from collectguard.text.signal_playbook import (
    CrisisPlan,
    Guidance,
    Line,
    Playbook,
    Resource,
    playbook,
    regions,
)
from collectguard.text.signal_reply import ReplyAnalysis, analyze_reply
from collectguard.text.signal_schema import SIGNAL_TYPES
from collectguard.text.signal_types import Signal

__all__ = [
    "SIGNAL_TYPES",
    "CrisisPlan",
    "Guidance",
    "Lexicon",
    "Line",
    "Playbook",
    "ReplyAnalysis",
    "Resource",
    "Signal",
    "StateChange",
    "analyze_reply",
    "apply_changes",
    "detect",
    "playbook",
    "regions",
    "shipped_lexicon",
    "transitions",
]
