"""The README's quick start is exactly two commands, and both exist and are executable."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the quick start has a bash block"
    return [
        line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.split("#", 1)[0].strip()
    ]


def test_quick_start_is_two_commands_that_exist():
    commands = _quick_start()
    assert len(commands) == 2, commands
    for command in commands:
        script = ROOT / command.split()[0]
        assert script.exists(), command
        assert os.access(script, os.X_OK), command


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start()[1].lstrip("./") in ci


def test_rulepack_reference_is_current():
    """docs/rulepacks.md documents every shipped pack and rule: regenerate it when a pack changes."""
    from collectguard.cli.rules import markdown
    from collectguard.policy import load_pack, shipped_pack_names

    docs = (ROOT / "docs" / "rulepacks.md").read_text(encoding="utf-8")
    assert docs == markdown([load_pack(n) for n in shipped_pack_names()]), (
        "docs/rulepacks.md is stale: run `collectguard rules list --markdown > docs/rulepacks.md`"
    )
