"""``collectguard wellbeing`` and ``collectguard risk`` from files and from --db; misuse exits 2."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from cg_service_fixtures import SECRET
from typer.testing import CliRunner
from wb_helpers import at

from collectguard.cli.main import app

runner = CliRunner()


def _contact(minutes: float, collector: str = "c1", **kw: object) -> dict[str, object]:
    return {
        "collector_id": collector,
        "account_id": "a1",
        "started_at": at(minutes).isoformat(),
        "duration_s": 60,
        **kw,
    }


@pytest.fixture
def records(tmp_path):
    lines = [_contact(5 * i) for i in range(14)]  # 66 minutes without a break
    lines += [
        _contact(0, "c2"),
        {
            "kind": "reply",
            "account_id": "a1",
            "at": at(1).isoformat(),
            "signals": ["distress_self_harm"],
            "collector_id": "c2",
        },
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_wellbeing_from_jsonl_lists_collectors_in_id_order(records) -> None:
    result = runner.invoke(app, ["wellbeing", str(records), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [r["collector_id"] for r in body] == ["c1", "c2"]
    c1, c2 = body
    # judged at the end of the latest record: c1's stretch is still running
    assert {a["advice"] for a in c1["current_advice"]} == {"take_break"}
    assert {a["advice"] for a in c2["current_advice"]} == {"supervisor_check_in"}


def test_wellbeing_table_for_one_collector(records) -> None:
    result = runner.invoke(app, ["wellbeing", str(records), "--collector", "c1", "--now", at(70).isoformat()])
    assert result.exit_code == 0, result.output
    assert "c1" in result.stdout and "take_break" in result.stdout and "c2" not in result.stdout


MISUSE = [
    (["wellbeing"], "records file or --db"),
    (["wellbeing", "missing.jsonl"], "no such file"),
    (["wellbeing", "{records}", "--collector", "nobody"], "no contacts of collector"),
    (["wellbeing", "{records}", "--now", "2026-03-02T09:00:00"], "offset"),
    (["risk"], "case file or --db"),
]


@pytest.mark.parametrize(("args", "message"), MISUSE)
def test_misuse_is_one_line_and_exit_2(records, args, message) -> None:
    args = [a.replace("{records}", str(records)) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


BAD_FILES = [
    ('{"collector_id": "c1", "account_id": "a1", "started_at": "2026-03-02T09:00:00"}', "line 1.started_at"),
    (
        '{"collector_id": "c1", "account_id": "a1", "started_at": "2026-03-02T09:00:00+08:00", "outcome": "x"}',
        "outcome",
    ),
    ('{"kind": "gossip"}', "line 1.kind"),
    ("not json", "line 1: invalid JSON"),
]


@pytest.mark.parametrize(("line", "message"), BAD_FILES)
def test_bad_record_names_its_line_and_field(tmp_path, line, message) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(app, ["wellbeing", str(path)])
    assert result.exit_code == 2 and message in result.output


def _case(**account: object) -> dict[str, object]:
    return {
        "account": {"id": "L-1", "timezone": "Asia/Shanghai", **account},
        "contacts": [_contact(0, outcome="connected")],
        "replies": [{"account_id": "a1", "at": at(2).isoformat(), "signals": ["complaint_intent"]}],
    }


def test_risk_from_a_case_file(tmp_path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([_case(), _case(id="L-2", earlier_complaints=2)]), encoding="utf-8")
    result = runner.invoke(app, ["risk", str(path), "--json"])
    assert result.exit_code == 0, result.output
    first, second = json.loads(result.stdout)
    assert first["top_factors"][0]["factor"] == "complaint_intent"
    assert second["score"] > first["score"]


def test_risk_bad_case_names_the_field(tmp_path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_case(overdue_days=-3)), encoding="utf-8")
    result = runner.invoke(app, ["risk", str(path)])
    assert result.exit_code == 2 and "case.account.overdue_days" in result.output


def test_from_db(svc, team, db_url, monkeypatch) -> None:
    from test_wellbeing_service_api import _seed

    acc = _seed(svc, team)
    monkeypatch.setenv("COLLECTGUARD_SECRET_KEY", SECRET)
    now = (svc.now() + timedelta(minutes=1)).isoformat()
    result = runner.invoke(app, ["wellbeing", "--db", db_url, "--now", now, "--json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["collector_id"] == team.actors["collector"].id and report["period"]["crisis_contacts"] == 1
    result = runner.invoke(app, ["risk", "--db", db_url, "--now", now, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["account_id"] == acc["id"]
