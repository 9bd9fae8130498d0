"""Per-request dependencies of the dashboard: who is signed in, in which language, may they see this."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from collectguard.service import Service
from collectguard.service.dashboard import still_valid
from collectguard.web.i18n import Translator, pick_lang
from collectguard.web.render import Web
from collectguard.web.session import COOKIE, read_session

__all__ = ["LANG_COOKIE", "gate", "web"]

LANG_COOKIE = "cg_lang"


def web(request: Request) -> Web:
    """The request's context; the service is the one the app factory put on ``app.state``."""
    service: Service = request.app.state.service
    actor = read_session(service, request.cookies.get(COOKIE), now=service.now())
    if actor is not None and not still_valid(service, actor):
        actor = None  # deactivated or given another role since signing in: sign in again
    lang = pick_lang(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))
    return Web(request, service, actor, Translator(lang))


def gate(w: Web, action: str) -> Response | None:
    """None when the user may open a page needing ``action``; else a sign-in redirect or a 403 page."""
    if w.actor is None:
        target = quote(str(w.request.url.path), safe="/")
        return RedirectResponse(f"/ui/login?next={target}", status_code=303)
    if not w.can(action):
        return w.page("error.html", status_code=403, message=w.t("error.forbidden"))
    return None
