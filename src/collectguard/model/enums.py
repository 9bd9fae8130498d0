"""Closed vocabularies shared by every layer; their string values are public contracts."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from collectguard.errors import ValidationError

E = TypeVar("E", bound=StrEnum)


def parse_enum(kind: type[E], value: object, *, field: str) -> E:
    """``value`` as a member of ``kind``, or a ValidationError naming ``field`` and every allowed value.

    The one way a string from outside (a request, a command line, a file) becomes an enum, so
    every edge answers a wrong value with the same precise line.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    allowed = ", ".join(m.value for m in kind)
    raise ValidationError(f"{value!r} is not one of: {allowed}", field=field)


class PartyRole(StrEnum):
    BORROWER = "borrower"
    GUARANTOR = "guarantor"
    EMERGENCY_CONTACT = "emergency_contact"
    THIRD_PARTY = "third_party"


class Addressee(StrEnum):
    """Whom a screened message is for: a party of the account, or a colleague (a QA memo, a script,
    a training note). A colleague may read of the debt; staff is never a party to contact."""

    BORROWER = "borrower"
    GUARANTOR = "guarantor"
    EMERGENCY_CONTACT = "emergency_contact"
    THIRD_PARTY = "third_party"
    STAFF = "staff"


class Channel(StrEnum):
    CALL = "call"
    SMS = "sms"
    WECHAT = "wechat"
    EMAIL = "email"
    VISIT = "visit"


class Outcome(StrEnum):
    CONNECTED = "connected"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    BUSY = "busy"
    INVALID_NUMBER = "invalid_number"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    #: reserved but not yet completed; the service counts a stale one as a placed call
    PENDING = "pending"


#: outcomes where the person was not reached (the lost-contact gate counts these)
FAILED_OUTCOMES = frozenset(
    {Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.INVALID_NUMBER, Outcome.UNDELIVERED}
)


#: what can happen on each channel: a call is answered or not, a message is delivered or not
OUTCOMES_BY_CHANNEL: dict[Channel, frozenset[Outcome]] = {
    Channel.CALL: frozenset(
        {Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.INVALID_NUMBER}
    ),
    Channel.SMS: frozenset({Outcome.DELIVERED, Outcome.UNDELIVERED, Outcome.INVALID_NUMBER}),
    Channel.WECHAT: frozenset({Outcome.DELIVERED, Outcome.UNDELIVERED, Outcome.CONNECTED}),
    Channel.EMAIL: frozenset({Outcome.DELIVERED, Outcome.UNDELIVERED}),
    Channel.VISIT: frozenset({Outcome.CONNECTED, Outcome.NO_ANSWER}),
}


class AccountState(StrEnum):
    CEASE_REQUESTED = "cease_requested"
    DISPUTED = "disputed"
    ATTORNEY_REPRESENTED = "attorney_represented"
    CRISIS = "crisis"
    COMPLAINT_OPEN = "complaint_open"
    BANKRUPTCY = "bankruptcy"
    PAID = "paid"
