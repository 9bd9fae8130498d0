"""The ``Idempotency-Key`` header on writes: replay the first result, never act twice."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from collectguard.api.errors import error_body, status_for
from collectguard.errors import CollectguardError
from collectguard.service import Actor, Service

__all__ = ["Idempotent", "idempotent"]


class Idempotent:
    """Built per request by the ``idempotent`` dependency; ``run`` wraps the route's work."""

    def __init__(self, key: str | None, fingerprint: str) -> None:
        self.key = key
        self.fingerprint = fingerprint

    def run(
        self,
        service: Service,
        actor: Actor,
        status: int,
        work: Callable[[], tuple[int, dict[str, Any]] | dict[str, Any]],
    ) -> JSONResponse:
        if self.key is None:
            return _response(status, work())
        stored = service.idempotency_claim(actor, self.key, self.fingerprint)
        if stored is not None:
            return JSONResponse(stored[1], stored[0], headers={"Idempotent-Replayed": "true"})
        try:
            result = work()
        except CollectguardError as exc:
            code = status_for(exc)
            if code >= 500:
                service.idempotency_release(actor, self.key)
                raise
            service.idempotency_finish(actor, self.key, code, error_body(exc.code, exc.message, exc.field))
            raise
        except BaseException:
            service.idempotency_release(actor, self.key)
            raise
        response = _response(status, result)
        code, body = result if isinstance(result, tuple) else (status, result)
        service.idempotency_finish(actor, self.key, code, body)
        return response


def _response(status: int, result: tuple[int, dict[str, Any]] | dict[str, Any]) -> JSONResponse:
    if isinstance(result, tuple):
        return JSONResponse(result[1], result[0])
    return JSONResponse(result, status)


async def idempotent(request: Request) -> Idempotent:
    """Read the header and fingerprint the request (method, path, body)."""
    key = request.headers.get("idempotency-key")
    body = await request.body()
    digest = hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + body
    ).hexdigest()
    return Idempotent(key, digest)
