"""Service functions and HTTP routes over a real store: who sees what, and the figures."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from cg_service_fixtures import START, borrower_account, stored_attempt

from collectguard.errors import PermissionDeniedError
from collectguard.service import wellbeing as wb
from collectguard.store.models import MessageRow, ReplyRow


def _seed(svc, team):
    """One account; the collector's morning of calls, one hostile and one crisis reply, a blocked text."""
    acc = borrower_account(svc, team)
    borrower = next(p["id"] for p in acc["parties"] if p["role"] == "borrower")
    collector = team.actors["collector"].id
    with svc.database.write() as s:
        for i in range(12):
            at = START - timedelta(minutes=110 - 5 * i)
            outcome = "connected" if i % 4 == 0 else "no_answer"
            s.add(stored_attempt(acc["id"], borrower, at, outcome=outcome, collector_id=collector))
        for minutes, signal in ((100, "anger"), (60, "complaint_intent"), (30, "distress_self_harm")):
            s.add(
                ReplyRow(
                    id=f"rpl_{secrets.token_hex(4)}",
                    account_id=acc["id"],
                    party_id=borrower,
                    text_enc="x",
                    analysis={"signals": [{"type": signal}]},
                    at=START - timedelta(minutes=minutes),
                )
            )
        s.add(
            MessageRow(
                id=f"msg_{secrets.token_hex(4)}",
                account_id=acc["id"],
                collector_id=collector,
                kind="sms",
                text_enc="x",
                verdict="block",
                findings=[{"category": "threat"}],
                at=START - timedelta(minutes=40),
            )
        )
    return acc


ROLES_SEEING_WELLBEING = [("collector", 200), ("supervisor", 200), ("compliance", 403), ("admin", 403)]


@pytest.mark.parametrize(("role", "status"), ROLES_SEEING_WELLBEING)
def test_who_sees_a_collectors_wellbeing(client, svc, team, role, status) -> None:
    _seed(svc, team)
    cid = team.actors["collector"].id
    r = client.get(f"/v1/collectors/{cid}/wellbeing", headers=team.headers(role))
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["error"]["code"] == "forbidden"


def test_a_collector_never_sees_another_collectors_figures(svc, team) -> None:
    other, _ = svc.create_user("collector-2", "collector")
    with pytest.raises(PermissionDeniedError):
        wb.collector_wellbeing(svc, other.id, actor=team.actors["collector"])


def test_wellbeing_figures_from_the_store(client, svc, team) -> None:
    _seed(svc, team)
    body = client.get(
        f"/v1/collectors/{team.actors['collector'].id}/wellbeing", headers=team.headers("collector")
    ).json()
    (shift,) = body["shifts"]
    assert shift["figures"]["contacts"] == 12
    assert shift["figures"]["hostile_contacts"] == 1  # the anger reply, attributed by the last contact
    assert shift["figures"]["crisis_contacts"] == 1
    assert "supervisor_check_in" in {a["advice"] for a in body["current_advice"]}


def test_collectors_directory_has_no_figures(client, svc, team) -> None:
    r = client.get("/v1/collectors", headers=team.headers("supervisor"))
    assert r.status_code == 200
    (item,) = r.json()["items"]
    assert set(item) == {"id", "name", "active"}
    assert client.get("/v1/collectors", headers=team.headers("collector")).status_code == 403


def test_account_risk_and_queue(client, svc, team) -> None:
    acc = _seed(svc, team)
    calm = borrower_account(svc, team)
    r = client.get(f"/v1/accounts/{acc['id']}/risk", headers=team.headers("collector"))
    assert r.status_code == 200, r.text
    risk = r.json()
    assert risk["top_factors"][0]["factor"] == "complaint_intent"
    assert sum(f["points"] for f in risk["factors"]) == pytest.approx(risk["raw_score"], abs=0.05)
    queue = client.get("/v1/risk/queue", headers=team.headers("supervisor")).json()["items"]
    assert [q["account_id"] for q in queue] == [acc["id"], calm["id"]]
    assert client.get("/v1/risk/queue", headers=team.headers("collector")).status_code == 403


def test_fair_team_view_counts_quality(client, svc, team) -> None:
    _seed(svc, team)
    body = client.get("/v1/team/fair", headers=team.headers("compliance")).json()
    (row,) = body["rows"]
    assert row["violations"] == 1 and row["crisis_contacts"] == 1
    assert row["crisis_handed_over"] == 1  # no further call after the crisis reply


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/v1/accounts/acc_nope/risk", 404, "account_id"),
        ("/v1/collectors/usr_nope/wellbeing?days=7", 404, "collector_id"),
        ("/v1/collectors/x/wellbeing?days=0", 422, "days"),
    ],
)
def test_bad_requests_get_the_error_body(client, team, path, status, field) -> None:
    r = client.get(path, headers=team.headers("supervisor"))
    assert r.status_code == status
    assert r.json()["error"]["field"] == field


def test_demo_activity_gives_a_spread(svc, team) -> None:
    accounts = [borrower_account(svc, team)["id"] for _ in range(6)]
    counts = wb.seed_demo_activity(svc, days=3)
    assert counts["contacts"] > 100
    supervisor = team.actors["supervisor"]
    (report,) = wb.team_wellbeing(svc, actor=supervisor).values()
    assert report.period.shifts >= 2 and report.period.contacts > 100
    scores = wb.account_risks(svc, [*accounts, "acc_nope"], actor=supervisor)
    assert sorted(scores) == sorted(accounts)
    assert len({s.score for s in scores.values()}) > 1
