"""Contacts, replies and messages from plain JSON objects, with the field path of any error.

The CLI reads them from files and the bench builds them directly; both go through here
so a file written by hand fails with "contacts[3].started_at: …", never a traceback.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from collectguard.errors import ValidationError
from collectguard.model import Channel, Outcome, PartyRole, parse_enum
from collectguard.policy.scenario import parse_timestamp
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord


def _str(raw: dict[str, Any], key: str, field: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value:
        raise ValidationError("expected a non-empty string", field=f"{field}.{key}")
    return value


def _bool(raw: dict[str, Any], key: str, field: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ValidationError("expected true or false", field=f"{field}.{key}")
    return value


def _number(raw: dict[str, Any], key: str, field: str) -> float:
    value = raw.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValidationError("expected a number >= 0", field=f"{field}.{key}")
    return float(value)


def _strings(raw: dict[str, Any], key: str, field: str) -> frozenset[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("expected a list of strings", field=f"{field}.{key}")
    return frozenset(value)


def _object(raw: Any, field: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValidationError("expected an object", field=field)
    return raw


def parse_contact(raw: Any, field: str = "contact") -> ContactRecord:
    """``started_at`` with an offset, and ``duration_s`` or ``ended_at``; flags default to false."""
    obj = _object(raw, field)
    started = parse_timestamp(obj.get("started_at"), f"{field}.started_at")
    if "ended_at" in obj:
        ended: datetime = parse_timestamp(obj["ended_at"], f"{field}.ended_at")
        duration = (ended - started).total_seconds()
        if duration < 0:
            raise ValidationError("ended before it started", field=f"{field}.ended_at")
    else:
        duration = _number(obj, "duration_s", field)
    return ContactRecord(
        collector_id=_str(obj, "collector_id", field),
        account_id=_str(obj, "account_id", field),
        started_at=started,
        duration_s=duration,
        channel=parse_enum(Channel, obj.get("channel", "call"), field=f"{field}.channel"),
        outcome=parse_enum(Outcome, obj.get("outcome", "connected"), field=f"{field}.outcome"),
        party_role=parse_enum(PartyRole, obj.get("party_role", "borrower"), field=f"{field}.party_role"),
        party_id=_str(obj, "party_id", field, required=False),
        hostile=_bool(obj, "hostile", field),
        crisis=_bool(obj, "crisis", field),
        after_hours=_bool(obj, "after_hours", field),
        id=_str(obj, "id", field, required=False),
    )


def parse_reply(raw: Any, field: str = "reply") -> ReplyRecord:
    obj = _object(raw, field)
    collector = obj.get("collector_id")
    if collector is not None and not isinstance(collector, str):
        raise ValidationError("expected a string", field=f"{field}.collector_id")
    return ReplyRecord(
        account_id=_str(obj, "account_id", field),
        at=parse_timestamp(obj.get("at"), f"{field}.at"),
        signals=_strings(obj, "signals", field),
        collector_id=collector,
        contact_id=_str(obj, "contact_id", field, required=False),
    )


def parse_message(raw: Any, field: str = "message") -> MessageRecord:
    obj = _object(raw, field)
    verdict = obj.get("verdict", "pass")
    if verdict not in ("pass", "warn", "block"):
        raise ValidationError(f"{verdict!r} is not pass, warn or block", field=f"{field}.verdict")
    return MessageRecord(
        account_id=_str(obj, "account_id", field),
        at=parse_timestamp(obj.get("at"), f"{field}.at"),
        verdict=verdict,
        categories=_strings(obj, "categories", field),
        collector_id=obj.get("collector_id") if isinstance(obj.get("collector_id"), str) else None,
    )


_PARSERS = {"contact": parse_contact, "reply": parse_reply, "message": parse_message}


def parse_events(
    items: list[Any], *, prefix: str = "line"
) -> tuple[list[ContactRecord], list[ReplyRecord], list[MessageRecord]]:
    """Mixed records, each with ``kind`` contact (default), reply or message."""
    contacts: list[ContactRecord] = []
    replies: list[ReplyRecord] = []
    messages: list[MessageRecord] = []
    sinks: dict[str, list[Any]] = {"contact": contacts, "reply": replies, "message": messages}
    for i, raw in enumerate(items):
        field = f"{prefix} {i + 1}" if prefix == "line" else f"{prefix}[{i}]"
        kind = raw.get("kind", "contact") if isinstance(raw, dict) else "contact"
        if kind not in _PARSERS:
            raise ValidationError(f"kind {kind!r} is not contact, reply or message", field=f"{field}.kind")
        sinks[kind].append(_PARSERS[kind](raw, field))
    return contacts, replies, messages


def parse_bundle(raw: Any) -> tuple[list[ContactRecord], list[ReplyRecord], list[MessageRecord]]:
    """``{"contacts": [...], "replies": [...], "messages": [...]}`` or a list of mixed records."""
    if isinstance(raw, list):
        return parse_events(raw, prefix="records")
    obj = _object(raw, "(file)")
    out: tuple[list[Any], ...] = ([], [], [])
    for slot, (key, parser) in enumerate(
        (("contacts", parse_contact), ("replies", parse_reply), ("messages", parse_message))
    ):
        items = obj.get(key, [])
        if not isinstance(items, list):
            raise ValidationError("expected a list", field=key)
        out[slot].extend(parser(item, f"{key}[{i}]") for i, item in enumerate(items))
    return out[0], out[1], out[2]
