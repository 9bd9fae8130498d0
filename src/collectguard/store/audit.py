"""The tamper-evident audit log: a hash chain over every decision, state change and unmask.

Each entry stores the hash of the one before it and its own hash over a canonical JSON
body, so altering, deleting or reordering any entry breaks the chain at that entry.
What the chain cannot show on its own is the loss of its newest entries (truncation of
the tail): an attacker who deletes the last rows leaves a shorter, valid chain. Against
that, store the head printed by ``collectguard audit anchor`` somewhere else and pass it
to verify, which then fails when the anchored entry is missing or different.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from collectguard.errors import ValidationError
from collectguard.store.models import AuditEvent, AuditHead

__all__ = ["GENESIS", "AuditReport", "Head", "append", "entry_hash", "head", "parse_head", "verify"]

#: the prev_hash of the first entry
GENESIS = "0" * 64
_BATCH = 2000


def entry_hash(
    prev_hash: str, seq: int, at: datetime, actor: str, action: str, subject: str, payload: Mapping[str, Any]
) -> str:
    """SHA-256 over the previous hash and a canonical JSON body of the entry."""
    body = json.dumps(
        {
            "seq": seq,
            "at": at.isoformat(),
            "actor": actor,
            "action": action,
            "subject": subject,
            "payload": payload,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Head:
    """The newest entry's position and hash: what an anchor stores elsewhere."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def parse_head(text: str) -> Head:
    """Read an anchor ``SEQ:HASH`` as printed by ``collectguard audit anchor``."""
    seq, _, digest = text.strip().partition(":")
    if not seq.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValidationError("an anchor looks like 42:<64 hex digits>", field="known_head")
    return Head(int(seq), digest)


def _plain(value: Any) -> str:
    """JSON for what json cannot write: instants as ISO-8601 like every other output."""
    return value.isoformat() if isinstance(value, datetime | date) else str(value)


def append(
    session: Session, *, at: datetime, actor: str, action: str, subject: str, payload: Mapping[str, Any]
) -> Head:
    """Add one entry inside the caller's transaction; the head row lock orders concurrent writers.

    Lock order: a caller takes any account row lock *before* appending, so the head is always
    the last lock of a transaction and two writers cannot deadlock.
    """
    row = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if row is None:
        row = AuditHead(id=1, seq=0, hash=GENESIS)
        session.add(row)
    seq = row.seq + 1
    at = at.astimezone(UTC)
    clean = json.loads(json.dumps(dict(payload), ensure_ascii=False, default=_plain))
    digest = entry_hash(row.hash, seq, at, actor, action, subject, clean)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            payload=clean,
            prev_hash=row.hash,
            hash=digest,
        )
    )
    row.seq, row.hash = seq, digest
    return Head(seq, digest)


def head(session: Session) -> Head:
    last = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
    return Head(0, GENESIS) if last is None else Head(last.seq, last.hash)


@dataclass(frozen=True, slots=True)
class AuditReport:
    ok: bool
    entries: int
    head: Head
    #: the seq of the first entry that does not fit the chain, and why
    broken_at: int | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": str(self.head),
            "broken_at": self.broken_at,
            "reason": self.reason,
        }


def verify(session: Session, *, known_head: Head | None = None) -> AuditReport:
    """Walk the chain in seq order and report the first entry that does not fit."""
    prev, expected_seq, count = GENESIS, 1, 0
    anchor_seen = known_head is None or known_head.seq == 0
    last = Head(0, GENESIS)
    after = 0
    while True:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(_BATCH)
        ).scalars()
        batch = list(rows)
        if not batch:
            break
        for row in batch:
            problem = _check(row, prev, expected_seq)
            if problem is not None:
                return AuditReport(False, count, last, broken_at=problem[0], reason=problem[1])
            if known_head is not None and row.seq == known_head.seq:
                if row.hash != known_head.hash:
                    return AuditReport(
                        False, count, last, broken_at=row.seq, reason="entry differs from the anchored head"
                    )
                anchor_seen = True
            prev, expected_seq, count = row.hash, row.seq + 1, count + 1
            last = Head(row.seq, row.hash)
        after = batch[-1].seq
    if not anchor_seen:
        assert known_head is not None
        return AuditReport(
            False,
            count,
            last,
            broken_at=known_head.seq,
            reason=f"the anchored entry {known_head.seq} is missing: the log was truncated",
        )
    return AuditReport(True, count, last)


def _check(row: AuditEvent, prev: str, expected_seq: int) -> tuple[int, str] | None:
    if row.seq != expected_seq:
        return expected_seq, f"entry {expected_seq} is missing (next is {row.seq})"
    if row.prev_hash != prev:
        return row.seq, "prev_hash does not match the previous entry (deleted or reordered)"
    digest = entry_hash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.subject, row.payload)
    if digest != row.hash:
        return row.seq, "content does not match its hash (altered)"
    return None
