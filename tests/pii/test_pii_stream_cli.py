"""Streaming redaction and the ``pii`` / ``redact`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from collectguard.cli.main import app
from collectguard.errors import ValidationError
from collectguard.pii.stream import Redactor, redact_csv, redact_jsonl, redact_lines

runner = CliRunner()


def test_lines_keep_their_endings() -> None:
    out = list(redact_lines(["电话13812345678\r\n", "无\n", "末行"], Redactor("tag")))
    assert out == ["电话<PHONE>\r\n", "无\n", "末行"]


def test_csv_only_named_columns_and_multiline_cells() -> None:
    lines = ["id,phone,note\n", '1,13812345678,"多行\n', '邮箱a@b.cn"\n']
    out = "".join(redact_csv(lines, Redactor("tag"), ["note"]))
    assert out == 'id,phone,note\n1,13812345678,"多行\n邮箱<EMAIL>"\n'
    with pytest.raises(ValidationError, match="no such column"):
        list(redact_csv(lines, Redactor("tag"), ["nope"]))


def test_jsonl_bad_line_names_the_line() -> None:
    out = list(redact_jsonl(['{"id": 1, "text": "电话13812345678"}\n'], Redactor("mask")))
    assert json.loads(out[0]) == {"id": 1, "text": "电话138****5678"}
    with pytest.raises(ValidationError, match="line 2"):
        list(redact_jsonl(['{"text": ""}\n', "nope\n"], Redactor()))


def test_pii_command_jsonl_contract() -> None:
    stdin = '{"id": "a", "text": "电话13812345678"}\nnot json\n{"id": "c"}\n'
    result = runner.invoke(app, ["pii", "--jsonl"], input=stdin)
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert lines[0] == {"id": "a", "spans": [{"type": "PHONE", "start": 2, "end": 13}]}
    assert lines[1] == {"id": None, "error": lines[1]["error"]} and lines[2]["error"] == "missing field text"


def test_pii_command_table_and_misuse() -> None:
    result = runner.invoke(app, ["pii", "借款人王芳"])
    assert result.exit_code == 0 and "PERSON" in result.stdout
    assert runner.invoke(app, ["pii"]).exit_code == 2
    assert runner.invoke(app, ["pii", "x", "--types", "NOPE"]).exit_code == 2


def test_redact_command_writes_out_file(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,电话13812345678\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["redact", str(src), "--columns", "text", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "id,text\n1,电话138****5678\n"


def test_redact_token_needs_a_key_from_the_edge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.txt"
    src.write_text("电话13812345678\n", encoding="utf-8")
    monkeypatch.delenv("COLLECTGUARD_SECRET_KEY", raising=False)
    assert runner.invoke(app, ["redact", str(src), "--operator", "token"]).exit_code == 2
    monkeypatch.setenv("COLLECTGUARD_SECRET_KEY", "a secret long enough for tests")
    result = runner.invoke(app, ["redact", str(src), "--operator", "token"])
    assert result.exit_code == 0 and result.stdout.startswith("电话<PHONE:")


def test_redact_bad_jsonl_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "a"}\nbroken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["redact", str(src), "--out", str(out)])
    assert result.exit_code == 2
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
