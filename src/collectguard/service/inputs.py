"""Input shapes of the use cases, validated with pydantic; the HTTP API uses them as bodies."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from collectguard.model.contact import closes_lawful_day, some_days

__all__ = ["ConsentWindow", "NewAccount", "NewParty", "QuietHours", "RecordedContact"]

PartyRoleName = Literal["borrower", "guarantor", "emergency_contact", "third_party"]
ChannelName = Literal["call", "sms", "wechat", "email", "visit"]
#: an ISO weekday, Monday 1 to Sunday 7
Weekday = Annotated[int, Field(ge=1, le=7)]
StateName = Literal[
    "cease_requested", "disputed", "attorney_represented", "crisis", "complaint_open", "bankruptcy", "paid"
]

_WHOLE_DAY = (
    "hours that leave less than two hours of the lawful day (08:00-21:00) open are a request to stop:"
    " record the state cease_requested"
)


class NewParty(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: PartyRoleName
    name: str = Field(min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=3, max_length=40)
    id_number: str | None = Field(default=None, min_length=4, max_length=40)
    #: the person asked never to be contacted
    suppressed: bool = False
    #: channels the person asked us not to use
    opted_out: list[ChannelName] = Field(default_factory=list, max_length=5)
    #: local hours the person asked not to be contacted in
    quiet_hours: list[QuietHours] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _day_left(self) -> NewParty:
        every_day = [(w.start, w.end) for w in self.quiet_hours if not some_days(w.days)]
        if len(every_day) > 1 and closes_lawful_day(every_day):
            raise ValueError(f"quiet_hours together: {_WHOLE_DAY}")
        return self


class QuietHours(BaseModel):
    """Local hours the person asked not to be contacted in ("早上10点前别打"); "24:00" ends the day.
    ``days`` keeps them to some ISO weekdays (周末别打: 00:00-24:00 on [6, 7]); empty, every day."""

    model_config = ConfigDict(extra="forbid")

    start: str
    end: str
    days: list[Weekday] = Field(default_factory=list, max_length=7)

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str, info: ValidationInfo) -> str:
        if info.field_name == "end" and value == "24:00":
            return value
        if re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value) is None:
            raise ValueError(
                f"{value!r} is not a clock time HH:MM between 00:00 and 23:59 (or 24:00 to end the day)"
            )
        return value

    @model_validator(mode="after")
    def _ordered(self) -> QuietHours:
        if self.start >= self.end:  # zero-padded HH:MM strings order as the times do
            raise ValueError("start must be before end (windows across midnight are not supported)")
        if not some_days(self.days) and closes_lawful_day([(self.start, self.end)]):
            raise ValueError(_WHOLE_DAY)
        return self


class ConsentWindow(BaseModel):
    """A daily local window the borrower consented to outside the usual hours."""

    model_config = ConfigDict(extra="forbid")

    start: str = Field(pattern=r"^\d{2}:\d{2}(:\d{2})?$")
    end: str = Field(pattern=r"^\d{2}:\d{2}(:\d{2})?$")

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        # the pattern lets 25:00 through; the engine needs a real clock time
        try:
            time.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a clock time between 00:00 and 23:59") from None
        return value

    @model_validator(mode="after")
    def _ordered(self) -> ConsentWindow:
        if time.fromisoformat(self.start) >= time.fromisoformat(self.end):
            raise ValueError("start must be before end (windows across midnight are not supported)")
        return self


class NewAccount(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_id: str = Field(min_length=1, max_length=128)
    #: an IANA zone, or several candidate zones separated by spaces; null: the packs' candidate zones
    timezone: str | None = Field(default=None, min_length=1, max_length=200)
    rulepacks: list[str] = Field(default_factory=lambda: ["cn"], min_length=1, max_length=8)
    parties: list[NewParty] = Field(min_length=1, max_length=20)
    #: states already known when the account is imported (each opened and audited)
    states: list[StateName] = Field(default_factory=list, max_length=7)
    consent_windows: list[ConsentWindow] = Field(default_factory=list, max_length=8)


class RecordedContact(BaseModel):
    """A contact that happened outside the guard (imported from a dialer log), with its outcome."""

    model_config = ConfigDict(extra="forbid")

    account_id: str = Field(min_length=1, max_length=64)
    party_id: str = Field(min_length=1, max_length=64)
    channel: ChannelName
    at: str = Field(min_length=1, max_length=64)
    outcome: Literal[
        "connected", "no_answer", "voicemail", "busy", "invalid_number", "delivered", "undelivered"
    ]
