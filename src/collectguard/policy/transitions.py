"""Borrower signals → account state changes, per rule pack, as data (``data/transitions.yaml``).

The signal detector says what a reply means; this module says what that means for the
account, and names the pack rule through which the contact engine will then deny
(``cn.hold.crisis``, ``us.regf.medium_optout`` …). Pure: signals in, changes out; applying
them to an :class:`Account` is :func:`apply_changes`, also pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

import pydantic
import yaml

from collectguard.errors import DataFileError, UnknownRulePackError, ValidationError
from collectguard.model import Account, AccountState, Channel, LocalWindow
from collectguard.policy.pack import load_pack

_CHANNELS = frozenset(c.value for c in Channel)
#: a cease scope ``only_<channel>[+<channel>…]``: the borrower keeps those channels and refuses the others
ONLY = "only_"


class SignalLike(Protocol):
    """What a transition reads from a signal (``collectguard.text.signals.Signal`` has it)."""

    @property
    def type(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def scope(self) -> str | None: ...
    @property
    def origin(self) -> str: ...


class _Entry(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    signal: str
    scope: Literal["any", "none"] | list[str] = "any"
    state: AccountState | None = None
    opt_out_channel: str | None = None
    place: str | None = None
    offer: str | None = None
    # the hours the signal names are recorded as hours not to contact in (scope: [hours])
    quiet_hours: bool = False
    rule: str
    citation: str | None = None
    min_confidence: float = pydantic.Field(default=0.5, ge=0.0, le=1.0)
    # the detector layers an entry takes (None: any); ``[model]`` is the n-gram model's guess
    # alone, with no cue behind it: see ``review``
    origin: list[Literal["cue", "weak", "model"]] | None = None
    min_hold_hours: int | None = pydantic.Field(default=None, ge=0)
    supervisor_clears: bool = False
    # contact stops as for any crisis, but a supervisor who has read the reply may lift it at
    # once: a guess with no cue behind it should not cost three days by itself
    review: bool = False
    reason_zh: str
    reason_en: str

    @pydantic.model_validator(mode="after")
    def _one_effect(self) -> _Entry:
        if not (self.state or self.opt_out_channel or self.place or self.offer or self.quiet_hours):
            raise ValueError("an entry needs a state, opt_out_channel, place, offer or quiet_hours")
        if (
            self.opt_out_channel not in (None, "{scope}", "{others}")
            and self.opt_out_channel not in _CHANNELS
        ):
            raise ValueError(f"opt_out_channel {self.opt_out_channel!r} is not a channel")
        if self.review and (
            self.state != AccountState.CRISIS or self.origin != ["model"] or self.min_hold_hours
        ):
            raise ValueError(
                "review is only for a crisis on the model's guess alone (origin: [model], no hold)"
            )
        return self

    def matches(self, signal: SignalLike) -> bool:
        if signal.type != self.signal or signal.confidence < self.min_confidence:
            return False
        if self.origin is not None and signal.origin not in self.origin:
            return False
        if self.scope == "any":
            return True
        if self.scope == "none":
            return signal.scope is None
        if signal.scope and signal.scope.startswith(ONLY):  # only_sms, only_call+sms: the entry says "only"
            return "only" in self.scope
        return signal.scope in self.scope


class _File(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    version: str
    packs: dict[str, list[_Entry]]


@dataclass(frozen=True, slots=True)
class StateChange:
    """One change to an account caused by a borrower signal, with the rule that will enforce it.

    ``state`` is an :class:`AccountState` value, or None for a change that only opts a
    channel out (``opt_out_channel``), records a place not to contact (``place``) or hours not
    to contact in (``hours``, local "HH:MM" windows, on every day or only on ``days``, ISO weekdays), or
    makes an offer (``offer``, e.g.
    instalments) without holding contact.
    """

    state: str | None
    opt_out_channel: str | None
    rule: str
    citation: str
    reason_zh: str
    reason_en: str
    min_hold_hours: int | None
    pack: str = ""
    signal: str = ""
    place: str | None = None
    offer: str | None = None
    supervisor_clears: bool = False
    review: bool = False  # a supervisor who has read the reply may lift it before any minimum hold
    hours: tuple[tuple[str, str], ...] = ()
    days: tuple[int, ...] = ()  # the weekdays the hours hold on; empty: every day

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "opt_out_channel": self.opt_out_channel,
            "rule": self.rule,
            "citation": self.citation,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
            "min_hold_hours": self.min_hold_hours,
            "pack": self.pack,
            "signal": self.signal,
            "place": self.place,
            "offer": self.offer,
            "supervisor_clears": self.supervisor_clears,
            "review": self.review,
            "hours": [list(w) for w in self.hours],
            "days": list(self.days),
        }


def _path() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "transitions.yaml"))


def load_transitions(path: Path | None = None) -> dict[str, tuple[_Entry, ...]]:
    """Validate the transitions file; a rule id of a pack must exist in that pack."""
    path = path or _path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from exc
    try:
        spec = _File.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{path.name}: field {field}: {first['msg']}", field=field) from exc
    packs: dict[str, tuple[_Entry, ...]] = {}
    for name, entries in spec.packs.items():
        pack = load_pack(name)
        resolved = []
        for i, entry in enumerate(entries):
            citation = entry.citation
            if not entry.rule.startswith("policy."):
                try:
                    citation = citation or pack.rule(entry.rule).spec.citation
                except UnknownRulePackError as exc:
                    where = f"packs.{name}[{i}].rule"
                    raise DataFileError(f"{path.name}: {exc.message}", field=where) from exc
            if not citation:
                where = f"packs.{name}[{i}].citation"
                raise DataFileError(f"{path.name}: policy rule {entry.rule} needs a citation", field=where)
            resolved.append(entry.model_copy(update={"citation": citation}))
        packs[name] = tuple(resolved)
    return packs


@lru_cache(maxsize=1)
def _shipped() -> dict[str, tuple[_Entry, ...]]:
    return load_transitions()


def _opted_out(entry: _Entry, signal: SignalLike) -> list[str | None]:
    """The channels an entry opts out of: the one named ("{scope}"), every one but the channel the
    borrower kept ("{others}", for scope only_sms: "text me only"; only_call+sms: 只接受短信和电话), or the
    entry's own."""
    if entry.opt_out_channel == "{scope}":
        return [signal.scope]
    if entry.opt_out_channel == "{others}":
        kept = set((signal.scope or "").removeprefix(ONLY).split("+"))
        return [c for c in sorted(_CHANNELS) if c not in kept]
    return [entry.opt_out_channel]


def _changes(
    entry: _Entry, pack: str, signal: SignalLike, crisis_hold_hours: int | None
) -> list[StateChange]:
    return [_change(entry, pack, signal, crisis_hold_hours, channel) for channel in _opted_out(entry, signal)]


def _change(
    entry: _Entry, pack: str, signal: SignalLike, crisis_hold_hours: int | None, channel: str | None
) -> StateChange:
    hold = entry.min_hold_hours
    if hold and crisis_hold_hours is not None and entry.state == AccountState.CRISIS:
        hold = max(crisis_hold_hours, 0)
    return StateChange(
        state=str(entry.state) if entry.state else None,
        opt_out_channel=channel,
        rule=entry.rule,
        citation=entry.citation or "",
        reason_zh=entry.reason_zh,
        reason_en=entry.reason_en,
        min_hold_hours=hold,
        pack=pack,
        signal=signal.type,
        place=signal.scope if entry.place == "{scope}" else entry.place,
        offer=entry.offer,
        supervisor_clears=entry.supervisor_clears,
        review=entry.review,
        hours=tuple(getattr(signal, "hours", ())) if entry.quiet_hours else (),
        days=tuple(getattr(signal, "days", ())) if entry.quiet_hours else (),
    )


def transitions(
    signals: Sequence[SignalLike], *, packs: Sequence[str] = ("cn",), crisis_hold_hours: int | None = None
) -> tuple[StateChange, ...]:
    """The state changes ``signals`` cause in each pack, without duplicates, crisis first.

    ``crisis_hold_hours`` overrides the data's minimum crisis pause (default 72 h).
    """
    table = _shipped()
    changes: dict[tuple[Any, ...], StateChange] = {}
    for pack in packs:
        if pack not in table:
            known = ", ".join(sorted(table))
            raise UnknownRulePackError(
                f"no transitions for rule pack {pack!r}; known: {known}", field="packs"
            )
        for signal in signals:
            entry = next((e for e in table[pack] if e.matches(signal)), None)
            if entry is None:
                continue
            for change in _changes(entry, pack, signal, crisis_hold_hours):
                key = (
                    pack,
                    change.state,
                    change.opt_out_channel,
                    change.place,
                    change.offer,
                    change.rule,
                    change.hours,
                    change.days,
                )
                kept = changes.get(key)
                # of two crisis signals the one with the longer minimum hold decides (a cue over a guess)
                if kept is None or (change.min_hold_hours or 0) > (kept.min_hold_hours or 0):
                    changes[key] = change
    order = {AccountState.CRISIS.value: 0}
    return tuple(sorted(changes.values(), key=lambda c: (order.get(c.state or "", 1), c.pack, c.rule)))


def apply_changes(account: Account, changes: Iterable[StateChange], *, party_id: str = "borrower") -> Account:
    """The account after ``changes``: states added, channel opt-outs and hours not to contact in
    recorded for ``party_id``."""
    states = set(account.states)
    opted = set(account.opted_out)
    quiet = set(account.quiet_windows)
    for change in changes:
        quiet.update((party_id, LocalWindow.parse(*w, change.days)) for w in change.hours)
        if change.state:
            states.add(AccountState(change.state))
        if change.opt_out_channel:
            if change.opt_out_channel not in _CHANNELS:
                raise ValidationError(f"unknown channel {change.opt_out_channel!r}", field="opt_out_channel")
            opted.add((party_id, Channel(change.opt_out_channel)))
    return replace(
        account, states=frozenset(states), opted_out=frozenset(opted), quiet_windows=frozenset(quiet)
    )


__all__ = ["ONLY", "SignalLike", "StateChange", "apply_changes", "load_transitions", "transitions"]
