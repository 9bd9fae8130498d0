"""Complaint-risk figures for the pages, from the service's risk use case when it is installed.

The risk model belongs to the wellbeing part (``collectguard.service.wellbeing``); until
that module is present the pages show an empty state instead of a score.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from collectguard.errors import CollectguardError
from collectguard.service import Actor, Service

__all__ = ["available", "detail", "scores"]


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("collectguard.service.wellbeing")
    except ModuleNotFoundError as exc:
        if exc.name != "collectguard.service.wellbeing":
            raise
        return None


def available() -> bool:
    module = _module()
    return module is not None and hasattr(module, "account_risk")


def _as_dict(result: Any) -> dict[str, Any]:
    return dict(result.to_dict()) if hasattr(result, "to_dict") else dict(result)


def detail(service: Service, account_id: str, *, actor: Actor) -> dict[str, Any] | None:
    """``{"score", "factors": [...]}`` for one account, or None when risk is not available."""
    module = _module()
    if module is None or not hasattr(module, "account_risk"):
        return None
    try:
        return _as_dict(module.account_risk(service, account_id, actor=actor))
    except CollectguardError:
        return None


def scores(service: Service, ids: list[str], *, actor: Actor) -> dict[str, int]:
    """Account id → score (0–100) for a work list; empty when risk is not available."""
    out = {}
    for account_id in ids:
        result = detail(service, account_id, actor=actor)
        if result is not None and "score" in result:
            out[account_id] = round(float(result["score"]))
    return out
