"""CPU time of reading an account's history for a contact check when its number is shared.

An account's borrower shares a phone number with another account that holds ``--linked``
call attempts spread over 35 days. Under `cn` (caps on the number) the check reads the other
account's attempts back only as far as those caps look; under `us-regf` (no cap on the
number) it reads none. Uncached reads (``snapshot.load``) on SQLite, best of three.

    python bench/snapshot_bench.py [--linked 3000] [--loads 200]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from collectguard.policy import load_packs
from collectguard.service import Service, snapshot
from collectguard.service.types import Actor
from collectguard.store import Database
from collectguard.store.migrate import upgrade
from collectguard.store.models import AttemptRow

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
PHONE = "13800001111"


def _account(svc: Service, external_id: str, pack: str, zone: str) -> tuple[str, str]:
    body = {
        "external_id": external_id,
        "timezone": zone,
        "rulepacks": [pack],
        "parties": [{"role": "borrower", "name": "张三", "phone": PHONE}],
    }
    view = svc.create_account(body, actor=Actor.system()).to_dict()
    return view["id"], view["parties"][0]["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--linked", type=int, default=3000)
    parser.add_argument("--loads", type=int, default=200)
    args = parser.parse_args()
    path = str(Path(tempfile.mkdtemp()) / "cg.db")
    db = Database(path)
    upgrade(db)
    db.dispose()
    svc = Service.open(path, secret_key="x" * 32, clock=lambda: NOW)
    other = _account(svc, "other", "cn", "Asia/Shanghai")
    accounts = {
        "cn": _account(svc, "mine", "cn", "Asia/Shanghai"),
        "us-regf": _account(svc, "regf", "us-regf", "America/New_York"),
    }
    rng = random.Random(3)
    with svc.database.write() as session:
        session.add_all(
            AttemptRow(
                id=f"att_{i}",
                account_id=other[0],
                party_id=other[1],
                party_role="borrower",
                channel="call",
                at=NOW - timedelta(minutes=rng.randrange(35 * 24 * 60)),
                status="completed",
                outcome="no_answer",
            )
            for i in range(args.linked)
        )
    print(f"{args.linked} attempts of another account on the same number, over 35 days")
    for pack, (account_id, party_id) in accounts.items():
        best = float("inf")
        for _ in range(3):
            with svc.database.connect() as conn:
                start = time.process_time()
                for _ in range(args.loads):
                    snap = snapshot.load(conn, account_id, NOW, load_packs)
                best = min(best, time.process_time() - start)
        read = sum(
            1 for a in snap.history.number(party_id).between(NOW - timedelta(days=40), NOW) if a.linked
        )
        print(
            f"{pack:8} {args.loads} uncached reads: {best / args.loads * 1000:.2f} ms each (CPU), "
            f"linked attempts read: {read}"
        )
    svc.close()


if __name__ == "__main__":
    main()
