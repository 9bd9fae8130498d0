"""Sign-in sessions as signed cookies: stateless, so several server processes share them.

The cookie holds the user id, name, role and expiry, signed with a keyed digest from the
service's keyring; a changed byte or an expired cookie means "not signed in". The role
is re-checked by the service on every call, so a cookie never widens what a user may do.
"""

from __future__ import annotations

import base64
import hmac
import json
from datetime import datetime, timedelta

from collectguard.service import Actor, Service
from collectguard.service.dashboard import sign

__all__ = ["COOKIE", "LIFETIME", "read_session", "write_session"]

COOKIE = "cg_session"
#: one working shift plus margin; then the collector signs in again
LIFETIME = timedelta(hours=12)


def write_session(service: Service, actor: Actor, *, now: datetime) -> str:
    """The cookie value for ``actor``, valid for :data:`LIFETIME`."""
    body = json.dumps(
        {"id": actor.id, "name": actor.name, "role": actor.role, "exp": int((now + LIFETIME).timestamp())},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    data = base64.urlsafe_b64encode(body.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{data}.{sign(service, data)}"


def read_session(service: Service, value: str | None, *, now: datetime) -> Actor | None:
    """The actor of a valid, unexpired cookie, else None."""
    if not value or "." not in value or len(value) > 2000:
        return None
    data, _, signature = value.rpartition(".")
    if not hmac.compare_digest(signature, sign(service, data)):
        return None
    try:
        body = json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
        if int(body["exp"]) < now.timestamp():
            return None
        return Actor(id=str(body["id"]), name=str(body["name"]), role=str(body["role"]))
    except (ValueError, KeyError, TypeError):
        return None
