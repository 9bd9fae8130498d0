"""The CLI edge: conformance cases through `contact simulate`, rules listing, and misuse."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from collectguard.cli.main import app
from conformance_cases import load_cases

CASES = load_cases()
runner = CliRunner()


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "collectguard", *args], capture_output=True, text=True, input=stdin, timeout=60
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_through_cli(case, tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(case.scenario()), encoding="utf-8")
    result = runner.invoke(app, ["contact", "simulate", str(path)])
    assert result.exit_code == 0, result.output
    (decision,) = json.loads(result.stdout)
    case.check(decision)


def test_simulate_decides_against_allowed_attempts_only(tmp_path):
    attempts = [
        {
            "at": f"2026-03-02T{9 + i:02d}:00:00+08:00",
            "party": "borrower",
            "channel": "call",
            "outcome": "connected",
        }
        for i in range(5)
    ]
    attempts.insert(
        1, {"at": "2026-03-02T23:00:00+08:00", "party": "borrower", "channel": "call", "outcome": "connected"}
    )
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps({"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": attempts})
    )
    result = runner.invoke(app, ["contact", "simulate", str(path)])
    decisions = json.loads(result.stdout)
    # the denied 23:00 attempt does not count, so the 4th connected call (index 4) is the first capped one
    assert [d["allowed"] for d in decisions] == [True, False, True, True, False, False]
    assert decisions[1]["rules"] == ["cn.hours"]
    assert decisions[4]["rules"] == ["cn.connected_daily_cap"]


def test_shipped_sample_scenario_renders_a_table():
    from importlib import resources

    sample = resources.files("collectguard") / "data" / "samples" / "scenario.json"
    result = runner.invoke(app, ["contact", "simulate", str(sample), "--table"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "cn.connected_daily_cap" in result.stdout and "禁止" in result.stdout


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        ("{not json", "invalid JSON at line 1"),
        ('{"account": {"timezone": "Asia/Shanghai"}, "attempts": []}', "rulepack: missing"),
        (
            '{"rulepack": "zz", "account": {"timezone": "Asia/Shanghai"}, "attempts": []}',
            "unknown rule pack 'zz'",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Mars/Base"}, "attempts": []}',
            "account.timezone: unknown IANA time zone",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": [{"at": "2026-03-02T09:00:00", "party": "borrower", "channel": "call"}]}',
            "attempts[0].at: '2026-03-02T09:00:00' has no UTC offset",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": [{"at": "2026-03-02T09:00:00+08:00", "party": "boss", "channel": "call"}]}',
            "attempts[0].party: 'boss' is not one of",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": [{"party": "borrower", "channel": "call"}]}',
            "attempts[0].at: missing",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "history": [{"at": "2026-03-02T09:00:00+08:00", "party": "borrower", "channel": "call", "linked": "yes"}], "attempts": []}',
            "history[0].linked: expected true or false",
        ),
        (
            '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": [{"at": "2026-03-02T09:00:00+08:00", "party": "borrower", "channel": "call", "linked": true}]}',
            "attempts[0].linked: linked is only for history",
        ),
    ],
)
def test_invalid_scenarios_exit_2_with_one_line(tmp_path, scenario, message):
    path = tmp_path / "bad.json"
    path.write_text(scenario, encoding="utf-8")
    result = _cli("contact", "simulate", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stdout == ""


def test_missing_and_badly_encoded_files(tmp_path):
    assert "no such file" in _cli("contact", "simulate", str(tmp_path / "nope.json")).stderr
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"rulepack": "cn", "x": "\xe9"}'.encode("latin-1"))
    result = _cli("contact", "simulate", str(bad))
    assert result.returncode == 2 and "not UTF-8" in result.stderr


def test_version():
    result = _cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("collectguard ")


def test_rules_list_json_has_every_rule_with_citation():
    result = runner.invoke(app, ["rules", "list", "--json"])
    rules = json.loads(result.stdout)
    ids = {r["id"] for r in rules}
    assert {"cn.hours", "us.regf.7in7.calls", "cn.third_party.lost_contact_gate"} <= ids
    assert all(r["citation"] and r["message_zh"] and r["message_en"] for r in rules)


def test_rules_show_and_unknown_rule():
    shown = runner.invoke(app, ["rules", "show", "us.regf.7in7.post_conversation", "--json"])
    assert json.loads(shown.stdout)["citation"] == "12 CFR 1006.14(b)(2)(i)(B)"
    assert _cli("rules", "show", "cn.nope").returncode == 2
    assert _cli("rules", "list", "--pack", "nope").returncode == 2


def test_an_unknown_addressee_exits_2_naming_the_option_and_the_roles():
    result = _cli("screen", "--to", "boss", "还钱")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "错误 error: --to: 'boss' is not one of: borrower, guarantor, emergency_contact, third_party, staff"
    )
    assert result.stdout == ""


def test_a_memo_to_staff_may_name_the_debt():
    memo = "本周跟进：张伟账户逾期45天，欠款两万，请按话术提醒。"
    staff = _cli("screen", "--to", "staff", "--json", memo)
    outsider = _cli("screen", "--to", "third_party", "--json", memo)
    assert staff.returncode == 0 and json.loads(staff.stdout)["verdict"] == "pass"
    assert json.loads(outsider.stdout)["verdict"] == "block"
