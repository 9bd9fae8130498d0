"""Screening cases per category, as data: must-match rows (evasions included) and lawful must-not rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from collectguard.text.screen import Screener

CASES = yaml.safe_load((Path(__file__).parent / "data" / "screen_cases.yaml").read_text(encoding="utf-8"))


def _rows(kind: str) -> list[Any]:
    return [
        pytest.param(category, row, id=f"{category}-{kind}-{i}")
        for category, table in CASES.items()
        for i, row in enumerate(table[kind])
    ]


@pytest.fixture(scope="module")
def screeners() -> dict[str, Screener]:
    """A row is screened under the ``cn`` pack unless it names another (``pack: us-regf``)."""
    return {pack: Screener.load((pack,), mode="rules") for pack in ("cn", "us-regf")}


@pytest.mark.parametrize(("category", "row"), _rows("match"))
def test_must_match(screeners: dict[str, Screener], category: str, row: dict[str, Any]) -> None:
    result = screeners[row.get("pack", "cn")].screen(row["text"], to=row.get("to", "borrower"))
    found = {f.category for f in result.findings}
    for expected in row.get("expect", [category]):
        assert expected in found, (row["text"], sorted(found))
    assert result.verdict != "pass"
    for f in result.findings:
        assert f.evidence == row["text"][f.start : f.end]
    if "span" in row:
        assert any(
            row["text"][f.start : f.end] == row["span"] for f in result.findings if f.category == category
        )


@pytest.mark.parametrize(("category", "row"), _rows("no_match"))
def test_must_not_match(screeners: dict[str, Screener], category: str, row: dict[str, Any]) -> None:
    result = screeners[row.get("pack", "cn")].screen(row["text"], to=row.get("to", "borrower"))
    assert result.verdict == "pass", (row["text"], [(f.category, f.evidence) for f in result.findings])
