"""Input shapes of the use cases, validated with pydantic; the HTTP API uses them as bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["NewAccount", "NewParty"]

PartyRoleName = Literal["borrower", "guarantor", "emergency_contact"]


class NewParty(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: PartyRoleName
    name: str = Field(min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=3, max_length=40)
    id_number: str | None = Field(default=None, min_length=4, max_length=40)


class NewAccount(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_id: str = Field(min_length=1, max_length=128)
    #: an IANA zone, or several candidate zones separated by spaces when unknown
    timezone: str = Field(min_length=1, max_length=200)
    rulepacks: list[str] = Field(default_factory=lambda: ["cn"], min_length=1, max_length=8)
    parties: list[NewParty] = Field(min_length=1, max_length=20)
