"""The role matrix: which role may do what. One table, read by the service for every call."""

from __future__ import annotations

from collectguard.errors import PermissionDeniedError
from collectguard.service.types import Actor

__all__ = ["PERMISSIONS", "clear_action", "require"]

_ALL = frozenset({"collector", "supervisor", "compliance", "admin"})

#: action → roles allowed. Collectors see masked data only; supervisors and compliance may
#: unmask with a reason (audited); admins manage users, accounts and packs but never unmask.
PERMISSIONS: dict[str, frozenset[str]] = {
    "accounts.read": _ALL,
    "accounts.write": frozenset({"supervisor", "admin"}),
    "contact": frozenset({"collector", "supervisor"}),
    "contact.import": frozenset({"supervisor", "admin"}),
    "text": _ALL,
    "replies": frozenset({"collector", "supervisor"}),
    "states": frozenset({"supervisor", "compliance"}),
    # a crisis pause protects a life: only the supervisor who answers for the hand-over lifts it
    "states.crisis": frozenset({"supervisor"}),
    "unmask": frozenset({"supervisor", "compliance"}),
    "audit": frozenset({"supervisor", "compliance", "admin"}),
    "users": frozenset({"admin"}),
    # rewriting the blind indexes after a key rotation reads every sealed field, but shows none
    "keys": frozenset({"admin"}),
    "team": frozenset({"supervisor", "compliance", "admin"}),
}


def clear_action(state: str) -> str:
    """The permission that closing an open ``state`` needs (``states.crisis`` for a crisis)."""
    return "states.crisis" if state == "crisis" else "states"


def require(actor: Actor, action: str) -> None:
    """Raise PermissionDeniedError unless ``actor``'s role may perform ``action``."""
    allowed = PERMISSIONS[action]
    if actor.role not in allowed:
        roles = ", ".join(sorted(allowed))
        raise PermissionDeniedError(f"role {actor.role} may not do {action} (allowed: {roles})")
