"""Contacts: check (nothing recorded), reserve (atomic), complete, cancel."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from collectguard.api.auth import current_actor, service_of
from collectguard.api.idempotency import Idempotent, idempotent
from collectguard.api.schemas import CheckBody, CompleteBody, ReserveBody
from collectguard.policy.scenario import parse_timestamp
from collectguard.service import Actor, Service
from collectguard.service.inputs import RecordedContact

router = APIRouter(prefix="/v1/contact", tags=["contact"])


@router.post("/check")
def check(
    body: CheckBody, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> Any:
    """The decision for a prospective contact now (or at ``at``); nothing is recorded."""
    at = parse_timestamp(body.at, "at") if body.at is not None else None
    return service.check_contact(body.account_id, body.party_id, body.channel, actor=actor, at=at).to_dict()


@router.post(
    "/reserve", status_code=201, responses={409: {"description": "denied: the decision with its rules"}}
)
def reserve(
    body: ReserveBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Decide at the server's clock and reserve atomically: 201 with ``attempt_id``, or 409 with the decision."""

    def work() -> tuple[int, dict[str, Any]]:
        result = service.reserve_contact(body.account_id, body.party_id, body.channel, actor=actor).to_dict()
        if result["allowed"]:
            return 201, result
        rules = ", ".join(result["rules"])
        return 409, {**result, "error": {"code": "denied", "message": f"contact denied by {rules}"}}

    return idem.run(service, actor, 201, work)


@router.post("/record", status_code=201)
def record(
    body: RecordedContact,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Import a contact that happened outside the guard, with its time and outcome (supervisor or admin)."""
    at = parse_timestamp(body.at, "at")
    return idem.run(
        service,
        actor,
        201,
        lambda: service.record_contact(
            body.account_id, body.party_id, body.channel, at, body.outcome, actor=actor
        ),
    )


@router.post("/{attempt_id}/complete")
def complete(
    attempt_id: str,
    body: CompleteBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Record the outcome; an optional text or transcript is screened and kept encrypted."""
    return idem.run(
        service,
        actor,
        200,
        lambda: service.complete_contact(
            attempt_id, body.outcome, actor=actor, text=body.text, transcript=body.transcript
        ).to_dict(),
    )


@router.post("/{attempt_id}/cancel")
def cancel(
    attempt_id: str,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Release a reservation before its time runs out."""
    return idem.run(service, actor, 200, lambda: service.cancel_contact(attempt_id, actor=actor))
