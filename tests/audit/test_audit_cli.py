"""``collectguard audit``: LOG as a positional beside sub-commands, one-line errors, the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_logs import read_jsonl
from typer.testing import CliRunner

from collectguard.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    log = tmp_path_factory.mktemp("sample") / "contacts.csv"
    result = runner.invoke(app, ["audit", "sample", "--events", "1500", "--out", str(log), "--seed", "5"])
    assert result.exit_code == 0, result.output
    return log


@pytest.mark.parametrize("prefix", [[], ["run"]], ids=["audit LOG", "audit run LOG"])
def test_audit_log_positional_and_run_are_the_same(tmp_path: Path, sample: Path, prefix: list[str]) -> None:
    out = tmp_path / "out"
    args = ["audit", *prefix, str(sample), "--pack", "cn", "--out", str(out), "--workers", "1", "--quiet"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert read_jsonl(out / "violations.jsonl") and (out / "report.html").exists()


def test_options_before_the_log_also_reach_run(tmp_path: Path, sample: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["audit", "--pack", "cn", "--out", str(out), "--workers", "1", "--no-report", "--quiet", str(sample)],
    )
    assert result.exit_code == 0, result.output
    assert (out / "violations.jsonl").exists() and not (out / "report.html").exists()


def test_a_log_named_like_nothing_known_is_a_path(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["audit", str(tmp_path / "missing.csv"), "--pack", "cn", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--pack", "nope"], "unknown rule pack"),
        (["--pack", "cn", "--map", "broken"], "expected old=new"),
        (["--pack", "cn", "--engine", "spark"], "use local or dask"),
        (["--pack", "cn", "--format", "xml"], "use jsonl or parquet"),
    ],
)
def test_misuse_is_one_line_and_exit_2(tmp_path: Path, sample: Path, args: list[str], words: str) -> None:
    result = runner.invoke(app, ["audit", str(sample), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 2, result.output
    assert words in result.output


def test_missing_required_column_is_exit_2(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("account_id,timezone,party_role\nA1,Asia/Shanghai,borrower\n", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(log), "--pack", "cn", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "required column party_id, channel, outcome, started_at is absent" in " ".join(
        result.output.split()
    )


def test_sub_commands_are_not_taken_for_a_log() -> None:
    result = runner.invoke(app, ["audit", "--help"])
    assert result.exit_code == 0 and "sample" in result.output and "run" in result.output
    result = runner.invoke(app, ["audit", "sample", "--help"])
    assert result.exit_code == 0 and "--events" in result.output


def test_audit_chain_commands_join_the_group_when_installed() -> None:
    pytest.importorskip("collectguard.cli.auditlog")
    result = runner.invoke(app, ["audit", "verify", "--help"])
    assert result.exit_code == 0 and "--db" in result.output
