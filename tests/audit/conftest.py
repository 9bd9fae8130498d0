"""Fixtures for the batch-audit tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from audit_logs import read_jsonl

from collectguard.audit import AuditOptions, EngineOptions, audit_log


@pytest.fixture
def audit(tmp_path: Path) -> Callable[..., tuple[Any, list[dict[str, Any]]]]:
    """Audit a log file in-process; returns the result and the violations."""

    def run(log: Path, packs: tuple[str, ...] = ("cn",), **kw: Any) -> tuple[Any, list[dict[str, Any]]]:
        engine = kw.pop("engine", EngineOptions(workers=1))
        out = kw.pop("out", tmp_path / "out")
        result = audit_log(
            log, out, AuditOptions(packs=packs, engine=engine, report=kw.pop("report", False), **kw)
        )
        return result, read_jsonl(out / "violations.jsonl")

    return run
