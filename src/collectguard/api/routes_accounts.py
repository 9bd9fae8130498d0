"""Accounts: create, list, read, and their states."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from collectguard.api.auth import current_actor, service_of
from collectguard.api.idempotency import Idempotent, idempotent
from collectguard.api.schemas import ClearStateBody, StateBody
from collectguard.service import Actor, NewAccount, Service

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])


@router.post("", status_code=201)
def create_account(
    body: NewAccount,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Create an account with its parties; PII is encrypted at rest and answered masked."""
    return idem.run(service, actor, 201, lambda: service.create_account(body, actor=actor).to_dict())


@router.get("")
def list_accounts(
    limit: int = Query(50, ge=1, le=500),
    cursor: str | None = Query(None, max_length=64),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> dict[str, Any]:
    """Accounts, paginated with ``next_cursor``, masked."""
    return service.list_accounts(actor=actor, limit=limit, cursor=cursor).to_dict()


@router.get("/{account_id}")
def get_account(
    account_id: str, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> dict[str, Any]:
    """An account, its masked parties, open states and recent contacts."""
    return service.get_account(account_id, actor=actor).to_dict()


@router.get("/{account_id}/timeline")
def timeline(
    account_id: str,
    limit: int = Query(200, ge=1, le=1000),
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
) -> dict[str, Any]:
    """Contacts, screened messages, replies and state changes, newest first."""
    return {"items": service.account_timeline(account_id, actor=actor, limit=limit)}


@router.post("/{account_id}/states", status_code=201)
def set_state(
    account_id: str,
    body: StateBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Open a state (supervisor or compliance) with a reason; audited."""

    def work() -> dict[str, Any]:
        view = service.set_state(account_id, body.state, actor=actor, reason=body.reason)
        return {"state": body.state, "opened": view is not None, "detail": view.to_dict() if view else None}

    return idem.run(service, actor, 201, work)


@router.post("/{account_id}/states/{state}/clear")
def clear_state(
    account_id: str,
    state: str,
    body: ClearStateBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Close a state; a crisis only by a supervisor after its minimum hold."""

    def work() -> dict[str, Any]:
        service.clear_state(account_id, state, actor=actor, reason=body.reason)
        return {"state": state, "cleared": True}

    return idem.run(service, actor, 200, work)
