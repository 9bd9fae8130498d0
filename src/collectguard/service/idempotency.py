"""Idempotency keys: a retried write returns the first result and records nothing twice.

The first request claims the key (a row with no result yet) before it acts, so a
concurrent retry sees the claim and is told to wait instead of acting again. The stored
result is sealed with the keyring: it may hold what only its caller may read.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from collectguard.errors import ConflictError, ValidationError
from collectguard.service.runtime import Runtime
from collectguard.store.models import IdempotencyRecord

__all__ = ["claim", "finish", "release"]

_FIELD = "Idempotency-Key"
#: a claim with no result after this long belongs to a request that will never finish
_STALE = timedelta(minutes=2)


def _context(user_id: str, key: str) -> str:
    return f"idempotency:{user_id}:{key}"


def claim(rt: Runtime, user_id: str, key: str, fingerprint: str) -> tuple[int, dict[str, Any]] | None:
    """None when this request may proceed; the stored (status, body) when it already ran."""
    if not key or len(key) > 200:
        raise ValidationError("an Idempotency-Key is 1 to 200 characters", field=_FIELD)
    try:
        with rt.db.write() as session:
            session.add(
                IdempotencyRecord(user_id=user_id, key=key, fingerprint=fingerprint, created_at=rt.now())
            )
        return None
    except IntegrityError:
        pass
    with rt.db.read() as session:
        row = session.execute(
            select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
            )
        ).scalar_one()
    if row.fingerprint != fingerprint:
        raise ConflictError("this Idempotency-Key was used for a different request", field=_FIELD)
    if row.status_code is None or row.response is None:
        if rt.now() - row.created_at > _STALE:
            # The first request never stored its result: the server stopped between acting and
            # answering, or before acting. Replaying could act twice, so say so instead of waiting.
            raise ConflictError(
                "the first request with this Idempotency-Key did not finish (the server stopped "
                "mid-request); check whether it took effect, then retry with a new key",
                field=_FIELD,
            )
        raise ConflictError(
            "a request with this Idempotency-Key is still in progress; retry later", field=_FIELD
        )
    sealed = str(row.response.get("sealed", ""))
    return row.status_code, json.loads(rt.keyring.decrypt(sealed, context=_context(user_id, key)))


def finish(rt: Runtime, user_id: str, key: str, status_code: int, body: dict[str, Any]) -> None:
    """Store the first result of a claimed key."""
    sealed = rt.keyring.encrypt(json.dumps(body, ensure_ascii=False), context=_context(user_id, key))
    with rt.db.write() as session:
        row = session.get(IdempotencyRecord, (user_id, key))
        if row is not None:
            row.status_code, row.response = status_code, {"sealed": sealed}


def release(rt: Runtime, user_id: str, key: str) -> None:
    """Drop a claim whose request failed unexpectedly, so a retry may run."""
    with rt.db.write() as session:
        session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
            )
        )
