"""Use cases shared by every edge: one :class:`Service` facade over the store and the pure core."""

from collectguard.service.facade import Service
from collectguard.service.inputs import NewAccount, NewParty
from collectguard.service.roles import PERMISSIONS
from collectguard.service.types import (
    ROLES,
    AccountView,
    Actor,
    Completion,
    Page,
    PartyView,
    Reservation,
    StateView,
    UserInfo,
)

__all__ = [
    "PERMISSIONS",
    "ROLES",
    "AccountView",
    "Actor",
    "Completion",
    "NewAccount",
    "NewParty",
    "Page",
    "PartyView",
    "Reservation",
    "Service",
    "StateView",
    "UserInfo",
]
