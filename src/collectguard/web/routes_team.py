"""质检, 预警, 统计 and 员工关怀: the pages a supervisor works from."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends, Form
from fastapi.responses import Response

from collectguard.errors import CollectguardError
from collectguard.service import dashboard as board
from collectguard.web import charts, risk_view, wellbeing_view
from collectguard.web.deps import gate, web
from collectguard.web.render import Web, redirect

router = APIRouter(include_in_schema=False)


@router.get("/ui/qa")
def qa(w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "team")) is not None:
        return denied
    assert w.actor is not None
    queue = board.qa_queue(w.service, actor=w.actor)
    return w.page("qa.html", queue=queue, names=board.user_names(w.service))


@router.post("/ui/qa/review")
def review(
    message_id: str = Form(...), decision: str = Form(...), note: str = Form(""), w: Web = Depends(web)
) -> Response:
    if (denied := gate(w, "team")) is not None:
        return denied
    assert w.actor is not None
    if decision not in ("accept", "dismiss"):
        return redirect("/ui/qa", error=w.t("qa.bad_decision"))
    try:
        w.service.mark_reviewed(message_id, actor=w.actor, note=f"{decision}: {note.strip()}".strip())
    except CollectguardError as exc:
        return redirect("/ui/qa", error=exc.message)
    return redirect("/ui/qa", notice=w.t("qa.done_" + decision))


@router.get("/ui/alerts")
def alerts(w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "team")) is not None:
        return denied
    assert w.actor is not None
    rows = board.alert_rows(w.service, actor=w.actor)
    return w.page("alerts.html", rows=rows, names=board.user_names(w.service))


@router.post("/ui/alerts/clear")
def clear(
    account_id: str = Form(...), state: str = Form(...), reason: str = Form(""), w: Web = Depends(web)
) -> Response:
    if (denied := gate(w, "states")) is not None:
        return denied
    assert w.actor is not None
    try:
        w.service.clear_state(account_id, state, actor=w.actor, reason=reason)
    except CollectguardError as exc:
        return redirect("/ui/alerts", error=exc.message)
    return redirect("/ui/alerts", notice=w.t("alerts.cleared"))


@router.get("/ui/risk")
def risk(w: Web = Depends(web)) -> Response:
    """Accounts by complaint risk, highest first, with the factors behind each score."""
    if (denied := gate(w, "team")) is not None:
        return denied
    assert w.actor is not None
    rows = risk_view.queue(w.service, actor=w.actor, limit=30)
    names = board.external_ids(w.service, [r["account_id"] for r in rows or []])
    states = board.open_states(w.service, [r["account_id"] for r in rows or []])
    return w.page("risk.html", rows=rows, names=names, states=states)


@router.get("/ui/stats")
def stats(w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "team")) is not None:
        return denied
    assert w.actor is not None
    today = w.service.now().date()
    days = [(today - timedelta(days=13 - i)).isoformat() for i in range(14)]
    contacts = {r["day"]: r for r in w.service.contacts_per_day(actor=w.actor, days=14)}
    flagged = {r["day"]: r for r in board.violations_per_day(w.service, actor=w.actor, days=14)}
    contact_chart = charts.bars_by_day(
        days,
        [
            (w.t("stats.attempts"), "#2563eb", [contacts.get(d, {}).get("attempts", 0) for d in days]),
            (w.t("stats.connected"), "#16a34a", [contacts.get(d, {}).get("connected", 0) for d in days]),
        ],
        title=w.t("stats.contacts_title"),
    )
    violation_chart = charts.bars_by_day(
        days,
        [
            (w.t("stats.flagged"), "#d97706", [flagged.get(d, {}).get("flagged", 0) for d in days]),
            (w.t("stats.denied"), "#dc2626", [flagged.get(d, {}).get("denied", 0) for d in days]),
        ],
        title=w.t("stats.violations_title"),
    )
    categories = board.findings_by_category(w.service, actor=w.actor, days=30)
    category_chart = charts.horizontal_bars(
        [(w.t("category." + c), n) for c, n in categories], width=1240, title=w.t("stats.categories_title")
    )
    totals = {
        "attempts": sum(r["attempts"] for r in contacts.values()),
        "connected": sum(r["connected"] for r in contacts.values()),
        "flagged": sum(r["flagged"] for r in flagged.values()),
        "denied": sum(r["denied"] for r in flagged.values()),
    }
    return w.page(
        "stats.html",
        contact_chart=contact_chart,
        violation_chart=violation_chart,
        category_chart=category_chart,
        has_categories=bool(categories),
        totals=totals,
    )


@router.get("/ui/wellbeing")
def wellbeing(w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "text")) is not None:
        return denied
    assert w.actor is not None
    return w.page("wellbeing.html", data=wellbeing_view.build(w.service, w.actor))
