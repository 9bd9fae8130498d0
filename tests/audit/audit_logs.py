"""Helpers for the batch-audit tests: write a log in any format, read JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
