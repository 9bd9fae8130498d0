"""``collectguard signals``: the people view and the JSON Lines contract of design.md."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from collectguard.cli.main import app

runner = CliRunner()


def test_jsonl_contract_and_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "我不想活了"}, ensure_ascii=False),
        json.dumps({"id": "b", "text": "好的，收到"}, ensure_ascii=False),
        json.dumps({"id": "c"}),
        "not json",
        json.dumps({"id": 4, "text": "I don't owe this"}),
    ]
    result = runner.invoke(app, ["signals", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", None, 4]
    assert out[0]["signals"] == [{"type": "distress_self_harm", "start": 1, "end": 4, "confidence": 0.95}]
    assert out[1] == {"id": "b", "signals": []}
    assert "error" in out[2] and "error" in out[3]
    assert out[4]["signals"][0]["type"] == "dispute"
    text = "I don't owe this"
    assert text[out[4]["signals"][0]["start"] : out[4]["signals"][0]["end"]] == "don't owe"


def test_jsonl_all_good_exits_zero():
    result = runner.invoke(app, ["signals", "--jsonl"], input='{"id": 1, "text": "stop calling"}\n')
    assert result.exit_code == 0
    assert json.loads(result.stdout)["signals"][0]["type"] == "cease_request"


def test_people_view_shows_signals_states_and_playbook():
    result = runner.invoke(app, ["signals", "对不起，我真的尽力了", "--pack", "cn"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for word in ("distress_self_harm", "cn.hold.crisis", "12356", "CRISIS"):
        assert word in result.stdout


def test_json_view_has_the_reply_shape():
    result = runner.invoke(app, ["signals", "I lost my job", "--json", "--pack", "us-regf", "--region", "us"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"signals", "states", "playbook"}
    assert data["states"][0]["offer"] == "installments"


def test_misuse_exits_2_with_one_line():
    for args in (
        ["signals"],
        ["signals", "x", "--jsonl"],
        ["signals", "hi", "--region", "mars"],
        ["signals", "hi", "--pack", "nope"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_one_channel_kept_reads_as_kept_and_refuses_the_others():
    result = runner.invoke(
        app, ["signals", "Please text me only, I can't take calls at the shop"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "only sms" in result.output
    for channel in ("call", "email", "visit", "wechat"):
        assert f"opt-out {channel}" in result.output
    assert "opt-out sms" not in result.output
