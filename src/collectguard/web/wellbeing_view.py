"""员工关怀: collector wellbeing figures from the service's wellbeing use case, when installed.

A collector sees only their own figures; supervisors and above see the team. Until the
wellbeing use case is present the page says so plainly instead of showing numbers.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from collectguard.errors import CollectguardError
from collectguard.service import Actor, Service
from collectguard.web.i18n import Translator

__all__ = ["build"]


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("collectguard.service.wellbeing")
    except ModuleNotFoundError as exc:
        if exc.name != "collectguard.service.wellbeing":
            raise
        return None


def _plain(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value


def build(service: Service, actor: Actor, t: Translator) -> dict[str, Any]:
    """``{"available": bool, "own": figures or None, "team": [figures] or None, "error": str|None}``."""
    module = _module()
    own_fn = getattr(module, "collector_wellbeing", None) if module else None
    team_fn = getattr(module, "team_wellbeing", None) if module else None
    if own_fn is None:
        return {"available": False, "own": None, "team": None, "error": None}
    try:
        own = _plain(own_fn(service, actor.id, actor=actor)) if actor.role == "collector" else None
        team = None
        if actor.role != "collector" and team_fn is not None:
            team = _plain(team_fn(service, actor=actor))
    except CollectguardError as exc:
        return {"available": True, "own": None, "team": None, "error": exc.message}
    return {"available": True, "own": own, "team": team, "error": None}
