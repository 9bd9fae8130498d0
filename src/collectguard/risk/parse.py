"""A risk case from plain JSON: the account, its events and the rule packs, with field paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from collectguard.errors import ValidationError
from collectguard.policy.scenario import parse_timestamp
from collectguard.risk.features import RiskAccount
from collectguard.wellbeing.parse import parse_bundle
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord


@dataclass(frozen=True, slots=True)
class RiskCase:
    account: RiskAccount
    rulepacks: tuple[str, ...]
    contacts: tuple[ContactRecord, ...]
    replies: tuple[ReplyRecord, ...]
    messages: tuple[MessageRecord, ...]
    #: the moment to score at; None means "just after the latest event"
    now: datetime | None

    def latest(self) -> datetime | None:
        times = (
            [c.ended_at for c in self.contacts] + [r.at for r in self.replies] + [m.at for m in self.messages]
        )
        return max(times, default=None)


def _number(raw: dict[str, Any], key: str, field: str) -> float:
    value = raw.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValidationError("expected a number >= 0", field=f"{field}.{key}")
    return float(value)


def parse_risk_case(raw: Any, field: str = "case") -> RiskCase:
    """``{"account": {"id", "timezone", "rulepacks"?, "states"?, "overdue_days"?, "overdue_amount"?,
    "earlier_complaints"?}, "contacts": [...], "replies": [...], "messages": [...], "now"?}``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("account"), dict):
        raise ValidationError("expected an object with an account object", field=field)
    acc = raw["account"]
    where = f"{field}.account"
    ident = acc.get("id", acc.get("account_id"))
    if not isinstance(ident, str) or not ident:
        raise ValidationError("expected a non-empty string", field=f"{where}.id")
    tz = acc.get("timezone")
    if not isinstance(tz, str):
        raise ValidationError("expected an IANA zone such as Asia/Shanghai", field=f"{where}.timezone")
    packs = acc.get("rulepacks", ["cn"])
    states = acc.get("states", [])
    for key, value in (("rulepacks", packs), ("states", states)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("expected a list of strings", field=f"{where}.{key}")
    try:
        account = RiskAccount(
            account_id=ident,
            timezone=tz,
            states=frozenset(states),
            overdue_days=_number(acc, "overdue_days", where),
            overdue_amount=_number(acc, "overdue_amount", where),
            earlier_complaints=int(_number(acc, "earlier_complaints", where)),
        )
    except ValidationError as exc:
        raise ValidationError(exc.message, field=f"{where}.{exc.field}") from None
    contacts, replies, messages = parse_bundle(
        {k: raw.get(k, []) for k in ("contacts", "replies", "messages")}
    )
    now = parse_timestamp(raw["now"], f"{field}.now") if raw.get("now") is not None else None
    return RiskCase(account, tuple(packs), tuple(contacts), tuple(replies), tuple(messages), now)
