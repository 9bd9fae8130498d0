"""Collectors, their wellbeing, fair team metrics and complaint risk (docs/wellbeing.md)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from collectguard.api.auth import current_actor, service_of
from collectguard.service import Actor, Service
from collectguard.service import risk as service_risk
from collectguard.service import wellbeing as wb

router = APIRouter(prefix="/v1", tags=["wellbeing"])


@router.get("/collectors")
def list_collectors(
    actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> dict[str, Any]:
    """Collectors by name, with no figures: a directory, never a ranking (supervisor and above)."""
    return {"items": wb.list_collectors(service, actor=actor)}


@router.get("/collectors/{collector_id}/wellbeing")
def collector_wellbeing(
    collector_id: str,
    days: int = Query(30, ge=1, le=wb.MAX_DAYS),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> dict[str, Any]:
    """Load and exposure figures per shift with break and rotation advice.

    A collector sees only their own; a supervisor sees the team's; no other role sees them.
    """
    return wb.collector_wellbeing(service, collector_id, actor=actor, days=days).to_dict()


@router.get("/team/fair")
def fair_team(
    days: int = Query(30, ge=1, le=wb.MAX_DAYS),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> dict[str, Any]:
    """Recovery beside quality (violations, complaints, crisis handling) per collector, in id order."""
    return wb.fair_team(service, actor=actor, days=days).to_dict()


@router.get("/accounts/{account_id}/risk")
def account_risk(
    account_id: str, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> dict[str, Any]:
    """Complaint-risk score 0–100 with its top contributing factors in plain language."""
    return service_risk.account_risk(service, account_id, actor=actor).to_dict()


@router.get("/risk/queue")
def risk_queue(
    limit: int = Query(50, ge=1, le=500),
    min_score: int = Query(0, ge=0, le=100),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> dict[str, Any]:
    """Accounts by complaint risk, highest first, for supervisors to work."""
    return {
        "items": [
            s.to_dict()
            for s in service_risk.risk_queue(service, actor=actor, limit=limit, min_score=min_score)
        ]
    }
