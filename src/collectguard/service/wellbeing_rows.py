"""Column reads shared by the wellbeing and risk use cases: stored rows straight into core records.

Only the columns the cores use are selected (no ORM objects), the time window and account
ids are filters in SQL, and each window is read once per request however many figures are
computed from it. Nothing is cached between requests: figures are never stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from collectguard.model import Channel, Outcome, PartyRole
from collectguard.store.models import AccountStateRow, AttemptRow, MessageRow, ReplyRow
from collectguard.wellbeing import ContactRecord, MessageRecord, ReplyRecord, StatePeriod, load_thresholds
from collectguard.wellbeing.attribution import attribute

__all__ = [
    "MAX_CONTACT",
    "blocked_per_collector",
    "chunked",
    "load_contacts",
    "load_messages",
    "load_replies",
    "load_state_periods",
]

#: a stored call's duration is the time until it was completed, but never more than this
MAX_CONTACT = timedelta(hours=1)
#: account ids per ``IN (...)`` list: well under every backend's bound-parameter limit
CHUNK = 500

_CHANNEL = {str(c): c for c in Channel}
_OUTCOME = {str(o): o for o in Outcome}
_ROLE = {str(r): r for r in PartyRole}
_VERDICTS = frozenset({"pass", "warn", "block"})


def chunked(ids: Sequence[str] | None) -> Iterator[Sequence[str] | None]:
    """``None`` (no account filter) once, or the ids in slices of ``CHUNK``."""
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _in_window(query: Any, at: Any, since: datetime, until: datetime) -> Any:
    return query.where(at >= since, at < until)


def load_contacts(
    session: Session, since: datetime, until: datetime, accounts: Sequence[str] | None = None
) -> list[ContactRecord]:
    """Attempts that were not cancelled in [since, until), by time, optionally of some accounts."""
    outside = load_thresholds().schedule.outside
    out: list[ContactRecord] = []
    for part in chunked(accounts):
        query = _in_window(
            select(
                AttemptRow.id,
                AttemptRow.account_id,
                AttemptRow.party_id,
                AttemptRow.party_role,
                AttemptRow.channel,
                AttemptRow.at,
                AttemptRow.outcome,
                AttemptRow.collector_id,
                AttemptRow.completed_at,
            ).where(AttemptRow.status != "cancelled"),
            AttemptRow.at,
            since,
            until,
        )
        if part is not None:
            query = query.where(AttemptRow.account_id.in_(part))
        for aid, acc, party, role, channel, at, outcome, collector, completed in session.execute(
            query.order_by(AttemptRow.at)
        ):
            duration = (
                0.0 if completed is None else max(0.0, min(completed - at, MAX_CONTACT).total_seconds())
            )
            out.append(
                ContactRecord(
                    collector or "",
                    acc,
                    at,
                    duration,
                    _CHANNEL[channel],
                    _OUTCOME[outcome] if outcome else Outcome.PENDING,
                    _ROLE[role],
                    party,
                    after_hours=outside(at),
                    id=aid,
                )
            )
    if accounts is not None and len(accounts) > CHUNK:
        out.sort(key=lambda c: c.started_at)  # stable: keeps each slice's order on equal times
    return out


def _signals(analysis: Mapping[str, Any]) -> frozenset[str]:
    """The reply's signal types, without the anger model's guesses: hostility a collector is
    counted as having absorbed must be in the borrower's words (a cue), not a model's score."""
    raw = analysis.get("signals", []) if isinstance(analysis, Mapping) else []
    return frozenset(
        str(s.get("type"))
        for s in raw
        if isinstance(s, Mapping) and not (s.get("type") == "anger" and s.get("origin") == "model")
    )


def load_replies(
    session: Session, since: datetime, until: datetime, accounts: Sequence[str] | None = None
) -> list[ReplyRecord]:
    """Borrower replies in [since, until) with their signal types, not yet attributed to a collector."""
    out: list[ReplyRecord] = []
    for part in chunked(accounts):
        query = _in_window(
            select(ReplyRow.account_id, ReplyRow.at, ReplyRow.analysis), ReplyRow.at, since, until
        )
        if part is not None:
            query = query.where(ReplyRow.account_id.in_(part))
        out.extend(ReplyRecord(acc, at, _signals(body)) for acc, at, body in session.execute(query))
    return out


def load_messages(
    session: Session, since: datetime, until: datetime, accounts: Sequence[str] | None = None
) -> list[MessageRecord]:
    """Screened messages in [since, until) with verdict and finding categories (no text)."""
    out: list[MessageRecord] = []
    for part in chunked(accounts):
        query = _in_window(
            select(
                MessageRow.account_id,
                MessageRow.at,
                MessageRow.verdict,
                MessageRow.findings,
                MessageRow.collector_id,
            ),
            MessageRow.at,
            since,
            until,
        )
        if part is not None:
            query = query.where(MessageRow.account_id.in_(part))
        out.extend(
            MessageRecord(
                acc,
                at,
                verdict if verdict in _VERDICTS else "warn",
                frozenset(str(f.get("category")) for f in findings if isinstance(f, dict)),
                collector,
            )
            for acc, at, verdict, findings, collector in session.execute(query)
        )
    return out


def load_state_periods(session: Session, state: str, since: datetime, until: datetime) -> list[StatePeriod]:
    """Periods of ``state`` open at some instant of [since, until): opened before ``until``, not cleared
    before ``since``. A crisis reply in the window is judged up to the lift of the crisis open at it."""
    query = select(AccountStateRow.account_id, AccountStateRow.since, AccountStateRow.cleared_at).where(
        AccountStateRow.state == state,
        AccountStateRow.since < until,
        (AccountStateRow.cleared_at.is_(None)) | (AccountStateRow.cleared_at > since),
    )
    return [StatePeriod(acc, state, opened, cleared) for acc, opened, cleared in session.execute(query)]


def load_activity(
    session: Session, since: datetime, until: datetime, accounts: Sequence[str] | None = None
) -> tuple[list[ContactRecord], list[ReplyRecord]]:
    """Contacts and replies of the window, replies attributed to the collector of the last contact."""
    contacts = load_contacts(session, since, until, accounts)
    return contacts, attribute(contacts, load_replies(session, since, until, accounts))


def blocked_per_collector(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    """Blocked messages per collector in [since, until), counted in SQL (no findings decoded)."""
    query = _in_window(
        select(MessageRow.collector_id, func.count()).where(MessageRow.verdict == "block"),
        MessageRow.at,
        since,
        until,
    ).group_by(MessageRow.collector_id)
    return {collector: int(n) for collector, n in session.execute(query) if collector is not None}
