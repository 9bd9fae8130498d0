"""Each shipped threshold gives its advice exactly at its boundary, and not just below it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from wb_helpers import contact

from collectguard.wellbeing import ContactRecord, assess_collector, load_thresholds

EPS = 0.01  # minutes or hours just under a continuous boundary


def stretch(minutes: float) -> list[ContactRecord]:
    """One unbroken stretch of short calls 5 minutes apart that ends at ``minutes``."""
    starts = [m for m in range(0, int(minutes), 5) if m + 1 < minutes - 1]
    return [contact(m) for m in starts] + [contact(minutes - 1)]


def talk_per_hour(minutes: float) -> list[ContactRecord]:
    # one long call, then a zero-length record at minute 60: the shift lasts exactly an hour
    return [contact(0, minutes), contact(60, 0)]


def hostile_in_hour(n: float) -> list[ContactRecord]:
    return [contact(5 * i, hostile=True) for i in range(int(n))] + [contact(100)]


def hostile_spread(n: float) -> list[ContactRecord]:
    # two hours apart: never two within an hour, still one shift
    return [contact(120 * i, hostile=True) for i in range(int(n))]


def crisis(n: float) -> list[ContactRecord]:
    return [contact(0)] + [contact(20 * (i + 1), crisis=True) for i in range(int(n))]


def after_hours(minutes: float) -> list[ContactRecord]:
    return [contact(0), contact(30, minutes, after_hours=True)]


def shift_length(hours: float) -> list[ContactRecord]:
    steps = [contact(120 * i) for i in range(int(hours * 60) // 120 + 1) if 120 * i < hours * 60 - 1]
    return [*steps, contact(hours * 60, 0)]


def overtime_period(hours: float) -> list[ContactRecord]:
    # one after-hours contact a day (days are separate shifts), two hours each, the rest on the last day
    days, rest = divmod(hours * 60, 120)
    out = [contact(1440 * d, 120, after_hours=True) for d in range(int(days))]
    if rest:
        out.append(contact(1440 * int(days), rest, after_hours=True))
    return out


def hostile_share(pct: float) -> list[ContactRecord]:
    n = 100
    hostile = round(pct * n / 100)
    return [contact(1440 * (i // 20) + 6 * (i % 20), hostile=i < hostile) for i in range(n)]


BUILDERS: dict[str, tuple[Callable[[float], list[ContactRecord]], float]] = {
    # figure: (builder, the step "just below" the threshold)
    "current_stretch_minutes": (stretch, EPS),
    "longest_stretch_minutes": (stretch, EPS),
    "talk_minutes_per_hour": (talk_per_hour, EPS),
    "hostile_max_per_hour": (hostile_in_hour, 1),
    "hostile_contacts": (hostile_spread, 1),
    "crisis_contacts": (crisis, 1),
    "after_hours_minutes": (after_hours, EPS),
    "shift_hours": (shift_length, EPS),
    "after_hours_hours": (overtime_period, EPS),
    "hostile_share_pct": (hostile_share, 1),
}

SHIPPED = load_thresholds().thresholds


def test_every_shipped_figure_has_a_builder() -> None:
    assert {t.figure for t in SHIPPED} <= set(BUILDERS)


def _advice_ids(records: list[ContactRecord], thresholds) -> tuple[set[str], object]:
    # judged at the moment the last contact ends, so the last shift is still running
    now = max(c.ended_at for c in records)
    report = assess_collector("c1", records, thresholds=thresholds, now=now)
    ids = {a.threshold_id for s in report.shifts for a in s.advice} | {
        a.threshold_id for a in report.period_advice
    }
    return ids, report


def _figure(report, scope: str, name: str) -> float:
    if scope == "period":
        return report.period.figure(name)
    return max(s.figures.figure(name) for s in report.shifts)


@pytest.mark.parametrize("threshold", SHIPPED, ids=lambda t: t.id)
def test_advice_at_boundary(threshold, thresholds) -> None:
    build, _ = BUILDERS[threshold.figure]
    ids, report = _advice_ids(build(threshold.at_least), thresholds)
    assert _figure(report, threshold.scope, threshold.figure) == pytest.approx(threshold.at_least)
    assert threshold.id in ids


@pytest.mark.parametrize("threshold", SHIPPED, ids=lambda t: t.id)
def test_no_advice_just_below(threshold, thresholds) -> None:
    build, step = BUILDERS[threshold.figure]
    ids, report = _advice_ids(build(threshold.at_least - step), thresholds)
    assert _figure(report, threshold.scope, threshold.figure) < threshold.at_least
    assert threshold.id not in ids


def test_hostile_share_needs_enough_contacts(thresholds) -> None:
    share = next(t for t in SHIPPED if t.figure == "hostile_share_pct")
    records = hostile_share(40)[: share.min_contacts - 1]
    ids, report = _advice_ids(records, thresholds)
    assert report.period.hostile_share_pct >= share.at_least
    assert share.id not in ids


def test_advice_carries_reason_and_value(thresholds) -> None:
    report = assess_collector("c1", crisis(1), thresholds=thresholds)
    advice = next(a for a in report.current_advice if a.code == "supervisor_check_in")
    assert advice.level == "urgent"
    assert "WHO" in advice.citation
    assert advice.value == 1
    assert "1" in advice.message_zh and "1" in advice.message_en
    assert advice.to_dict()["threshold"] == "wb.crisis"
