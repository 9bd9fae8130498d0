"""Tables of the service. Personal data is stored only as AES-GCM ciphertext plus a blind index.

Times are stored as naive UTC (``UTCDateTime``) so SQLite and PostgreSQL sort them alike,
and come back timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "Account",
    "AccountStateRow",
    "ApiKey",
    "AttemptRow",
    "AuditEvent",
    "AuditHead",
    "Base",
    "IdempotencyRecord",
    "MessageRow",
    "OptOut",
    "PartyRow",
    "ReplyRow",
    "User",
]


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, naive UTC stored, aware UTC out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(128), unique=True)
    #: one IANA zone, or several candidates separated by spaces
    timezone: Mapped[str] = mapped_column(String(200))
    rulepacks: Mapped[list[Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column()
    #: [{"start": "HH:MM", "end": "HH:MM"}] local windows the borrower consented to
    consent_windows: Mapped[list[Any]] = mapped_column(default=list)
    #: bumped by every reservation: the row PostgreSQL locks to serialise them
    version: Mapped[int] = mapped_column(Integer, default=0)


class PartyRow(Base):
    __tablename__ = "parties"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    name_enc: Mapped[str] = mapped_column(Text)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    id_number_enc: Mapped[str | None] = mapped_column(Text)
    #: keyed HMAC of the canonical phone / ID number: lookups without plaintext
    phone_index: Mapped[str | None] = mapped_column(String(64), index=True)
    id_number_index: Mapped[str | None] = mapped_column(String(64), index=True)
    suppressed: Mapped[bool] = mapped_column(Boolean, default=False)


class OptOut(Base):
    __tablename__ = "opt_outs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column()
    rule: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("party_id", "channel"),)


class QuietHoursRow(Base):
    """Hours a person asked not to be contacted in, as a local "HH:MM-HH:MM" window, or
    "HH:MM-HH:MM/6,7" when they hold only on some weekdays (周末别打)."""

    __tablename__ = "quiet_hours"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    hours: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column()
    rule: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("party_id", "hours"),)


class AttemptRow(Base):
    __tablename__ = "attempts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    party_role: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column()
    #: reserved → completed | cancelled
    status: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(32))
    collector_id: Mapped[str | None] = mapped_column(String(32), index=True)
    completed_at: Mapped[datetime | None] = mapped_column()
    __table_args__ = (Index("ix_attempts_account_at", "account_id", "at"), Index("ix_attempts_at", "at"))


class MessageRow(Base):
    """A screened outgoing text or transcript, kept encrypted, with its findings."""

    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempts.id"))
    collector_id: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    text_enc: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(8))
    findings: Mapped[list[Any]] = mapped_column()
    at: Mapped[datetime] = mapped_column()
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_messages_verdict_at", "verdict", "at"),)


class ReplyRow(Base):
    __tablename__ = "replies"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    text_enc: Mapped[str] = mapped_column(Text)
    analysis: Mapped[dict[str, Any]] = mapped_column()
    at: Mapped[datetime] = mapped_column()
    __table_args__ = (Index("ix_replies_at", "at"),)


class AccountStateRow(Base):
    """One period of an account state; the rows of an account are its state history."""

    __tablename__ = "account_states"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    state: Mapped[str] = mapped_column(String(32))
    since: Mapped[datetime] = mapped_column()
    hold_until: Mapped[datetime | None] = mapped_column()
    set_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    rule: Mapped[str | None] = mapped_column(String(64))
    cleared_at: Mapped[datetime | None] = mapped_column()
    cleared_by: Mapped[str | None] = mapped_column(String(64))
    #: a crisis opened on the model's guess alone: no minimum hold, a supervisor reads the reply
    review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column()
    #: argon2 hash for dashboard sign-in; None when the user has API keys only
    password_hash: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    #: keyed SHA-256 of the key; the key itself is shown once and never stored
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column()


class AuditEvent(Base):
    """One link of the hash chain: ``hash = sha256(prev_hash ‖ canonical body)``."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """A single row locked by every append, so concurrent writers extend the chain in turn."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
