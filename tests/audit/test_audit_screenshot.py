"""The report renders in headless Chromium (the README screenshot is made the same way)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from audit_logs import write_log

from collectguard.audit import AuditOptions, EngineOptions, audit_log

SCRIPT = Path(__file__).parents[2] / "scripts" / "screenshot_report.py"


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_report_screenshot(tmp_path: Path) -> None:
    row = {
        "account_id": "A1",
        "timezone": "Asia/Shanghai",
        "party_role": "borrower",
        "party_id": "A1-B",
        "channel": "call",
        "outcome": "no_answer",
        "started_at": "2026-03-02T23:00:00+08:00",
        "agency_id": "AG1",
    }
    log = write_log(tmp_path / "log.csv", [row])
    audit_log(log, tmp_path / "out", AuditOptions(packs=("cn",), engine=EngineOptions(workers=1)))
    spec = importlib.util.spec_from_file_location("screenshot_report", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    png = tmp_path / "shot.png"
    module.screenshot(tmp_path / "out" / "report.html", png, width=900)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
