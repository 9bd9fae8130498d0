"""The audit hash chain: any single row altered, deleted or reordered fails verify, naming the row."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from cg_service_fixtures import Team, borrower_account
from sqlalchemy import delete, select, update

from collectguard.service import Service
from collectguard.store.models import AuditEvent


def _fill(svc: Service, team: Team) -> int:
    account = borrower_account(svc, team)
    borrower = account["parties"][0]["id"]
    collector = team.actors["collector"]
    reservation = svc.reserve_contact(account["id"], borrower, "call", actor=collector)
    assert reservation.attempt_id is not None
    svc.complete_contact(reservation.attempt_id, "connected", actor=collector)
    svc.unmask(borrower, "phone", actor=team.actors["compliance"], reason="borrower disputes the number")
    svc.set_state(
        account["id"], "disputed", actor=team.actors["supervisor"], reason="written dispute received"
    )
    report = svc.verify_audit()
    assert report.ok, report
    return report.entries


def _alter_payload(session: Any, seq: int) -> None:
    row = session.get(AuditEvent, seq)
    row.payload = {**row.payload, "tampered": True}


def _alter_actor(session: Any, seq: int) -> None:
    session.execute(update(AuditEvent).where(AuditEvent.seq == seq).values(actor="someone-else"))


def _rehash(session: Any, seq: int) -> None:
    # A forger who also recomputes the row's own hash still breaks the next row's link.
    from collectguard.store.audit import entry_hash

    row = session.get(AuditEvent, seq)
    row.action = "contact.cancel"
    row.hash = entry_hash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.subject, row.payload)


def _delete(session: Any, seq: int) -> None:
    session.execute(delete(AuditEvent).where(AuditEvent.seq == seq))


def _swap(session: Any, seq: int) -> None:
    a, b = session.get(AuditEvent, seq), session.get(AuditEvent, seq + 1)
    fields = ("at", "actor", "action", "subject", "payload", "prev_hash", "hash")
    values_a = {f: getattr(a, f) for f in fields}
    for f in fields:
        setattr(a, f, getattr(b, f))
        setattr(b, f, values_a[f])


#: (tampering, the entry verify must name relative to the tampered seq, words in the reason)
CASES = [
    (_alter_payload, 0, "altered"),
    (_alter_actor, 0, "altered"),
    (_rehash, 1, "prev_hash"),
    (_delete, 0, "missing"),
    (_swap, 0, "prev_hash"),
]


@pytest.mark.parametrize(("tamper", "offset", "words"), CASES, ids=[c[0].__name__ for c in CASES])
@pytest.mark.parametrize("where", ["first", "middle", "last_but_one"])
def test_tampering_is_found_and_named(
    svc: Service, team: Team, tamper: Any, offset: int, words: str, where: str
) -> None:
    entries = _fill(svc, team)
    seq = {"first": 1, "middle": entries // 2, "last_but_one": entries - 1}[where]
    with svc.database.write() as session:
        tamper(session, seq)
    report = svc.verify_audit()
    assert not report.ok
    assert report.broken_at == seq + offset
    assert words in (report.reason or "")


def test_altering_the_last_row_is_found(svc: Service, team: Team) -> None:
    entries = _fill(svc, team)
    with svc.database.write() as session:
        _alter_payload(session, entries)
    report = svc.verify_audit()
    assert (report.ok, report.broken_at) == (False, entries)


def test_truncating_the_tail_needs_an_anchor(svc: Service, team: Team) -> None:
    _fill(svc, team)
    anchor = str(svc.audit_head())
    last = svc.audit_head().seq
    with svc.database.write() as session:
        _delete(session, last)
    # What the chain alone cannot see (documented): a shorter chain is still a valid chain.
    assert svc.verify_audit().ok
    report = svc.verify_audit(anchor)
    assert not report.ok
    assert report.broken_at == last
    assert "truncated" in (report.reason or "")


def test_anchor_of_an_intact_chain_verifies_and_keeps_verifying_as_it_grows(svc: Service, team: Team) -> None:
    _fill(svc, team)
    anchor = str(svc.audit_head())
    borrower_account(svc, team)
    report = svc.verify_audit(anchor)
    assert report.ok
    assert report.head.seq > int(anchor.split(":")[0])


def test_a_wrong_anchor_is_refused(svc: Service, team: Team) -> None:
    _fill(svc, team)
    seq = svc.audit_head().seq
    report = svc.verify_audit(f"{seq}:{'0' * 64}")
    assert (report.ok, report.broken_at) == (False, seq)


def test_chain_links_every_entry_to_the_one_before(svc: Service, team: Team) -> None:
    _fill(svc, team)
    with svc.database.read() as session:
        rows = list(session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
