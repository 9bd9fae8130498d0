"""The one facade the HTTP API, the dashboard and the CLI call; each method delegates to a use case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from collectguard.model import Decision
from collectguard.pii import Keyring
from collectguard.service import (
    accounts,
    analysis,
    contacts,
    idempotency,
    reindex,
    states,
    texts,
    users,
    views,
)
from collectguard.service.inputs import NewAccount
from collectguard.service.keys import load_keyring
from collectguard.service.roles import require
from collectguard.service.runtime import Clock, Runtime, system_clock
from collectguard.service.types import AccountView, Actor, Completion, Page, Reservation, StateView, UserInfo
from collectguard.settings import Settings
from collectguard.store import Database
from collectguard.store import audit as audit_log

__all__ = ["Service"]


class Service:
    """collectguard's use cases over one database, keyring and clock.

    Build it at the edge: ``Service(settings)`` or ``Service.open("cg.db", secret_key=...)``.
    Every method that acts for someone takes ``actor`` (see :class:`Actor`) and checks the
    role matrix of :mod:`collectguard.service.roles`.
    """

    def __init__(
        self, settings: Settings, *, clock: Clock | None = None, keyring: Keyring | None = None
    ) -> None:
        db = Database(settings.db or "collectguard.db", synchronous=settings.sqlite_synchronous)
        source = None if keyring is not None else load_keyring(settings, db.url)
        self.settings = settings
        #: a message for the operator when a key file was generated now
        self.key_notice = source.notice if source else None
        self._rt = Runtime(settings, db, keyring or source.keyring, clock or system_clock)  # type: ignore[union-attr]

    @classmethod
    def open(
        cls, db: str, *, keyring: Keyring | None = None, clock: Clock | None = None, **options: Any
    ) -> Service:
        """A service over ``db`` (URL or SQLite path); other settings as keywords, no environment read."""
        return cls(Settings(db=db, **options), clock=clock, keyring=keyring)

    @property
    def database(self) -> Database:
        return self._rt.db

    @property
    def runtime(self) -> Runtime:
        """Database, keyring, clock and loaded packs: for the read models of this package
        (dashboard, risk queue), which read the way :mod:`collectguard.service.views` does."""
        return self._rt

    def now(self) -> datetime:
        """The service's clock (injectable for tests)."""
        return self._rt.now()

    def warm_up(self) -> None:
        """Load rule packs, the screener, signal lexicons and PII recognizers ahead of the first request."""
        self._rt.packs(tuple(self.settings.rulepacks))
        analysis.warm_up(tuple(self.settings.rulepacks))

    def rulepacks(self) -> list[dict[str, Any]]:
        """The packs accounts may name, with version, titles and rule ids."""
        return [
            {
                "name": name,
                "version": pack.version,
                "title_zh": pack.title_zh,
                "title_en": pack.title_en,
                "base": pack.base,
                "rules": [rule.id for rule in pack.rules],
            }
            for name in self._rt.pack_names()
            for pack in self._rt.packs((name,))
        ]

    def region(self, rulepacks: tuple[str, ...] | list[str]) -> str:
        """The support-line region (cn, us, uk) of an account's packs; an overlay counts as its base."""
        return self._rt.region(rulepacks)

    def close(self) -> None:
        """Release the database connections."""
        self._rt.db.dispose()

    # accounts -------------------------------------------------------------------------
    def create_account(self, data: NewAccount | dict[str, Any], *, actor: Actor) -> AccountView:
        """Create an account with its parties; PII is encrypted and blind-indexed."""
        body = data if isinstance(data, NewAccount) else NewAccount.model_validate(data)
        return accounts.create(self._rt, body, actor=actor)

    def list_accounts(self, *, actor: Actor, limit: int = 50, cursor: str | None = None) -> Page:
        """Accounts ordered by id, masked; ``next_cursor`` continues the listing."""
        return accounts.listing(self._rt, actor=actor, limit=limit, cursor=cursor)

    def get_account(self, account_id: str, *, actor: Actor) -> AccountView:
        """An account with masked parties, open states and recent contacts."""
        return accounts.detail(self._rt, account_id, actor=actor)

    # contacts -------------------------------------------------------------------------
    def check_contact(
        self, account_id: str, party_id: str, channel: str, *, actor: Actor, at: datetime | None = None
    ) -> Decision:
        """The decision for a prospective contact (now or at ``at``); nothing recorded."""
        return contacts.check(self._rt, account_id, party_id, channel, actor=actor, at=at)

    def reserve_contact(self, account_id: str, party_id: str, channel: str, *, actor: Actor) -> Reservation:
        """Decide at the server clock and, if allowed, record the attempt atomically."""
        return contacts.reserve(self._rt, account_id, party_id, channel, actor=actor)

    def record_contact(
        self, account_id: str, party_id: str, channel: str, at: datetime, outcome: str, *, actor: Actor
    ) -> dict[str, Any]:
        """Import a contact that happened outside the guard (supervisor or admin)."""
        return contacts.record(self._rt, account_id, party_id, channel, at, outcome, actor=actor)

    def complete_contact(
        self,
        attempt_id: str,
        outcome: str,
        *,
        actor: Actor,
        text: str | None = None,
        transcript: str | None = None,
    ) -> Completion:
        """Record a reservation's outcome; a text or transcript is screened and kept encrypted."""
        return contacts.complete(self._rt, attempt_id, outcome, actor=actor, text=text, transcript=transcript)

    def cancel_contact(self, attempt_id: str, *, actor: Actor) -> dict[str, Any]:
        """Release a reservation before its TTL; after it, the reservation counts as placed."""
        return contacts.cancel(self._rt, attempt_id, actor=actor)

    # texts ----------------------------------------------------------------------------
    def screen_message(
        self, text: str, *, actor: Actor, to: str | None = None, account_id: str | None = None
    ) -> dict[str, Any]:
        """Screen a draft message (by the account's packs when given); nothing recorded."""
        return texts.screen_message(self._rt, text, actor=actor, to=to, account_id=account_id)

    def redact(self, text: str, *, actor: Actor) -> dict[str, Any]:
        """Find and mask PII in a text; nothing recorded."""
        return texts.redact(self._rt, text, actor=actor)

    def ingest_reply(self, account_id: str, party_id: str, text: str, *, actor: Actor) -> dict[str, Any]:
        """Analyse a borrower reply and apply its state changes and opt-outs, audited."""
        return texts.ingest_reply(self._rt, account_id, party_id, text, actor=actor)

    def unmask(self, party_id: str, field: str, *, actor: Actor, reason: str) -> dict[str, Any]:
        """Reveal one party field (name, phone, id_number) with a reason; audited."""
        return texts.unmask(self._rt, party_id, field, actor=actor, reason=reason)

    # states ---------------------------------------------------------------------------
    def set_state(self, account_id: str, state: str, *, actor: Actor, reason: str) -> StateView | None:
        """Open an account state with a reason; None when it is already open."""
        return states.set_state(self._rt, account_id, state, actor=actor, reason=reason)

    def clear_state(self, account_id: str, state: str, *, actor: Actor, reason: str) -> None:
        """Close a state; crisis needs a supervisor and the end of its minimum hold."""
        states.clear_state(self._rt, account_id, state, actor=actor, reason=reason)

    # users ----------------------------------------------------------------------------
    def create_user(self, name: str, role: str, *, actor: Actor | None = None) -> tuple[UserInfo, str]:
        """A user with one role and its first API key (returned once, stored as a digest)."""
        return users.create_user(self._rt, name, role, actor=actor or Actor.system())

    def revoke_keys(self, name: str, *, actor: Actor | None = None) -> int:
        """Revoke every API key of a user; returns how many were active."""
        return users.revoke_keys(self._rt, name, actor=actor or Actor.system())

    def authenticate(self, api_key: str) -> Actor:
        """The actor behind an API key, or AuthenticationError."""
        return users.authenticate(self._rt, api_key)

    def set_password(self, name: str, password: str, *, actor: Actor | None = None) -> None:
        """Set a user's dashboard password (argon2)."""
        users.set_password(self._rt, name, password, actor=actor or Actor.system())

    def check_password(self, name: str, password: str) -> Actor:
        """The actor for a dashboard sign-in, or AuthenticationError."""
        return users.check_password(self._rt, name, password)

    def list_users(self, *, role: str | None = None) -> list[UserInfo]:
        """Users by name, optionally of one role (``collector`` lists the collectors)."""
        return users.list_users(self._rt, role=role)

    # keys -----------------------------------------------------------------------------
    def reindex_blind_indexes(
        self, *, actor: Actor | None = None, batch_size: int = 500
    ) -> reindex.ReindexReport:
        """After a key rotation: every blind index written again under the active key, in batches."""
        return reindex.reindex(self._rt, actor=actor or Actor.system(), batch_size=batch_size)

    # audit ----------------------------------------------------------------------------
    def verify_audit(
        self, known_head: str | None = None, *, actor: Actor | None = None
    ) -> audit_log.AuditReport:
        """Walk the hash chain; ``known_head`` (``SEQ:HASH`` from an anchor) also catches truncation."""
        if actor is not None:
            require(actor, "audit")
        anchor = audit_log.parse_head(known_head) if known_head else None
        with self._rt.db.read() as session:
            return audit_log.verify(session, known_head=anchor)

    def audit_head(self) -> audit_log.Head:
        """The newest entry (``SEQ:HASH``): store it elsewhere as an anchor."""
        with self._rt.db.read() as session:
            return audit_log.head(session)

    def record_audit(
        self, action: str, subject: str, *, actor: Actor, payload: dict[str, Any] | None = None
    ) -> None:
        """Append an administrative event (for other edges, e.g. a pack change) to the chain."""
        with self._rt.db.write() as session:
            self._rt.audit(session, actor=actor.id, action=action, subject=subject, payload=payload)

    # read models ----------------------------------------------------------------------
    def account_timeline(self, account_id: str, *, actor: Actor, limit: int = 200) -> list[dict[str, Any]]:
        """Contacts, messages, replies and state changes of an account, newest first."""
        return views.timeline(self._rt, account_id, actor=actor, limit=limit)

    def contacts_per_day(self, *, actor: Actor, days: int = 14) -> list[dict[str, Any]]:
        """Attempts and connected calls per day of the floor's clock (``report_timezone``)."""
        return views.contacts_per_day(self._rt, actor=actor, days=days)

    def flagged_messages(self, *, actor: Actor, limit: int = 50) -> list[dict[str, Any]]:
        """The QA queue of warned or blocked texts not yet reviewed."""
        return views.flagged_messages(self._rt, actor=actor, limit=limit)

    def mark_reviewed(self, message_id: str, *, actor: Actor, note: str = "") -> None:
        """Take a message off the QA queue (audited)."""
        views.mark_reviewed(self._rt, message_id, actor=actor, note=note)

    def alerts(self, *, actor: Actor) -> list[dict[str, Any]]:
        """Open crisis and complaint states."""
        return views.alerts(self._rt, actor=actor)

    def collector_activity(
        self, collector_id: str, *, actor: Actor, since: datetime, until: datetime | None = None
    ) -> dict[str, Any]:
        """A collector's contacts, message verdicts and the replies on their accounts in a period."""
        return views.collector_activity(self._rt, collector_id, actor=actor, since=since, until=until)

    # idempotency ----------------------------------------------------------------------
    def idempotency_claim(
        self, actor: Actor, key: str, fingerprint: str
    ) -> tuple[int, dict[str, Any]] | None:
        """None when the request may run; the stored (status, body) of its first run otherwise."""
        return idempotency.claim(self._rt, actor.id, key, fingerprint)

    def idempotency_finish(self, actor: Actor, key: str, status_code: int, body: dict[str, Any]) -> None:
        """Store the first result for a claimed key (sealed with the keyring)."""
        idempotency.finish(self._rt, actor.id, key, status_code, body)

    def idempotency_release(self, actor: Actor, key: str) -> None:
        """Forget a claim whose request failed unexpectedly."""
        idempotency.release(self._rt, actor.id, key)
