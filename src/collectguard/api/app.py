"""The HTTP API's app factory: ``create_app(settings) -> FastAPI``."""

from __future__ import annotations

import importlib
import threading
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from collectguard.__about__ import __version__
from collectguard.api import errors, routes_accounts, routes_admin, routes_contact, routes_text
from collectguard.api.auth import KeyCache
from collectguard.api.limits import BodyLimit
from collectguard.api.logs import AccessLog
from collectguard.service import Service
from collectguard.settings import Settings

__all__ = ["app_from_env", "create_app"]

#: routers of other parts, included when their module is installed
_OPTIONAL_ROUTERS = ("collectguard.api.routes_wellbeing",)


def create_app(settings: Settings | None = None, *, service: Service | None = None) -> FastAPI:
    """The API over ``service`` (or a new one built from ``settings``)."""
    if service is None:
        service = Service(settings or Settings.from_env())
    settings = service.settings
    app = FastAPI(
        title="collectguard",
        version=__version__,
        description="催收合规卫士 — contact permission, message screening, borrower signals, PII, audit chain.",
    )
    app.state.service = service
    app.state.keys = KeyCache(service)
    # set once the lexicons and models are loaded (at once when nothing warms them up ahead)
    app.state.warm = threading.Event()
    app.state.warm.set()
    errors.install(app)
    for router in (routes_accounts.router, routes_contact.router, routes_text.router, routes_admin.router):
        app.include_router(router)
    app.include_router(importlib.import_module("collectguard.web").router)  # the dashboard, under /ui
    for name in _OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        app.include_router(module.router)

    @app.get("/healthz", tags=["operations"])
    def healthz() -> dict[str, Any]:
        """Liveness: the process answers (no database round trip)."""
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", tags=["operations"], response_model=None)
    def readyz() -> dict[str, Any] | JSONResponse:
        """Readiness: the lexicons and models are loaded and the database answers. While they load
        (some seconds after start) it says 503, so a balancer sends no reply to wait on them."""
        if not app.state.warm.is_set():
            return JSONResponse({"status": "warming_up"}, status_code=503)
        head = service.audit_head()
        return {"status": "ok", "audit_entries": head.seq}

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)
    return app


def app_from_env() -> FastAPI:
    """The factory ``collectguard serve`` hands to uvicorn workers: settings from the environment."""
    from collectguard.api.logs import configure_logging

    settings = Settings.from_env()
    configure_logging(settings.log_level, as_json=settings.log_json)
    app = create_app(settings)
    # the first screened text would otherwise wait for the lexicons to load
    if settings.warm_up:
        app.state.warm.clear()

        def warm_up() -> None:
            try:
                app.state.service.warm_up()
            finally:
                app.state.warm.set()

        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    return app
