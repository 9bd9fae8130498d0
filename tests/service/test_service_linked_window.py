"""The linked history reaches only as far back as the account's caps on the number look.

Another account's attempts on the same number feed only the caps scoped to the number, so the
snapshot reads them back to the longest such window of the account's packs, and not at all
when no pack of the account has one (a cap per account, Regulation F's 7-in-7).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cg_service_fixtures import Team

from collectguard.policy import RulePack, load_pack
from collectguard.service import Service, snapshot
from collectguard.service.dashboard_checks import contact_statuses
from collectguard.testing import FixedClock

PHONE = "13800005555"


def _resolver(packs_dir: Path) -> Any:
    def packs(names: tuple[str, ...]) -> tuple[RulePack, ...]:
        return tuple(
            load_pack(packs_dir / f"{n}.yaml") if (packs_dir / f"{n}.yaml").exists() else load_pack(n)
            for n in names
        )

    return packs


def _account(svc: Service, team: Team, pack: str) -> tuple[str, str]:
    n = len(svc.list_accounts(actor=team.actors["supervisor"], limit=100).items)
    body = {
        "external_id": f"LW-{n}",
        "timezone": "Asia/Shanghai",
        "rulepacks": [pack],
        "parties": [{"role": "borrower", "name": "张三", "phone": PHONE}],
    }
    account = svc.create_account(body, actor=team.actors["supervisor"]).to_dict()
    return account["id"], account["parties"][0]["id"]


def _linked(svc: Service, ids: tuple[str, str], at: datetime, packs_dir: Path) -> list[datetime]:
    """The linked attempts the snapshot of ``ids`` (account, party) read for instant ``at``."""
    with svc.database.connect() as conn:
        snap = snapshot.load(conn, ids[0], at, _resolver(packs_dir))
    series = snap.history.number(ids[1]).between(at - timedelta(days=400), at + timedelta(days=1))
    return sorted(a.at for a in series if a.linked)


def test_a_pack_without_a_cap_on_the_number_reads_no_linked_attempt(
    svc: Service, team: Team, clock: FixedClock, packs_dir: Path
) -> None:
    admin = team.actors["admin"]
    other = _account(svc, team, "numcap3")
    mine = _account(svc, team, "cap3")  # the same cap, per account
    svc.record_contact(*other, "call", clock() - timedelta(minutes=30), "no_answer", actor=admin)
    assert _linked(svc, mine, clock(), packs_dir) == []
    # the account on the number-scoped pack does read this account's attempt
    svc.record_contact(*mine, "call", clock() - timedelta(minutes=20), "no_answer", actor=admin)
    assert _linked(svc, other, clock(), packs_dir) == [clock() - timedelta(minutes=20)]


def test_a_linked_attempt_older_than_the_longest_cap_on_the_number_is_not_read(
    svc: Service, team: Team, clock: FixedClock, packs_dir: Path
) -> None:
    admin, collector = team.actors["admin"], team.actors["collector"]
    other, mine = _account(svc, team, "numcap3"), _account(svc, team, "numcap3")
    # numcap3: three calls in a rolling 1,440 minutes, counted on the number
    old = clock() - timedelta(minutes=1441)
    recent = [clock() - timedelta(minutes=m) for m in (1439, 600)]
    for at in (old, *recent):
        svc.record_contact(*other, "call", at, "no_answer", actor=admin)
    assert _linked(svc, mine, clock(), packs_dir) == recent
    # and the decisions: two linked calls in the window, so one more call is allowed, then none
    assert svc.check_contact(*mine, "call", actor=collector).allowed
    svc.record_contact(*mine, "call", clock() - timedelta(minutes=1), "no_answer", actor=admin)
    denied = svc.check_contact(*mine, "call", actor=collector)
    assert denied.rules == ["test.cap3"]
    assert denied.next_allowed_at == recent[0] + timedelta(minutes=1440)
    bulk = contact_statuses(svc, [mine], ("call",), actor=collector)
    assert bulk[(*mine, "call")] == denied


def test_a_cached_snapshot_is_read_again_for_an_earlier_instant(
    svc: Service, team: Team, clock: FixedClock
) -> None:
    admin, collector = team.actors["admin"], team.actors["collector"]
    other, mine = _account(svc, team, "numcap3"), _account(svc, team, "numcap3")
    for minutes in (1500, 1490, 1480):  # three linked calls a little over a day ago
        svc.record_contact(*other, "call", clock() - timedelta(minutes=minutes), "no_answer", actor=admin)
    assert svc.check_contact(*mine, "call", actor=collector).allowed  # cached, read from now - 1 day
    earlier = clock() - timedelta(minutes=100)
    assert svc.check_contact(*mine, "call", actor=collector, at=earlier).rules == ["test.cap3"]
