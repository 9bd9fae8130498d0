"""What a user or a data file writes is printed as text, never read as Rich markup.

A bracket in an argument ("[/x]") used to end in a MarkupError traceback, and a rewrite's
"[number]" placeholder was swallowed as a style tag.
"""

from __future__ import annotations

import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "collectguard", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_bracket_in_a_bad_argument_is_a_one_line_error() -> None:
    out = _run("screen", "x", "--to", "[/oops]")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "[/oops]" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_the_rewrite_keeps_its_placeholder() -> None:
    out = _run(
        "screen", "Could you ask Mike to call us back, it's about his loan", "--to", "emergency_contact"
    )
    assert out.returncode == 0
    assert "[number]" in out.stdout


def test_brackets_in_a_reply_do_not_break_the_tables() -> None:
    out = _run("signals", "我真的[/x]不想活了[bold]")
    assert out.returncode == 0 and "Traceback" not in out.stderr


def test_a_party_id_with_brackets_is_shown_in_the_decision_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenario = tmp_path / "scenario.json"
    scenario.write_text(
        '{"rulepack": "cn", "account": {"timezone": "Asia/Shanghai"}, "attempts": [{"at": '
        '"2026-03-02T23:00:00+08:00", "party": "borrower", "party_id": "[/p1]", "channel": "call"}]}',
        encoding="utf-8",
    )
    out = _run("contact", "simulate", "--table", str(scenario))
    assert out.returncode == 0, out.stderr
    assert "[/p1]" in out.stdout


def test_an_overlay_citation_with_brackets_is_listed_as_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    overlay = tmp_path / "acme.yaml"
    overlay.write_text(
        'overlay: acme\nbase: cn\nversion: "1"\nadd:\n  - id: acme.note\n    kind: channel_opt_out\n'
        '    citation: "Acme policy [/internal]"\n    confidence: policy\n    message_zh: 测试\n    message_en: test\n',
        encoding="utf-8",
    )
    out = _run("rules", "list", "--pack", str(overlay))
    assert out.returncode == 0, out.stderr
    flat = "".join(out.stdout.replace("│", "").split())  # a table cell may wrap the citation
    assert "[/internal]" in flat
