"""Parse the ``contact simulate`` scenario (design.md) into the model, with field paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from collectguard.errors import NaiveTimestampError, ValidationError
from collectguard.model import (
    Account,
    AccountState,
    Attempt,
    Channel,
    Decision,
    LocalWindow,
    Outcome,
    PartyRole,
    parse_enum,
)
from collectguard.policy.engine import decide
from collectguard.policy.history import History
from collectguard.policy.localtime import zone
from collectguard.policy.pack import RulePack, load_packs


@dataclass(frozen=True, slots=True)
class Scenario:
    packs: tuple[RulePack, ...]
    account: Account
    attempts: tuple[Attempt, ...]
    #: attempts that already happened, taken as history as they are (not re-decided); the
    #: ``linked`` ones are other accounts' attempts that reached the same number
    history: tuple[Attempt, ...] = ()


def parse_timestamp(value: Any, field: str) -> datetime:
    """ISO-8601 with an offset; a naive or malformed value names its field."""
    if not isinstance(value, str):
        raise ValidationError("expected an ISO-8601 timestamp string", field=field)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{value!r} is not an ISO-8601 timestamp", field=field) from None
    if parsed.tzinfo is None:
        raise NaiveTimestampError(f"{value!r} has no UTC offset; add one such as +08:00", field=field)
    return parsed


def _clock(value: Any, field: str) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{value!r} is not a clock time HH:MM", field=field) from None


def _hours(raw: dict[str, Any], field: str) -> LocalWindow:
    """A window of hours not to contact in: HH:MM to HH:MM or 24:00, the start before the end, on
    every day or only on ``days`` (ISO weekdays, Monday 1 to Sunday 7)."""
    start = _clock(raw.get("start"), f"{field}.start")
    end = time.max if raw.get("end") == "24:00" else _clock(raw.get("end"), f"{field}.end")
    days = raw.get("days") or []
    if not isinstance(days, list) or not all(isinstance(d, int) and 1 <= d <= 7 for d in days):
        raise ValidationError(
            f"{days!r}: days are ISO weekdays, 1 (Monday) to 7 (Sunday)", field=f"{field}.days"
        )
    window = LocalWindow(start, end, frozenset(days))
    if window.start >= window.end:
        raise ValidationError(
            "start must be before end (windows across midnight are not supported)", field=field
        )
    return window


def _dicts(value: Any, field: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValidationError("expected a list of {party_id, start, end}", field=field)
    return value


def _strings(value: Any, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("expected a list of strings", field=field)
    return value


def parse_account(raw: Any, field: str = "account", *, packs: tuple[RulePack, ...] = ()) -> Account:
    """An account; with no zone, every candidate zone of the packs applies (design.md)."""
    if not isinstance(raw, dict):
        raise ValidationError("expected an object", field=field)
    tz = raw.get("timezone", raw.get("timezones"))
    if tz is None and packs:
        tz = list(dict.fromkeys(z for p in packs for z in p.timezones))
    zones = [tz] if isinstance(tz, str) else tz
    if not zones or not isinstance(zones, list) or not all(isinstance(z, str) for z in zones):
        raise ValidationError("expected an IANA zone or a list of candidate zones", field=f"{field}.timezone")
    for z in zones:
        try:
            zone(z)
        except ValidationError as exc:
            raise ValidationError(exc.message, field=f"{field}.timezone") from None
    states = frozenset(
        parse_enum(AccountState, s, field=f"{field}.states[{i}]")
        for i, s in enumerate(_strings(raw.get("states", []), f"{field}.states"))
    )
    opted: set[tuple[str, Channel]] = set()
    for i, item in enumerate(raw.get("opted_out", []) or []):
        if not isinstance(item, dict) or "party_id" not in item or "channel" not in item:
            raise ValidationError("expected {party_id, channel}", field=f"{field}.opted_out[{i}]")
        opted.add(
            (
                str(item["party_id"]),
                parse_enum(Channel, item["channel"], field=f"{field}.opted_out[{i}].channel"),
            )
        )
    windows = tuple(
        LocalWindow(
            _clock(w.get("start"), f"{field}.consent_windows[{i}].start"),
            _clock(w.get("end"), f"{field}.consent_windows[{i}].end"),
        )
        for i, w in enumerate(raw.get("consent_windows", []) or [])
    )
    quiet = frozenset(
        (str(w.get("party_id", "borrower")), _hours(w, f"{field}.quiet_hours[{i}]"))
        for i, w in enumerate(_dicts(raw.get("quiet_hours") or [], f"{field}.quiet_hours"))
    )
    return Account(
        id=str(raw.get("id", "")),
        timezones=tuple(zones),
        states=states,
        suppressed_parties=frozenset(
            _strings(raw.get("suppressed_parties", []), f"{field}.suppressed_parties")
        ),
        opted_out=frozenset(opted),
        consent_windows=windows,
        quiet_windows=quiet,
    )


def _linked(raw: dict[str, Any], field: str, *, past: bool) -> bool:
    """``linked`` marks another account's attempt on the same number: a fact of the past, so a
    proposed attempt (always on this account) may not carry it; a JSON boolean only, so a
    string "false" can never count as true."""
    value = raw.get("linked", False)
    if not isinstance(value, bool):
        raise ValidationError("expected true or false", field=f"{field}.linked")
    if value and not past:
        raise ValidationError("linked is only for history", field=f"{field}.linked")
    return value


def parse_attempt(raw: Any, field: str, *, past: bool = False) -> Attempt:
    """An attempt; ``past`` for a history entry, which alone may be ``linked``."""
    if not isinstance(raw, dict):
        raise ValidationError("expected an object", field=field)
    for key in ("at", "party", "channel"):
        if key not in raw:
            raise ValidationError("missing", field=f"{field}.{key}")
    outcome = raw.get("outcome")
    linked = _linked(raw, field, past=past)
    return Attempt(
        at=parse_timestamp(raw["at"], f"{field}.at"),
        party_role=parse_enum(PartyRole, raw["party"], field=f"{field}.party"),
        channel=parse_enum(Channel, raw["channel"], field=f"{field}.channel"),
        party_id=str(raw.get("party_id") or raw["party"]),
        outcome=parse_enum(Outcome, outcome, field=f"{field}.outcome") if outcome is not None else None,
        collector_id=raw.get("collector_id"),
        agency_id=raw.get("agency_id"),
        linked=linked,
    )


def parse_scenario(raw: Any) -> Scenario:
    if not isinstance(raw, dict):
        raise ValidationError("a scenario is a JSON object", field="(root)")
    if "rulepack" not in raw:
        raise ValidationError("missing", field="rulepack")
    packs_raw = raw["rulepack"]
    if isinstance(packs_raw, str):
        packs_raw = [packs_raw]
    packs = load_packs(_strings(packs_raw, "rulepack"))
    attempts_raw = raw.get("attempts")
    if not isinstance(attempts_raw, list):
        raise ValidationError("expected a list of attempts", field="attempts")
    history_raw = raw.get("history", [])
    if not isinstance(history_raw, list):
        raise ValidationError("expected a list of past attempts", field="history")
    return Scenario(
        packs=packs,
        account=parse_account(raw.get("account"), packs=packs),
        attempts=tuple(parse_attempt(a, f"attempts[{i}]") for i, a in enumerate(attempts_raw)),
        history=tuple(parse_attempt(a, f"history[{i}]", past=True) for i, a in enumerate(history_raw)),
    )


def simulate(
    packs: tuple[RulePack, ...],
    account: Account,
    attempts: tuple[Attempt, ...],
    *,
    history: tuple[Attempt, ...] = (),
) -> list[Decision]:
    """Decide each attempt against the attempts allowed before it (design.md contract).

    ``history`` holds attempts that already happened; they count as they are.
    """
    past = History(history)
    decisions = []
    for attempt in attempts:
        decision = decide(packs, account, past, attempt.with_outcome(None))
        decisions.append(decision)
        if decision.allowed:
            past.add(attempt)
    return decisions
