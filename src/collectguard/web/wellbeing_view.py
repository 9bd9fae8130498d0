"""员工关怀: collector wellbeing figures from the service's wellbeing use case, when installed.

Who sees what follows that use case (docs/wellbeing.md): a collector sees only their own
figures, a supervisor the team's; quality beside recovery is shown in id order, never as
a ranking. Where the module is absent the page says so instead of showing numbers.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from collectguard.errors import CollectguardError, PermissionDeniedError
from collectguard.service import Actor, Service
from collectguard.service.dashboard import user_names
from collectguard.service.roles import own_only

__all__ = ["build"]


def _module() -> ModuleType | None:
    try:
        return importlib.import_module("collectguard.service.wellbeing")
    except ModuleNotFoundError as exc:
        if exc.name != "collectguard.service.wellbeing":
            raise
        return None


def build(service: Service, actor: Actor) -> dict[str, Any]:
    """``{"available", "own", "team", "fair", "names", "error"}`` for the page."""
    module = _module()
    data: dict[str, Any] = {"available": module is not None, "own": None, "team": None, "fair": None}
    data["error"] = None
    if module is None:
        return data
    data["names"] = user_names(service)
    try:
        if own_only(actor, "wellbeing"):
            data["own"] = module.collector_wellbeing(service, actor.id, actor=actor).to_dict()
            return data
        # one read of the window for both the team's figures (supervisors only) and the fair view
        overview = module.team_overview(service, actor=actor)
        if overview.team is not None:
            data["team"] = [w.to_dict() for w in overview.team.values()]
        data["fair"] = overview.fair.to_dict()
    except PermissionDeniedError:
        pass
    except CollectguardError as exc:
        data["error"] = exc.message
    return data
