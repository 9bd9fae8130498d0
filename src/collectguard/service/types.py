"""What the service hands back: frozen views with ``to_dict`` for the HTTP and CLI edges."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from collectguard.model import Decision

__all__ = [
    "ROLES",
    "AccountView",
    "Actor",
    "Completion",
    "Page",
    "PartyView",
    "Reservation",
    "StateView",
    "UserInfo",
]

#: the four roles of design.md
ROLES = ("collector", "supervisor", "compliance", "admin")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is calling: the user id (audited), name and role."""

    id: str
    name: str
    role: str

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        """The operator at the command line: acts as admin."""
        return cls(id=f"system:{name}", name=name, role="admin")


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    name: str
    role: str
    created_at: datetime
    active: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at.isoformat(),
            "active": self.active,
        }


@dataclass(frozen=True, slots=True)
class PartyView:
    """A party as a role may see it: masked values unless unmasked on purpose."""

    id: str
    role: str
    name: str
    phone: str | None
    id_number: str | None
    suppressed: bool = False
    opted_out: tuple[str, ...] = ()
    #: local "HH:MM-HH:MM" hours the person asked not to be contacted in
    quiet_hours: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "name": self.name,
            "phone": self.phone,
            "id_number": self.id_number,
            "suppressed": self.suppressed,
            "opted_out": list(self.opted_out),
            "quiet_hours": list(self.quiet_hours),
        }


@dataclass(frozen=True, slots=True)
class StateView:
    state: str
    since: datetime
    hold_until: datetime | None
    set_by: str
    reason: str
    rule: str | None = None
    review: bool = False  # a crisis on the model's guess alone, for a supervisor to read

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "since": self.since.isoformat(),
            "hold_until": self.hold_until.isoformat() if self.hold_until else None,
            "set_by": self.set_by,
            "reason": self.reason,
            "rule": self.rule,
            "review": self.review,
        }


@dataclass(frozen=True, slots=True)
class AccountView:
    id: str
    external_id: str
    timezone: str
    rulepacks: tuple[str, ...]
    created_at: datetime
    parties: tuple[PartyView, ...]
    states: tuple[StateView, ...] = ()
    recent_contacts: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "timezone": self.timezone,
            "rulepacks": list(self.rulepacks),
            "created_at": self.created_at.isoformat(),
            "parties": [p.to_dict() for p in self.parties],
            "states": [s.to_dict() for s in self.states],
            "recent_contacts": list(self.recent_contacts),
        }


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[Any, ...]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items], "next_cursor": self.next_cursor}


@dataclass(frozen=True, slots=True)
class Reservation:
    """A reservation's decision; ``attempt_id`` is set only when it was allowed and recorded."""

    decision: Decision
    attempt_id: str | None
    at: datetime
    expires_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.decision.to_dict(),
            "attempt_id": self.attempt_id,
            "at": self.at.isoformat(),
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
        }


@dataclass(frozen=True, slots=True)
class Completion:
    attempt_id: str
    outcome: str
    completed_at: datetime
    #: the screening of the text or transcript, when one was given
    screening: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempt_id": self.attempt_id,
            "outcome": self.outcome,
            "completed_at": self.completed_at.isoformat(),
            "screening": self.screening,
            **self.extra,
        }
