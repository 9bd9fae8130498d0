"""Plain frozen dataclasses and enums shared by all layers."""

from collectguard.model.contact import Account, Attempt, LocalWindow, Party, require_aware
from collectguard.model.decision import Decision, Denial
from collectguard.model.enums import (
    FAILED_OUTCOMES,
    OUTCOMES_BY_CHANNEL,
    AccountState,
    Addressee,
    Channel,
    Outcome,
    PartyRole,
    parse_enum,
)

__all__ = [
    "FAILED_OUTCOMES",
    "OUTCOMES_BY_CHANNEL",
    "Account",
    "AccountState",
    "Addressee",
    "Attempt",
    "Channel",
    "Decision",
    "Denial",
    "LocalWindow",
    "Outcome",
    "Party",
    "PartyRole",
    "parse_enum",
    "require_aware",
]
