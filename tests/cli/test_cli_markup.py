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


def test_brackets_in_a_reply_are_shown_as_written() -> None:
    out = _run("signals", "[/x] 我真的撑不下去了 [bold]")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
