"""The role matrix: which role may do what. One table, read by the service for every call.

A few actions touch one collector's own records (their wellbeing figures, their activity):
``OWN_ONLY`` names the roles that may do those only on their own, so "a collector sees only
their own figures" is a row of the matrix, not a condition written out in a use case.
"""

from __future__ import annotations

from collectguard.errors import PermissionDeniedError
from collectguard.service.types import Actor

__all__ = ["OWN_ONLY", "PERMISSIONS", "allows", "clear_action", "own_only", "require"]

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
    # wellbeing figures are care, not performance: the collector's own, and the team's supervisor;
    # compliance and admin see the fair view (``team``), never a person's load
    "wellbeing": frozenset({"collector", "supervisor"}),
    # the contacts and texts a collector's figures come from
    "activity": _ALL,
}

#: action → roles that may do it only on records of their own (``owner`` = their user id)
OWN_ONLY: dict[str, frozenset[str]] = {
    "wellbeing": frozenset({"collector"}),
    "activity": frozenset({"collector"}),
}


def clear_action(state: str) -> str:
    """The permission that closing an open ``state`` needs (``states.crisis`` for a crisis)."""
    return "states.crisis" if state == "crisis" else "states"


def own_only(actor: Actor, action: str) -> bool:
    """Whether ``actor``'s role may do ``action`` only on its own records (a collector's figures)."""
    return actor.role in PERMISSIONS[action] and actor.role in OWN_ONLY.get(action, ())


def allows(actor: Actor, action: str, *, owner: str | None = None) -> bool:
    """Whether ``actor`` may do ``action`` on the records of user ``owner`` (None: others' or everyone's)."""
    if actor.role not in PERMISSIONS[action]:
        return False
    return not own_only(actor, action) or owner == actor.id


def _allowed(action: str) -> str:
    own = OWN_ONLY.get(action, frozenset())
    return ", ".join(f"{r} (own only)" if r in own else r for r in sorted(PERMISSIONS[action]))


def require(actor: Actor, action: str, *, owner: str | None = None) -> None:
    """Raise PermissionDeniedError unless ``actor`` may do ``action`` (on ``owner``'s records)."""
    if not allows(actor, action, owner=owner):
        raise PermissionDeniedError(f"role {actor.role} may not do {action} (allowed: {_allowed(action)})")
