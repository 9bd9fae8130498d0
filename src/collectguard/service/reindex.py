"""Blind indexes under the active key, after a key rotation.

A party's ``phone_index`` and ``id_number_index`` are keyed HMACs (``Keyring.tokenize``) under
the key that was active when the party was written. After a rotation, a party written under the
new key gets another index for the same number than one written before it, so the two no longer
link: the caps on the number would count them as two numbers. Reindexing decrypts each sealed
field (any key of the keyring opens it) and writes its index under the active key again.

Parties are read in id order, ``batch_size`` at a time, each batch in one write transaction
that ends with an audit entry when it changed anything; an index that is already right is left
alone, so a second run, or a run after an interruption, changes only what is still stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from collectguard.errors import CryptoError, ValidationError
from collectguard.service.accounts import BLIND_INDEXES, blind_index, reveal
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime
from collectguard.service.types import Actor
from collectguard.store.models import PartyRow

__all__ = ["MAX_BATCH", "ReindexReport", "reindex"]

#: the most parties one transaction rewrites: a batch holds the write lock while it runs
MAX_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class ReindexReport:
    """What a reindex did: how many parties it read, and per index column how many it rewrote."""

    key: str
    parties: int
    batches: int
    #: index column → parties whose index changed
    updated: dict[str, int] = field(default_factory=dict)
    #: parties with a field sealed under a key the keyring no longer holds (left as they were)
    unreadable: tuple[str, ...] = ()

    @property
    def changed(self) -> int:
        return sum(self.updated.values())


def _fresh(rt: Runtime, row: PartyRow) -> dict[str, str | None]:
    """Each index column's value under the active key, from the sealed field it indexes."""
    out = {}
    for name, (column, _) in BLIND_INDEXES.items():
        sealed = getattr(row, f"{name}_enc")
        out[column] = blind_index(rt, name, reveal(rt, row, name) if sealed else None)
    return out


def reindex(rt: Runtime, *, actor: Actor, batch_size: int = 500) -> ReindexReport:
    """Write every blind index under the active key, ``batch_size`` parties per transaction."""
    require(actor, "keys")
    if not 1 <= batch_size <= MAX_BATCH:
        raise ValidationError(f"the batch size must be between 1 and {MAX_BATCH}", field="batch_size")
    updated = {column: 0 for column, _ in BLIND_INDEXES.values()}
    unreadable: list[str] = []
    parties = batches = 0
    last = ""
    while True:
        with rt.db.write() as session:
            rows = list(
                session.execute(
                    # locked (PostgreSQL): a phone changed while the batch runs must not get a stale index
                    select(PartyRow)
                    .where(PartyRow.id > last)
                    .order_by(PartyRow.id)
                    .limit(batch_size)
                    .with_for_update()
                ).scalars()
            )
            if not rows:
                break
            changed = {column: 0 for column in updated}
            for row in rows:
                try:
                    fresh = _fresh(rt, row)
                except CryptoError:
                    unreadable.append(row.id)
                    continue
                for column, value in fresh.items():
                    if getattr(row, column) != value:
                        setattr(row, column, value)
                        changed[column] += 1
            if any(changed.values()):
                rt.audit(
                    session,
                    actor=actor.id,
                    action="keys.reindex",
                    subject=f"parties {rows[0].id}..{rows[-1].id}",
                    payload={"key": rt.keyring.active, "parties": len(rows), "updated": changed},
                )
        for column, count in changed.items():
            updated[column] += count
        parties += len(rows)
        batches += 1
        last = rows[-1].id
    return ReindexReport(rt.keyring.active, parties, batches, updated, tuple(unreadable))
