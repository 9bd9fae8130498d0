"""Request bodies of the HTTP API (responses are the service views' ``to_dict``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "CheckBody",
    "ClearStateBody",
    "CompleteBody",
    "NewUserBody",
    "RedactBody",
    "ReplyBody",
    "ReserveBody",
    "ScreenBody",
    "StateBody",
    "UnmaskBody",
]

ChannelName = Literal["call", "sms", "wechat", "email", "visit"]
#: whom a screened draft is for: a party, or a colleague (QA memos, scripts)
AddresseeName = Literal["borrower", "guarantor", "emergency_contact", "third_party", "staff"]
OutcomeName = Literal[
    "connected", "no_answer", "voicemail", "busy", "invalid_number", "delivered", "undelivered"
]
_ID = Field(min_length=1, max_length=64)
_TEXT = Field(min_length=1, max_length=20_000)


class CheckBody(BaseModel):
    account_id: str = _ID
    party_id: str = _ID
    channel: ChannelName
    #: check only: decide as of this instant (ISO-8601 with offset) instead of now
    at: str | None = Field(default=None, max_length=64)


class ReserveBody(BaseModel):
    account_id: str = _ID
    party_id: str = _ID
    channel: ChannelName


class CompleteBody(BaseModel):
    outcome: OutcomeName
    text: str | None = Field(default=None, max_length=20_000)
    transcript: str | None = Field(default=None, max_length=50_000)


class ScreenBody(BaseModel):
    text: str = _TEXT
    to: AddresseeName | None = Field(
        default=None,
        description="收信人 Addressee: a party's role, or staff for a memo or script to a colleague (the debt may "
        "be named; lines for a relative or an employer are screened as said to them)",
    )
    #: screen by this account's rule packs (as its completion will be); default: the server's packs
    account_id: str | None = Field(default=None, min_length=1, max_length=64)


class ReplyBody(BaseModel):
    account_id: str = _ID
    party_id: str = _ID
    text: str = _TEXT


class RedactBody(BaseModel):
    text: str = _TEXT


class UnmaskBody(BaseModel):
    party_id: str = _ID
    field: Literal["name", "phone", "id_number"]
    reason: str = Field(min_length=4, max_length=500)


class StateBody(BaseModel):
    state: Literal[
        "cease_requested",
        "disputed",
        "attorney_represented",
        "crisis",
        "complaint_open",
        "bankruptcy",
        "paid",
    ]
    reason: str = Field(min_length=1, max_length=500)


class ClearStateBody(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class NewUserBody(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    role: Literal["collector", "supervisor", "compliance", "admin"]
