"""The audit chain and user administration."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from collectguard.api.auth import current_actor, service_of
from collectguard.api.idempotency import Idempotent, idempotent
from collectguard.api.schemas import NewUserBody
from collectguard.service import Actor, Service
from collectguard.service.roles import require

router = APIRouter(prefix="/v1", tags=["admin"])


@router.get("/audit/verify")
def verify(
    known_head: str | None = Query(
        None, max_length=100, description="an anchor SEQ:HASH from `audit anchor`"
    ),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> Any:
    """Verify the audit hash chain; ``broken_at`` names the first entry that does not fit."""
    return service.verify_audit(known_head, actor=actor).to_dict()


@router.get("/audit/head")
def head(actor: Actor = Depends(current_actor), service: Service = Depends(service_of)) -> dict[str, Any]:
    """The newest audit entry as ``SEQ:HASH``, to anchor elsewhere."""
    require(actor, "audit")
    return {"head": str(service.audit_head())}


@router.get("/rulepacks")
def rulepacks(
    actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> dict[str, Any]:
    """The rule packs an account may name (shipped and installed), with their rule ids."""
    require(actor, "accounts.read")
    return {"items": service.rulepacks()}


@router.post("/users", status_code=201)
def create_user(
    body: NewUserBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Create a user (admin); the API key is in this answer only."""

    def work() -> dict[str, Any]:
        user, key = service.create_user(body.name, body.role, actor=actor)
        return {"user": user.to_dict(), "api_key": key}

    return idem.run(service, actor, 201, work)
