"""Texts: screen a draft, ingest a reply, redact and unmask PII."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from collectguard.api.auth import current_actor, service_of
from collectguard.api.idempotency import Idempotent, idempotent
from collectguard.api.schemas import RedactBody, ReplyBody, ScreenBody, UnmaskBody
from collectguard.service import Actor, Service

router = APIRouter(prefix="/v1", tags=["text"])


@router.post("/messages/screen")
def screen(
    body: ScreenBody, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> Any:
    """Screen a draft message (``screen --jsonl`` shape without ``id``); nothing recorded."""
    return service.screen_message(body.text, actor=actor, to=body.to, account_id=body.account_id)


@router.post("/replies")
def reply(
    body: ReplyBody,
    actor: Actor = Depends(current_actor),
    service: Service = Depends(service_of),
    idem: Idempotent = Depends(idempotent),
) -> JSONResponse:
    """Ingest a borrower reply: ``{"signals", "states", "playbook"}`` plus what was applied."""
    return idem.run(
        service,
        actor,
        200,
        lambda: service.ingest_reply(body.account_id, body.party_id, body.text, actor=actor),
    )


@router.post("/pii/redact")
def redact(
    body: RedactBody, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> Any:
    """Find and mask PII in a text."""
    return service.redact(body.text, actor=actor)


@router.post("/pii/unmask")
def unmask(
    body: UnmaskBody, actor: Actor = Depends(current_actor), service: Service = Depends(service_of)
) -> Any:
    """Reveal one party field with a mandatory reason (supervisor or compliance); audited.

    Never replayed from an Idempotency-Key: every reveal of plaintext is its own audit entry,
    and the plaintext is never kept in the idempotency store.
    """
    return service.unmask(body.party_id, body.field, actor=actor, reason=body.reason)
