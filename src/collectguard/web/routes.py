"""The dashboard's router: every page under ``/ui``, its static files, and nothing from a CDN.

The app factory includes :data:`router`; pages reach the service through
``request.app.state.service`` like the API routes do.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from collectguard.web import routes_audit, routes_auth, routes_team, routes_work

__all__ = ["router"]


def _same_origin(request: Request) -> None:
    """Refuse a form post sent from another site (the sign-in cookie is also SameSite=Lax)."""
    if request.method != "POST":
        return
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(status_code=403, detail="cross-site form post refused")


router = APIRouter(include_in_schema=False, dependencies=[Depends(_same_origin)])
for _module in (routes_auth, routes_work, routes_team, routes_audit):
    router.include_router(_module.router)

_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


@lru_cache(maxsize=16)
def _asset(name: str) -> bytes | None:
    entry = resources.files("collectguard.web").joinpath("static", name)
    return entry.read_bytes() if entry.is_file() else None


@router.get("/ui/static/{name}")
def static(name: str) -> Response:
    """A file shipped in ``web/static`` (flat names only, so no path can leave the folder)."""
    suffix = name[name.rfind(".") :] if "." in name else ""
    body = _asset(name) if "/" not in name and suffix in _TYPES else None
    if body is None:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(body, media_type=_TYPES[suffix], headers={"Cache-Control": "public, max-age=3600"})
