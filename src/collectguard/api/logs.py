"""Structured logs (one JSON object a line) with personal data masked before it is written."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "JsonFormatter", "configure_logging", "scrub"]

# Runs of 7+ digits (phones, ID numbers, cards, also with an X check digit): a log line never
# needs them, and masking all of them is safer than recognising each kind.
_DIGITS = re.compile(r"(?<![0-9A-Za-z_])\+?\d[\d -]{5,}\d[0-9Xx]?(?![0-9A-Za-z_])")


def scrub(text: str) -> str:
    """Mask every long digit run (and the PII package's findings, when it is installed)."""
    masked = _DIGITS.sub(lambda m: "*" * max(0, len(m.group()) - 4) + m.group()[-4:], text)
    try:
        from collectguard.pii import mask  # type: ignore[attr-defined]
    except ImportError:
        return masked
    result = mask(masked)
    return result if isinstance(result, str) else str(getattr(result, "text", masked))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        body: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": scrub(record.getMessage()),
        }
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            body.update({k: scrub(v) if isinstance(v, str) else v for k, v in extra.items()})
        if record.exc_info:
            body["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(body, ensure_ascii=False)


class _ScrubFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure_logging(level: str = "info", *, as_json: bool = True) -> None:
    """Route collectguard's and uvicorn's loggers through one scrubbing handler on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter() if as_json else _ScrubFormatter("%(asctime)s %(levelname)s %(message)s")
    )
    for name in ("collectguard", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False
    logging.getLogger("uvicorn.access").disabled = True


class AccessLog:
    """One structured line per request: method, path, status, milliseconds, actor; never bodies."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.log = logging.getLogger("collectguard.access")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def tracking(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        finally:
            state = scope.get("state") or {}
            self.log.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "fields": {
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status,
                        "ms": round((time.perf_counter() - start) * 1000, 2),
                        "actor": state.get("actor_id"),
                    }
                },
            )
