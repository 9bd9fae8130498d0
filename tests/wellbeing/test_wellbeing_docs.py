"""docs/wellbeing.md documents every shipped threshold and risk factor with the shipped numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectguard.risk import load_risk_settings
from collectguard.wellbeing import load_thresholds

DOC = (Path(__file__).parents[2] / "docs" / "wellbeing.md").read_text(encoding="utf-8")


def _row(key: str) -> list[str]:
    line = next((ln for ln in DOC.splitlines() if ln.startswith(f"| `{key}` |")), None)
    assert line is not None, f"docs/wellbeing.md has no table row for {key}"
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.parametrize("threshold", load_thresholds().thresholds, ids=lambda t: t.id)
def test_threshold_documented(threshold) -> None:
    cells = _row(threshold.id)
    assert cells[1].split()[0] == threshold.figure
    assert float(cells[2]) == threshold.at_least
    assert cells[3].split()[0] == threshold.advice


@pytest.mark.parametrize("factor", load_risk_settings().factors, ids=lambda f: f.id)
def test_risk_factor_documented(factor) -> None:
    cells = _row(factor.id)
    low, high = (float(x.replace(",", "")) for x in cells[2].split("→"))
    assert (low, high) == (factor.ramp.low, factor.ramp.high)
    assert float(cells[3]) == factor.weight
