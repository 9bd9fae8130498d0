"""Pydantic models of a rule-pack file: validated once at load, with positions in errors."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from collectguard.model import AccountState, Channel, Outcome, PartyRole

ALL_PARTIES = tuple(PartyRole)
ALL_CHANNELS = tuple(Channel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Applies(_Strict):
    """Which attempts a rule looks at; default: every party and every channel."""

    parties: tuple[PartyRole, ...] = ALL_PARTIES
    channels: tuple[Channel, ...] = ALL_CHANNELS


class TimeWindowParams(_Strict):
    start: time
    end: time
    consent_overrides: bool = True

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindowParams:
        if not self.start < self.end:
            raise ValueError("start must be before end (windows across midnight are not supported)")
        return self


class CountFilter(_Strict):
    """Which past attempts count toward a cap (same party id as the proposed attempt)."""

    channels: tuple[Channel, ...] = (Channel.CALL,)
    #: outcomes that count; None counts every placed attempt
    outcomes: tuple[Outcome, ...] | None = None
    #: outcomes that never count (calls that never reached the number)
    exclude_outcomes: tuple[Outcome, ...] = ()


class CapWindow(_Strict):
    calendar_days: int | None = Field(default=None, ge=1, le=366)
    rolling_minutes: int | None = Field(default=None, ge=1, le=7 * 24 * 60)

    @model_validator(mode="after")
    def _one(self) -> CapWindow:
        if (self.calendar_days is None) == (self.rolling_minutes is None):
            raise ValueError("give exactly one of calendar_days or rolling_minutes")
        return self


#: what a frequency cap counts over: the account's own attempts on the party (``account``),
#: or every attempt that reached the party's phone number, on any account (``number``)
CapScope = Literal["account", "number"]


class FrequencyCapParams(_Strict):
    limit: int = Field(ge=1)
    window: CapWindow
    count: CountFilter = CountFilter()
    #: ``account`` by default, so a pack or overlay without it means what it always did
    scope: CapScope = "account"


class WaitParams(_Strict):
    days: int = Field(ge=1, le=366)
    trigger_channels: tuple[Channel, ...] = (Channel.CALL,)
    trigger_outcomes: tuple[Outcome, ...] = (Outcome.CONNECTED,)


class PartyRestrictionParams(_Strict):
    mode: Literal["never", "lost_contact_gate", "suppressed", "once_per_person"]
    #: for the lost-contact gate: this many failed attempts in a row make the borrower unreachable
    failed_attempts: int = Field(default=3, ge=1)


class StateHoldParams(_Strict):
    states: tuple[AccountState, ...] = Field(min_length=1)


class OptOutParams(_Strict):
    pass


class _RuleBase(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$")]
    citation: str = Field(min_length=1)
    confidence: Literal["H", "M", "L", "policy"]
    message_zh: str = Field(min_length=1)
    message_en: str = Field(min_length=1)
    note: str = ""
    enabled: bool = True
    applies: Applies = Applies()


class TimeWindowRule(_RuleBase):
    kind: Literal["time_window"]
    params: TimeWindowParams


class FrequencyCapRule(_RuleBase):
    kind: Literal["frequency_cap"]
    params: FrequencyCapParams


class WaitRule(_RuleBase):
    kind: Literal["wait_after_conversation"]
    params: WaitParams


class PartyRestrictionRule(_RuleBase):
    kind: Literal["party_restriction"]
    params: PartyRestrictionParams


class StateHoldRule(_RuleBase):
    kind: Literal["state_hold"]
    params: StateHoldParams


class OptOutRule(_RuleBase):
    kind: Literal["channel_opt_out"]
    params: OptOutParams = OptOutParams()


class QuietHoursRule(_RuleBase):
    """Hours a person asked not to be contacted in ("早上10点前别打"): the engine keeps out of them."""

    kind: Literal["quiet_hours"]
    params: OptOutParams = OptOutParams()


RuleSpec = Annotated[
    TimeWindowRule
    | FrequencyCapRule
    | WaitRule
    | PartyRestrictionRule
    | StateHoldRule
    | OptOutRule
    | QuietHoursRule,
    Field(discriminator="kind"),
]


class ContentRule(_Strict):
    """A message-content rule: maps a screening category onto this pack's rule and clause."""

    id: str
    category: str
    citation: str
    message_zh: str
    message_en: str


class PackFile(_Strict):
    pack: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: str
    title_zh: str
    title_en: str
    sources: tuple[str, ...] = ()
    #: the zones a borrower of this jurisdiction may live in, used when the zone is unknown
    timezones: tuple[str, ...] = Field(min_length=1)
    rules: tuple[RuleSpec, ...]
    content_rules: tuple[ContentRule, ...] = ()

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: tuple[RuleSpec, ...]) -> tuple[RuleSpec, ...]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id} appears twice")
            seen.add(rule.id)
        return rules


class OverlayRule(_Strict):
    """Changes to one rule of the base pack: only the fields given are replaced."""

    id: str
    params: dict[str, object] = {}
    applies: dict[str, object] | None = None
    enabled: bool | None = None
    message_zh: str | None = None
    message_en: str | None = None


class OverlayFile(_Strict):
    overlay: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    base: str
    version: str
    title_zh: str = ""
    title_en: str = ""
    changes: tuple[OverlayRule, ...] = ()
    add: tuple[RuleSpec, ...] = ()
