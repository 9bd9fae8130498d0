"""One read for the 员工关怀 page gives what the two separate use cases give, to the same people."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cg_service_fixtures import START, borrower_account

from collectguard.errors import PermissionDeniedError
from collectguard.service import wellbeing as wb
from collectguard.service import wellbeing_rows
from collectguard.store.models import MessageRow


@pytest.fixture
def floor(svc, team):
    accounts = [borrower_account(svc, team)["id"] for _ in range(5)]
    wb.seed_demo_activity(svc, days=3)
    with svc.database.write() as s:
        for i, verdict in enumerate(["block", "block", "warn", "pass"]):
            s.add(
                MessageRow(
                    id=f"msg_test{i}",
                    account_id=accounts[0],
                    collector_id=team.actors["collector"].id,
                    kind="sms",
                    text_enc="x",
                    verdict=verdict,
                    findings=[{"category": "threat"}],
                    at=START - timedelta(hours=2 + i),
                )
            )
    return accounts


def _team(figures):
    return {k: v.to_dict() for k, v in figures.items()}


@pytest.mark.parametrize("days", [7, 30])
def test_overview_equals_the_two_use_cases_for_a_supervisor(svc, team, floor, days) -> None:
    supervisor = team.actors["supervisor"]
    overview = wb.team_overview(
        svc, actor=supervisor, days=days, recovered={team.actors["collector"].id: 5.0}
    )
    assert overview.team is not None
    assert _team(overview.team) == _team(wb.team_wellbeing(svc, actor=supervisor, days=days))
    fair = wb.fair_team(svc, actor=supervisor, days=days, recovered={team.actors["collector"].id: 5.0})
    assert overview.fair.to_dict() == fair.to_dict()
    (row,) = fair.to_dict()["rows"]
    assert row["contacts"] > 0 and row["violations"] == 2  # blocked texts only, counted in SQL


@pytest.mark.parametrize(
    ("role", "sees_team"), [("supervisor", True), ("compliance", False), ("admin", False)]
)
def test_only_supervisors_get_individual_figures(svc, team, floor, role, sees_team) -> None:
    overview = wb.team_overview(svc, actor=team.actors[role])
    assert (overview.team is not None) is sees_team
    assert overview.fair.to_dict()["rows"]


def test_a_collector_gets_no_team_overview(svc, team, floor) -> None:
    with pytest.raises(PermissionDeniedError):
        wb.team_overview(svc, actor=team.actors["collector"])


def test_reads_in_slices_give_the_same_figures(svc, team, floor, monkeypatch) -> None:
    supervisor, collector = team.actors["supervisor"], team.actors["collector"]
    whole_risk = {k: v.to_dict() for k, v in wb.account_risks(svc, floor, actor=supervisor).items()}
    whole_own = wb.collector_wellbeing(svc, collector.id, actor=collector, days=7).to_dict()
    monkeypatch.setattr(wellbeing_rows, "CHUNK", 2)
    assert {k: v.to_dict() for k, v in wb.account_risks(svc, floor, actor=supervisor).items()} == whole_risk
    assert wb.collector_wellbeing(svc, collector.id, actor=collector, days=7).to_dict() == whole_own
    assert whole_own["period"]["contacts"] > 0
