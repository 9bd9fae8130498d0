"""Bearer API keys → an Actor, with a short cache so a hot key costs one hash, not one query."""

from __future__ import annotations

import threading
import time

from fastapi import Request

from collectguard.errors import AuthenticationError
from collectguard.service import Actor, Service

__all__ = ["KeyCache", "current_actor", "service_of"]

#: a revoked key keeps working at most this long in a process that saw it
CACHE_SECONDS = 10.0


class KeyCache:
    def __init__(self, service: Service, ttl: float = CACHE_SECONDS) -> None:
        self._service = service
        self._ttl = ttl
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, Actor]] = {}

    def actor(self, api_key: str) -> Actor:
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(api_key)
        if hit is not None and hit[0] > now:
            return hit[1]
        actor = self._service.authenticate(api_key)
        with self._lock:
            if len(self._entries) > 10_000:
                self._entries.clear()
            self._entries[api_key] = (now + self._ttl, actor)
        return actor


def service_of(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


def current_actor(request: Request) -> Actor:
    """The caller, from ``Authorization: Bearer <key>``; 401 otherwise."""
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise AuthenticationError("send Authorization: Bearer <api key>", field="Authorization")
    actor = request.app.state.keys.actor(key.strip())
    request.state.actor_id = actor.id
    return actor  # type: ignore[no-any-return]
