"""What the wellbeing and risk cores read: recorded contacts, borrower replies, screened messages.

These are facts the service already holds; the cores never fetch them. Every timestamp
carries its offset, so shifts and borrower-local days are computed without guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from collectguard.errors import ValidationError
from collectguard.model import Channel, Outcome, PartyRole, require_aware

#: borrower-reply signals (design.md) that mean the collector absorbed hostility
HOSTILE_SIGNALS = frozenset({"anger"})
#: borrower-reply signals that make a contact a crisis contact
CRISIS_SIGNALS = frozenset({"distress_self_harm"})


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """One contact a collector made (a call, a message, a visit), as recorded."""

    collector_id: str
    account_id: str
    started_at: datetime
    duration_s: float = 0.0
    channel: Channel = Channel.CALL
    outcome: Outcome = Outcome.CONNECTED
    party_role: PartyRole = PartyRole.BORROWER
    party_id: str = ""
    #: the person turned angry, insulting or threatening toward the collector
    hostile: bool = False
    #: the person showed self-harm or acute-crisis cues during the contact
    crisis: bool = False
    #: the collector worked outside their scheduled hours for this contact
    after_hours: bool = False
    id: str = ""
    #: started_at + duration, computed once (figures read it many times)
    ended_at: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        require_aware(self.started_at, field_name="started_at")
        if self.duration_s < 0:
            raise ValidationError("duration must not be negative", field="duration_s")
        if not self.party_id:
            object.__setattr__(self, "party_id", str(self.party_role))
        object.__setattr__(self, "ended_at", self.started_at + timedelta(seconds=self.duration_s))


@dataclass(frozen=True, slots=True)
class ReplyRecord:
    """A borrower reply with the signals the detector found in it (design.md names)."""

    account_id: str
    at: datetime
    signals: frozenset[str] = frozenset()
    #: the collector who received it; None when it reached no one in person
    collector_id: str | None = None
    #: the contact it answered, when known (avoids counting one hostile call twice)
    contact_id: str = ""

    def __post_init__(self) -> None:
        require_aware(self.at, field_name="at")

    @property
    def hostile(self) -> bool:
        return not HOSTILE_SIGNALS.isdisjoint(self.signals)

    @property
    def crisis(self) -> bool:
        return not CRISIS_SIGNALS.isdisjoint(self.signals)


@dataclass(frozen=True, slots=True)
class StatePeriod:
    """One period of an account state (crisis, dispute …): open from ``since`` until ``cleared_at``.

    ``cleared_at`` is None while the state is still open. A crisis lifted early (one opened for
    review) ends its period before the minimum hold would have.
    """

    account_id: str
    state: str
    since: datetime
    cleared_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.since, field_name="since")
        if self.cleared_at is not None:
            require_aware(self.cleared_at, field_name="cleared_at")

    def covers(self, at: datetime) -> bool:
        """Whether the state was open at ``at`` (from ``since`` inclusive to ``cleared_at`` exclusive)."""
        return self.since <= at and (self.cleared_at is None or at < self.cleared_at)


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """A collector message or transcript turn as screened: its verdict and categories."""

    account_id: str
    at: datetime
    verdict: str = "pass"
    categories: frozenset[str] = frozenset()
    collector_id: str | None = None

    def __post_init__(self) -> None:
        require_aware(self.at, field_name="at")
        if self.verdict not in ("pass", "warn", "block"):
            raise ValidationError(f"verdict {self.verdict!r} is not pass, warn or block", field="verdict")
