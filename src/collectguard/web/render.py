"""Jinja2 rendering with the per-request context every page shares (user, language, menu)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from collectguard.service import PERMISSIONS, Actor, Service
from collectguard.web.i18n import Translator
from collectguard.web.rulebook import rule_message

__all__ = ["NAV", "Web", "env", "local_time", "redirect"]

#: menu entries: (path, string key, action of the role matrix that the page needs)
NAV: tuple[tuple[str, str, str], ...] = (
    ("/ui/workbench", "nav.workbench", "accounts.read"),
    ("/ui/qa", "nav.qa", "team"),
    ("/ui/alerts", "nav.alerts", "team"),
    ("/ui/risk", "nav.risk", "team"),
    ("/ui/stats", "nav.stats", "team"),
    ("/ui/wellbeing", "nav.wellbeing", "text"),
    ("/ui/audit", "nav.audit", "audit"),
    ("/ui/rules", "nav.rules", "text"),
)

#: every page carries personal data (masked or revealed): never cached, framed or leaked by referrer;
#: scripts and styles come only from this server (inline SVG charts use style attributes)
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}

#: the floor's display zone for times that belong to no borrower
FLOOR_ZONE = ZoneInfo("Asia/Shanghai")


def local_time(value: str | datetime | None, fmt: str = "%m-%d %H:%M") -> str:
    """A stored UTC instant shown in the floor's time zone."""
    if value is None or value == "":
        return "—"
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.astimezone(FLOOR_ZONE).strftime(fmt)


env = Environment(
    loader=PackageLoader("collectguard.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["localtime"] = local_time


def can(actor: Actor | None, action: str) -> bool:
    return actor is not None and actor.role in PERMISSIONS[action]


@dataclass
class Web:
    """What a page handler needs: the request, the service, who is signed in, and their language."""

    request: Request
    service: Service
    actor: Actor | None
    t: Translator

    @property
    def lang(self) -> str:
        return self.t.lang

    def can(self, action: str) -> bool:
        return can(self.actor, action)

    def page(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        nav = [
            (path, self.t(key), path == self.request.url.path)
            for path, key, action in NAV
            if self.can(action)
        ]
        html = env.get_template(template).render(
            t=self.t,
            lang=self.lang,
            actor=self.actor,
            nav=nav,
            can=self.can,
            path=self.request.url.path,
            query=str(self.request.url.query),
            notice=self.request.query_params.get("notice"),
            error=self.request.query_params.get("error"),
            rule_message=lambda rule_id: rule_message(rule_id, self.lang),
            **context,
        )
        response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
        if self.request.query_params.get("lang") == self.lang:
            # An explicit ?lang= choice sticks for the next pages.
            response.set_cookie("cg_lang", self.lang, max_age=365 * 86400, samesite="lax", httponly=True)
        return response


def redirect(path: str, **params: str | None) -> RedirectResponse:
    """A 303 to ``path`` with a notice or error to show once (PRG after a form)."""
    query = urlencode({k: v for k, v in params.items() if v})
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)
