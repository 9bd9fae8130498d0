"""Helpers for the batch-audit tests: write a log in any format, read JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import polars as pl

from collectguard.audit.schema import COLUMNS

Row = dict[str, Any]


def write_log(path: Path, rows: list[Row]) -> Path:
    """Rows as CSV, JSON Lines or Parquet by suffix, all contract columns present."""
    frame = pl.DataFrame(
        [{c: row.get(c) for c in COLUMNS} for row in rows], schema=dict.fromkeys(COLUMNS, pl.String)
    )
    if path.suffix == ".csv":
        frame.write_csv(path)
    elif path.suffix == ".parquet":
        frame.write_parquet(path)
    else:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class _FakeFinding:
    def __init__(self, category: str, start: int, end: int) -> None:
        self.category, self.start, self.end = category, start, end
        self.severity, self.rule, self.citation = "warn", f"test.{category}", "test citation"


class _FakeResult:
    def __init__(self, findings: list[_FakeFinding]) -> None:
        self.findings = tuple(findings)


class FakeScreener:
    """The screener seam with a fixed word list: one word, one category."""

    WORDS: ClassVar[dict[str, str]] = {"老赖": "insult", "坐牢": "false_legal_consequence"}

    @classmethod
    def load(cls, packs: Any) -> FakeScreener:
        return cls()

    def screen(self, text: str, *, to: Any = None) -> _FakeResult:
        found = []
        for word, category in self.WORDS.items():
            at = text.find(word)
            if at >= 0:
                found.append(_FakeFinding(category, at, at + len(word)))
        return _FakeResult(found)
