"""审计 and 规则: chain verification, the unmask log, record export, the active rule packs."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from collectguard.errors import CollectguardError
from collectguard.policy import load_pack, shipped_pack_names
from collectguard.service import dashboard as board
from collectguard.service import dashboard_audit as records
from collectguard.store.audit import AuditReport
from collectguard.web.deps import gate, web
from collectguard.web.render import Web, redirect

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class _Verified:
    report: AuditReport
    at: datetime


#: the last full verification per database, in this process. Walking the whole chain takes
#: time proportional to its length, so a page view shows the last result and whether new
#: entries arrived since; verifying again is an explicit action.
_LAST: dict[str, _Verified] = {}


@router.get("/ui/audit")
def audit(w: Web = Depends(web)) -> Response:
    if (denied := gate(w, "audit")) is not None:
        return denied
    assert w.actor is not None
    last = _LAST.get(w.service.database.url)
    head = w.service.audit_head()
    return w.page(
        "audit.html",
        report=last.report if last else None,
        verified_at=last.at if last else None,
        new_entries=head.seq - last.report.head.seq if last else head.seq,
        head=head,
        unmasks=records.unmask_log(w.service, actor=w.actor),
        events=records.recent_events(w.service, actor=w.actor, limit=25),
        names=board.user_names(w.service),
    )


@router.post("/ui/audit/verify")
def verify(w: Web = Depends(web)) -> Response:
    """Walk the whole hash chain now and keep the result for the page."""
    if (denied := gate(w, "audit")) is not None:
        return denied
    assert w.actor is not None
    report = w.service.verify_audit(actor=w.actor)
    _LAST[w.service.database.url] = _Verified(report, w.service.now())
    return redirect("/ui/audit")


@router.get("/ui/audit/export")
def export(account: str = "", fmt: str = "json", w: Web = Depends(web)) -> Response:
    """An account's full record (by id or external id) as JSON or as CSV of its timeline and audit."""
    if (denied := gate(w, "audit")) is not None:
        return denied
    assert w.actor is not None
    account_id = records.resolve_account(w.service, account.strip())
    if account_id is None:
        return redirect("/ui/audit", error=w.t("audit.no_account", account=account))
    try:
        record = records.full_record(w.service, account_id, actor=w.actor)
    except CollectguardError as exc:
        return redirect("/ui/audit", error=exc.message)
    # the account id is ASCII; an external id may not be, and headers are Latin-1
    name = f"collectguard-{account_id}"
    if fmt == "csv":
        return Response(
            _csv(record),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return Response(
        json.dumps(record, ensure_ascii=False, indent=2, default=str),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}.json"'},
    )


def _csv(record: dict[str, object]) -> str:
    """One row per timeline event and per audit entry; nested details as JSON in the last column."""
    out = io.StringIO()
    out.write("\ufeff")  # so spreadsheet programs read the Chinese text as UTF-8
    writer = csv.writer(out)
    writer.writerow(["source", "at", "kind", "actor", "subject", "details"])
    for e in record["timeline"]:  # type: ignore[attr-defined]
        details = {k: v for k, v in e.items() if k not in ("at", "kind")}
        writer.writerow(["timeline", e["at"], e["kind"], e.get("collector_id", ""), "", _j(details)])
    for e in record["audit"]:  # type: ignore[attr-defined]
        writer.writerow(["audit", e["at"], e["action"], e["actor"], e["subject"], _j(e["payload"])])
    return out.getvalue()


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


@router.get("/ui/rules")
def rules(w: Web = Depends(web)) -> Response:
    """The shipped packs and the installation's own packs and overlays (``packs_dir``)."""
    if (denied := gate(w, "text")) is not None:
        return denied
    active = set(w.service.settings.rulepacks)
    sources: list[str | Path] = list(shipped_pack_names())
    folder = w.service.settings.packs_dir
    if folder is not None and Path(folder).is_dir():
        sources += sorted(p for p in Path(folder).iterdir() if p.suffix in (".yaml", ".yml"))
    packs, broken = [], []
    for source in sources:
        try:
            packs.append(load_pack(source))
        except CollectguardError as exc:
            broken.append(f"{source}: {exc.message}")
    packs.sort(key=lambda p: (p.name not in active, p.base is not None, p.name))
    return w.page("rules.html", packs=packs, active=active, broken=broken)
