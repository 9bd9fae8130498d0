"""Texts: screen a draft, redact PII, ingest a borrower reply (signals → states), unmask a field."""

from __future__ import annotations

from typing import Any

from collectguard.errors import NotFoundError, ValidationError
from collectguard.model import AccountState, Addressee, parse_enum
from collectguard.model.contact import window_text
from collectguard.service import accounts, analysis, lookups, states
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime, new_id
from collectguard.service.types import Actor
from collectguard.store.models import PartyRow, ReplyRow

__all__ = ["ingest_reply", "redact", "screen_message", "unmask"]


def screen_message(
    rt: Runtime, text: str, *, actor: Actor, to: str | None = None, account_id: str | None = None
) -> dict[str, Any]:
    """Screen a draft against the account's packs (or the default ones); nothing recorded.

    The composer and the completion of a contact must agree, so a draft for an account is
    screened by that account's jurisdictions, exactly as its completion will be.
    """
    require(actor, "text")
    if to is not None:
        to = parse_enum(Addressee, to, field="to").value
    packs = tuple(rt.settings.rulepacks)
    if account_id is not None:
        with rt.db.read() as session:
            packs = rt.jurisdictions(tuple(accounts.get_row(session, account_id).rulepacks))
    return analysis.screen(text, packs=packs, to=to)


def redact(rt: Runtime, text: str, *, actor: Actor) -> dict[str, Any]:
    """Find and mask PII in a text; nothing recorded."""
    require(actor, "text")
    return analysis.redact(text)


def ingest_reply(rt: Runtime, account_id: str, party_id: str, text: str, *, actor: Actor) -> dict[str, Any]:
    """Analyse a borrower reply, store it encrypted, and apply its state changes and opt-outs."""
    require(actor, "replies")
    with rt.db.read() as session:
        account = accounts.get_row(session, account_id)
        sender_role = accounts.get_party(session, account_id, party_id).role
        packs = rt.jurisdictions(tuple(account.rulepacks))
    region = rt.region(packs)
    result = analysis.analyze_reply(
        text, packs=packs, region=region, crisis_hold_hours=rt.settings.crisis_min_hold_hours
    )
    body: dict[str, Any] = dict(result.to_dict())
    applied = []
    with rt.db.write() as session:
        lookups.lock_account(session, account_id)
        now = rt.now()
        rid = new_id("rpl")
        session.add(
            ReplyRow(
                id=rid,
                account_id=account_id,
                party_id=party_id,
                text_enc=rt.keyring.encrypt(text, context=f"reply:{rid}"),
                analysis=_without_text(body),
                at=now,
            )
        )
        for change in getattr(result, "state_changes", ()):
            if sender_role not in _LIABLE and change.state in _ABOUT_THE_DEBTOR:
                applied.append(_third_party_change(rt, session, account_id, party_id, change, sender_role))
                continue
            if getattr(change, "hours", ()):
                days = tuple(getattr(change, "days", ()))
                for hours in change.hours:
                    if states.quiet_hours(
                        rt, session, party_id, tuple(hours), by=actor.id, rule=change.rule, now=now, days=days
                    ):
                        applied.append(
                            {"quiet_hours": window_text(hours[0], hours[1], days), "rule": change.rule}
                        )
                continue
            if getattr(change, "opt_out_channel", None):
                if states.opt_out(
                    rt, session, party_id, str(change.opt_out_channel), by=actor.id, rule=change.rule, now=now
                ):
                    applied.append({"opt_out": str(change.opt_out_channel), "rule": change.rule})
                continue
            if change.state is None:
                # a place not to contact or an offer: recorded in the audit entry below
                applied.append(
                    {k: v for k, v in (("place", change.place), ("offer", change.offer)) if v}
                    | {"rule": change.rule}
                )
                continue
            view = states.apply_state(
                rt,
                session,
                account_id,
                AccountState(str(change.state)),
                by=actor.id,
                reason=f"reply {rid}: {change.reason_en}",
                rule=change.rule,
                min_hold_hours=change.min_hold_hours,
                review=change.review,
                now=now,
            )
            if view is not None:
                applied.append(view.to_dict())
        rt.audit(
            session,
            actor=actor.id,
            action="reply.ingest",
            subject=account_id,
            payload={
                "reply_id": rid,
                "party_id": party_id,
                "signals": _signal_types(body),
                "applied": applied,
            },
        )
    body["reply_id"] = rid
    body["applied"] = applied
    return body


#: who owes the debt; what anyone else says about it does not hold the account by itself
_LIABLE = ("borrower", "guarantor")
#: states that only the debtor's own word can open: a relative's "不是他借的" is noted for
#: verification, and a relative's "别再打给我" suppresses that relative, not the borrower
_ABOUT_THE_DEBTOR = ("disputed", "cease_requested")


def _third_party_change(
    rt: Runtime, session: Any, account_id: str, party_id: str, change: Any, role: str
) -> dict[str, Any]:
    if change.state == "cease_requested":
        party = accounts.get_party(session, account_id, party_id)
        if not party.suppressed:
            party.suppressed = True
            # parties carry no version trigger: invalidate the cached decision inputs by hand
            accounts.get_row(session, account_id).version += 1
        return {"suppressed": party_id, "from": role, "rule": _suppression_rule(rt, account_id, session)}
    return {"noted": str(change.state), "from": role, "rule": change.rule}


def _suppression_rule(rt: Runtime, account_id: str, session: Any) -> str | None:
    account = accounts.get_row(session, account_id)
    for pack in rt.packs(tuple(account.rulepacks)):
        for rule in pack.rules:
            if (
                rule.spec.kind == "party_restriction"
                and getattr(rule.spec.params, "mode", "") == "suppressed"
            ):
                return rule.id
    return None


def _signal_types(body: dict[str, Any]) -> list[str]:
    return [str(s.get("type")) for s in body.get("signals", []) if isinstance(s, dict)]


def _without_text(body: dict[str, Any]) -> dict[str, Any]:
    # Keep offsets, types and rules; drop quoted evidence so no plaintext lands in the table.
    return {
        "signals": analysis.storable_signals(body.get("signals")),
        "states": [
            {
                k: s.get(k)
                for k in (
                    "state",
                    "opt_out_channel",
                    "rule",
                    "min_hold_hours",
                    "signal",
                    "place",
                    "offer",
                    "hours",
                )
            }
            for s in body.get("states", [])
            if isinstance(s, dict)
        ],
    }


def unmask(rt: Runtime, party_id: str, field: str, *, actor: Actor, reason: str) -> dict[str, Any]:
    """Reveal one party field to a supervisor or compliance officer, with a mandatory reason, audited."""
    require(actor, "unmask")
    if not reason or len(reason.strip()) < 4:
        raise ValidationError("a reason of at least 4 characters is required", field="reason")
    with rt.db.write() as session:
        party = session.get(PartyRow, party_id)
        if party is None:
            raise NotFoundError(f"no party {party_id!r}", field="party_id")
        value = accounts.reveal(rt, party, field)
        rt.audit(
            session,
            actor=actor.id,
            action="pii.unmask",
            subject=party_id,
            payload={"field": field, "reason": reason.strip(), "account_id": party.account_id},
        )
    return {"party_id": party_id, "field": field, "value": value}
