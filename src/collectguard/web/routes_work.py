"""工作台: the work list, an account's panel, reserve-and-call, completion, replies, screening, unmask."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, Response

from collectguard.errors import CollectguardError
from collectguard.web import workview
from collectguard.web.deps import gate, web
from collectguard.web.render import Web, redirect
from collectguard.web.rewrite import segments
from collectguard.web.rulebook import rule_message

router = APIRouter(include_in_schema=False)

_BENCH = "/ui/workbench"


def _back(account_id: str, **params: str | None) -> Response:
    return redirect(_BENCH, account=account_id, **params)


def _workbench(w: Web, account: str | None, *, mine: bool, q: str, page: int, **extra: Any) -> Response:
    assert w.actor is not None
    can_contact = w.can("contact")
    listing = workview.work_list(
        w.service, w.actor, w.t, mine=mine, query=q, page=page, can_contact=can_contact
    )
    panel = None
    if account:
        try:
            panel = workview.account_panel(w.service, account, w.actor, w.t, can_contact=can_contact)
        except CollectguardError as exc:
            return w.page("error.html", status_code=404, message=exc.message)
    return w.page("workbench.html", listing=listing, panel=panel, q=q, account=account, **extra)


@router.get("/ui/workbench")
def workbench(
    account: str | None = None,
    mine: int = 1,
    q: str = "",
    page: int = 0,
    attempt: str | None = None,
    w: Web = Depends(web),
) -> Response:
    if (denied := gate(w, "accounts.read")) is not None:
        return denied
    return _workbench(w, account, mine=bool(mine), q=q, page=max(0, page), attempt=attempt)


@router.post("/ui/reserve")
def reserve(
    account_id: str = Form(...), party_id: str = Form(...), channel: str = Form("call"), w: Web = Depends(web)
) -> Response:
    if (denied := gate(w, "contact")) is not None:
        return denied
    assert w.actor is not None
    try:
        result = w.service.reserve_contact(account_id, party_id, channel, actor=w.actor)
    except CollectguardError as exc:
        return _back(account_id, error=exc.message)
    if result.attempt_id is None:
        reasons = "；".join(w.t.pick(d.message_zh, d.message_en) for d in result.decision.denials)
        return _back(account_id, error=w.t("work.denied", reasons=reasons))
    return _back(account_id, attempt=result.attempt_id, notice=w.t("work.reserved"))


@router.post("/ui/complete")
def complete(
    account_id: str = Form(...),
    attempt_id: str = Form(...),
    outcome: str = Form(...),
    text: str = Form(""),
    w: Web = Depends(web),
) -> Response:
    if (denied := gate(w, "contact")) is not None:
        return denied
    assert w.actor is not None
    try:
        done = w.service.complete_contact(attempt_id, outcome, actor=w.actor, text=text.strip() or None)
    except CollectguardError as exc:
        return _back(account_id, attempt=attempt_id, error=exc.message)
    verdict = done.screening["verdict"] if done.screening else None
    note = w.t("work.completed") + (f" · {w.t('verdict.' + verdict)}" if verdict else "")
    return _back(account_id, notice=note)


@router.post("/ui/cancel")
def cancel(account_id: str = Form(...), attempt_id: str = Form(...), w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "contact")) is not None:
        return denied
    assert w.actor is not None
    try:
        w.service.cancel_contact(attempt_id, actor=w.actor)
    except CollectguardError as exc:
        return _back(account_id, error=exc.message)
    return _back(account_id, notice=w.t("work.cancelled"))


@router.post("/ui/reply")
def reply(
    account_id: str = Form(...), party_id: str = Form(...), text: str = Form(...), w: Web = Depends(web)
) -> Response:
    if (denied := gate(w, "replies")) is not None:
        return denied
    assert w.actor is not None
    try:
        result = w.service.ingest_reply(account_id, party_id, text, actor=w.actor)
    except CollectguardError as exc:
        return _back(account_id, error=exc.message)
    kinds = [w.t("signal." + s["type"]) for s in result.get("signals", [])]
    applied = [w.t("state." + a["state"]) for a in result.get("applied", []) if "state" in a]
    note = w.t("work.reply_saved", signals="、".join(kinds) or w.t("signal.neutral"))
    if applied:
        note += " · " + w.t("work.states_opened", states="、".join(applied))
    return _back(account_id, notice=note)


@router.post("/ui/unmask")
def unmask(
    account_id: str = Form(...),
    party_id: str = Form(...),
    field: str = Form(...),
    reason: str = Form(""),
    w: Web = Depends(web),
) -> Response:
    if (denied := gate(w, "unmask")) is not None:
        return denied
    assert w.actor is not None
    try:
        result = w.service.unmask(party_id, field, actor=w.actor, reason=reason)
    except CollectguardError as exc:
        return _back(account_id, error=exc.message)
    # The value is rendered once into this response and never put in a URL or a log.
    revealed = {(party_id, field): result["value"]}
    return _workbench(w, account_id, mine=False, q="", page=0, revealed=revealed)


@router.post("/ui/api/screen")
async def screen(request: Request, w: Web = Depends(web)) -> JSONResponse:
    """Screen a draft as the collector types: findings, highlighted pieces, one compliant rewrite."""
    if w.actor is None:
        return JSONResponse({"error": {"code": "unauthenticated", "message": w.t("error.signin")}}, 401)
    try:
        body = await request.json()
        text = str(body.get("text", ""))[:4000]
        to = body.get("to") or None
        account_id = body.get("account_id") or None
        result = w.service.screen_message(text, actor=w.actor, to=to, account_id=account_id)
    except CollectguardError as exc:
        return JSONResponse({"error": {"code": exc.code, "message": exc.message, "field": exc.field}}, 422)
    except (ValueError, AttributeError):
        return JSONResponse({"error": {"code": "bad_json", "message": 'body must be {"text": ...}'}}, 400)
    findings = list(result.get("findings", []))
    for f in findings:
        f["label"] = w.t("category." + str(f.get("category")))
        f["reason"] = _reason(f, w.lang)
    return JSONResponse(
        {
            "verdict": result.get("verdict", "pass"),
            "verdict_label": w.t("verdict." + str(result.get("verdict", "pass"))),
            "findings": findings,
            "segments": segments(text, findings),
            "rewrite": result.get("rewrite"),
        }
    )


def _reason(finding: dict[str, Any], lang: str) -> str:
    explanation = finding.get("explanation")
    if isinstance(explanation, dict):
        return str(explanation.get(lang) or explanation.get("zh") or "")
    for key in (f"explanation_{lang}", f"message_{lang}", "explanation", "message"):
        if finding.get(key):
            return str(finding[key])
    return rule_message(finding.get("rule"), lang)
