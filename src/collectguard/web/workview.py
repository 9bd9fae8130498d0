"""The workbench's view model: work-list rows and one account's panel, built from service calls."""

from __future__ import annotations

from typing import Any

from collectguard.errors import CollectguardError
from collectguard.model import Decision
from collectguard.service import AccountView, Actor, Service
from collectguard.service import dashboard as board
from collectguard.service import dashboard_checks as checks
from collectguard.text.signal_playbook import playbook
from collectguard.text.signal_types import Signal
from collectguard.web import risk_view
from collectguard.web.i18n import Translator

__all__ = ["account_panel", "status_of", "work_list"]

PAGE_SIZE = 20
#: channels a collector can act on from the panel
CHANNELS = ("call", "sms")
#: an open account state → the borrower signal whose guidance still applies
_STATE_SIGNAL = {
    "crisis": "distress_self_harm",
    "disputed": "dispute",
    "complaint_open": "complaint_intent",
    "cease_requested": "cease_request",
    "attorney_represented": "attorney",
}
_ROLE_ORDER = {"borrower": 0, "guarantor": 1, "emergency_contact": 2, "third_party": 3}


def status_of(decision: Decision, t: Translator) -> dict[str, Any]:
    """A decision as the page shows it: allowed, each denying rule with message and citation, next time."""
    return {
        "allowed": decision.allowed,
        "next_allowed_at": decision.next_allowed_at.isoformat() if decision.next_allowed_at else None,
        "reasons": [
            {"rule": d.rule_id, "message": t.pick(d.message_zh, d.message_en), "citation": d.citation}
            for d in decision.denials
        ],
    }


def work_list(
    service: Service, actor: Actor, t: Translator, *, mine: bool, query: str, page: int, can_contact: bool
) -> dict[str, Any]:
    """One page of the work list with each borrower's call status now."""
    ids, total = board.account_ids(
        service, actor=actor, mine=mine, query=query, limit=PAGE_SIZE, offset=page * PAGE_SIZE
    )
    if mine and total == 0 and not query:
        # A collector with no history yet works the whole portfolio.
        mine = False
        ids, total = board.account_ids(
            service, actor=actor, mine=False, query=query, limit=PAGE_SIZE, offset=page * PAGE_SIZE
        )
    borrowers = board.borrower_ids(service, ids)
    states = board.open_states(service, ids)
    names = board.borrower_names(service, ids)
    risks = risk_view.scores(service, ids, actor=actor)
    decisions = (
        checks.contact_statuses(service, list(borrowers.items()), ("call",), actor=actor)
        if can_contact
        else {}
    )
    rows = []
    for account_id in ids:
        found = decisions.get((account_id, borrowers.get(account_id, ""), "call"))
        status = status_of(found, t) if found is not None else None
        rows.append(
            {
                "id": account_id,
                "external_id": names.get(account_id, ("", ""))[0],
                "name": names.get(account_id, ("", ""))[1],
                "states": states.get(account_id, []),
                "status": status,
                "risk": risks.get(account_id),
            }
        )
    return {"rows": rows, "total": total, "mine": mine, "page": page, "pages": max(1, -(-total // PAGE_SIZE))}


def _playbook(timeline: list[dict[str, Any]], open_states: set[str], region: str) -> dict[str, Any] | None:
    """Guidance for the newest reply's signals plus the signals behind the account's open states.

    The store keeps signals, not advice, so the playbook is rebuilt here; an open crisis
    always brings the crisis guidance, even when the newest reply spoke of something else.
    """
    kinds = {_STATE_SIGNAL[s] for s in open_states if s in _STATE_SIGNAL}
    at = None
    for event in timeline:
        if event["kind"] == "reply" and event.get("signals"):
            kinds |= {str(s["type"]) for s in event["signals"]}
            at = event["at"]
            break
    if not kinds:
        return None
    signals = [Signal(type=k, start=0, end=0, confidence=1.0, evidence="") for k in sorted(kinds)]
    try:
        book = playbook(signals, region=region).to_dict()
    except CollectguardError:
        book = playbook(signals, region="cn").to_dict()
    if not (book["guidance"] or book["crisis"]):
        return None
    return {**book, "at": at}


def account_panel(
    service: Service, account_id: str, actor: Actor, t: Translator, *, can_contact: bool
) -> dict[str, Any]:
    """One account: masked parties with their status per channel, states, timeline, playbook, risk."""
    view: AccountView = service.get_account(account_id, actor=actor)
    ordered = sorted(view.parties, key=lambda p: _ROLE_ORDER.get(p.role, 9))
    decisions = (
        checks.contact_statuses(service, [(view.id, p.id) for p in ordered], CHANNELS, actor=actor)
        if can_contact
        else {}
    )
    parties = []
    for p in ordered:
        statuses = {}
        for channel in CHANNELS if can_contact else ():
            found = decisions.get((view.id, p.id, channel))
            statuses[channel] = status_of(found, t) if found is not None else None
        parties.append({"party": p, "status": statuses})
    timeline = service.account_timeline(account_id, actor=actor, limit=60)
    return {
        "view": view,
        "parties": parties,
        "timeline": timeline,
        "playbook": _playbook(timeline, {st.state for st in view.states}, service.region(view.rulepacks)),
        "names": board.user_names(service),
        "risk": risk_view.detail(service, account_id, actor=actor),
    }
