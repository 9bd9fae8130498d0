"""Daily charts count the floor's calendar days (``report_timezone``), not UTC days."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cg_service_fixtures import SECRET, borrower_account, make_team

from collectguard.errors import ValidationError
from collectguard.service import Service
from collectguard.settings import Settings
from collectguard.testing import FixedClock

# 17:30 UTC on 2 March is 01:30 on 3 March in Shanghai, 12:30 on 2 March in New York
LATE_UTC = datetime(2026, 3, 2, 17, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day"), [("Asia/Shanghai", "2026-03-03"), ("America/New_York", "2026-03-02")]
)
def test_contacts_per_day_counts_the_report_zone_day(
    sqlite_url: str, packs_dir: Path, zone: str, day: str
) -> None:
    svc = Service.open(
        sqlite_url,
        clock=FixedClock(LATE_UTC),
        secret_key=SECRET,
        packs_dir=packs_dir,
        report_timezone=zone,
    )
    try:
        team = make_team(svc)
        account = borrower_account(svc, team, rulepacks=["cap3"])
        collector = team.actors["collector"]
        r = svc.reserve_contact(account["id"], account["parties"][0]["id"], "call", actor=collector)
        assert r.attempt_id is not None
        svc.complete_contact(r.attempt_id, "connected", actor=collector)
        assert svc.contacts_per_day(actor=team.actors["supervisor"]) == [
            {"day": day, "attempts": 1, "connected": 1}
        ]
    finally:
        svc.close()


def test_an_unknown_report_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        Settings.from_env({}, report_timezone="Mars/Olympus")
