"""The one place where errors become HTTP responses: ``{"error": {"code", "message", "field"?}}``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from collectguard import errors

__all__ = ["error_body", "install", "status_for"]

log = logging.getLogger("collectguard.api")

#: most specific class first; anything deliberate and unlisted is a 400
_STATUS: tuple[tuple[type[errors.CollectguardError], int], ...] = (
    (errors.AuthenticationError, 401),
    (errors.PermissionDeniedError, 403),
    (errors.NotFoundError, 404),
    (errors.ConflictError, 409),
    (errors.EncodingError, 400),
    (errors.ValidationError, 422),
    (errors.UnknownRulePackError, 422),
    (errors.DataFileError, 422),
    (errors.AuditChainError, 409),
    (errors.CryptoError, 500),
)


def status_for(exc: errors.CollectguardError) -> int:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 501 if exc.code == "unavailable" else 400


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if field:
        body["field"] = field
    return {"error": body}


def _field(loc: Sequence[Any]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for p in parts:
        out += f"[{p}]" if p.isdigit() else (f".{p}" if out else p)
    return out or None


def _validation(exc: RequestValidationError) -> tuple[int, dict[str, Any]]:
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request", "type": ""}
    if first.get("type") == "json_invalid":
        return 400, error_body("bad_json", f"request body is not valid JSON: {first.get('msg')}")
    field = _field(first.get("loc", ())) or "body"
    where = f"{field}: " if field else ""
    return 422, error_body("invalid", f"{where}{first.get('msg')}", field)


def install(app: FastAPI) -> None:
    """Register the handlers; routes raise ``collectguard.errors`` and never build error bodies."""

    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, errors.CollectguardError):
            status = status_for(exc)
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse(error_body(exc.code, exc.message, exc.field), status, headers=headers)
        if isinstance(exc, RequestValidationError):
            status, body = _validation(exc)
            return JSONResponse(body, status)
        if isinstance(exc, StarletteHTTPException):
            code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
                exc.status_code, "http_error"
            )
            return JSONResponse(error_body(code, str(exc.detail)), exc.status_code)
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(error_body("internal", "internal error; it has been logged"), 500)

    app.add_exception_handler(errors.CollectguardError, on_error)
    app.add_exception_handler(RequestValidationError, on_error)
    app.add_exception_handler(StarletteHTTPException, on_error)
    app.add_exception_handler(Exception, on_error)
