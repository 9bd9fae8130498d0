"""Sign in and out with a user name and password (argon2, checked by the service)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from collectguard.errors import AuthenticationError
from collectguard.web.deps import web
from collectguard.web.render import Web
from collectguard.web.session import COOKIE, LIFETIME, write_session

router = APIRouter(include_in_schema=False)

#: where each role starts
HOME = {
    "collector": "/ui/workbench",
    "supervisor": "/ui/qa",
    "compliance": "/ui/audit",
    "admin": "/ui/alerts",
}


def _safe_next(target: str | None) -> str | None:
    # Only same-site paths: never redirect a signed-in user to another host.
    if target and target.startswith("/ui/") and "//" not in target and "\\" not in target:
        return target
    return None


@router.get("/")
@router.get("/ui")
@router.get("/ui/")
def root(w: Web = Depends(web)) -> Response:
    if w.actor is None:
        return RedirectResponse("/ui/login", status_code=303)
    return RedirectResponse(HOME.get(w.actor.role, "/ui/rules"), status_code=303)


@router.get("/ui/login")
def login_form(next: str | None = None, w: Web = Depends(web)) -> Response:
    return w.page("login.html", next=_safe_next(next) or "")


@router.post("/ui/login")
def login(
    username: str = Form(""), password: str = Form(""), next: str = Form(""), w: Web = Depends(web)
) -> Response:
    try:
        actor = w.service.check_password(username.strip(), password)
    except AuthenticationError:
        return w.page(
            "login.html", status_code=401, next=_safe_next(next) or "", failed=True, username=username
        )
    response = RedirectResponse(_safe_next(next) or HOME.get(actor.role, "/ui/rules"), status_code=303)
    response.set_cookie(
        COOKIE,
        write_session(w.service, actor, now=w.service.now()),
        max_age=int(LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
    )
    return response


@router.post("/ui/logout")
def logout() -> Response:
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response
