"""Complaint-risk figures for the pages, from the service's risk use case when it is installed.

The risk use cases live in ``collectguard.service.risk`` (the queue scores only the accounts
whose SQL upper bound can reach it); where that module is absent the pages show no score
rather than failing.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from collectguard.errors import CollectguardError
from collectguard.service import Actor, Service

__all__ = ["detail", "queue", "scores"]


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("collectguard.service.risk")
    except ModuleNotFoundError as exc:
        if exc.name != "collectguard.service.risk":
            raise
        return None


def detail(service: Service, account_id: str, *, actor: Actor) -> dict[str, Any] | None:
    """``{"score", "level", "top_factors": [...]}`` for one account, or None without the risk module."""
    module = _module()
    if module is None:
        return None
    try:
        return dict(module.account_risk(service, account_id, actor=actor).to_dict())
    except CollectguardError:
        return None


def scores(service: Service, ids: list[str], *, actor: Actor) -> dict[str, int]:
    """Account id → score (0–100) for a work list, in one read; empty without the risk module."""
    module = _module()
    if module is None or not ids:
        return {}
    try:
        return {i: int(s.score) for i, s in module.account_risks(service, ids, actor=actor).items()}
    except CollectguardError:
        return {}


def queue(service: Service, *, actor: Actor, limit: int = 30) -> list[dict[str, Any]] | None:
    """The highest-risk accounts first, as dicts; None without the risk module."""
    module = _module()
    if module is None:
        return None
    return [dict(s.to_dict()) for s in module.risk_queue(service, actor=actor, limit=limit)]
