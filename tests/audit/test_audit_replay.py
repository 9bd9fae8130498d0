"""The audit decides every row with the live engine and keeps violating rows in history."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_logs import write_log

BORROWER = {"account_id": "A1", "timezone": "Asia/Shanghai", "party_role": "borrower", "party_id": "A1-B"}


def call(at: str, outcome: str = "no_answer", **extra: str) -> dict[str, str]:
    return {**BORROWER, "channel": "call", "outcome": outcome, "started_at": at, **extra}


# (name, rows, expected {row: [rules]}) — every row happened, violating or not
CASES = [
    (
        "inside hours, spaced calls: nothing",
        [call("2026-03-02T09:00:00+08:00"), call("2026-03-02T10:00:00+08:00")],
        {},
    ),
    (
        "before 08:00 and after 22:00 in the borrower's zone",
        [
            call("2026-03-02T07:59:59+08:00"),
            call("2026-03-02T22:00:00+08:00"),
            call("2026-03-02T12:00:00+08:00"),
        ],
        {0: ["cn.hours"], 1: ["cn.hours"]},
    ),
    (
        "a redial within 5 minutes is call-bombing; the denied redial itself counts for the next",
        [
            call("2026-03-02T09:00:00+08:00"),
            call("2026-03-02T09:03:00+08:00"),
            call("2026-03-02T09:07:00+08:00"),
            call("2026-03-02T09:13:00+08:00"),
        ],
        {1: ["cn.burst"], 2: ["cn.burst"]},
    ),
    (
        "a fourth connected call in a day breaks the cap, and so does a fifth (the fourth happened)",
        [call(f"2026-03-02T{h}:00:00+08:00", "connected") for h in (9, 10, 11, 12, 13)],
        {3: ["cn.connected_daily_cap"], 4: ["cn.connected_daily_cap"]},
    ),
    (
        "a disputed account may not be contacted while the state lasts",
        [
            call("2026-03-02T09:00:00+08:00", states="disputed"),
            call("2026-03-03T09:00:00+08:00", states=""),
        ],
        {0: ["cn.hold.dispute"]},
    ),
    (
        "an unrelated third party is never contacted",
        [
            {
                **BORROWER,
                "party_role": "third_party",
                "party_id": "T1",
                "channel": "call",
                "outcome": "connected",
                "started_at": "2026-03-02T10:00:00+08:00",
            }
        ],
        {0: ["cn.third_party.unrelated"]},
    ),
    (
        "US borrower: 21:30 in Shanghai is 08:30 in New York (allowed), 20:30 is 07:30 (denied)",
        [
            {**call("2026-03-02T21:30:00+08:00"), "timezone": "America/New_York"},
            {**call("2026-03-03T20:30:00+08:00"), "timezone": "America/New_York"},
        ],
        {1: ["cn.hours"]},
    ),
    (
        "two candidate zones: allowed only when allowed in both",
        [
            {**call("2026-03-02T10:00:00+08:00"), "timezone": "Asia/Shanghai;America/Los_Angeles"},
            {**call("2026-03-02T15:00:00+08:00"), "timezone": "Asia/Shanghai;America/Los_Angeles"},
        ],
        {1: ["cn.hours"]},
    ),
]


@pytest.mark.parametrize(("name", "rows", "expected"), CASES, ids=[c[0] for c in CASES])
def test_violations_per_row(tmp_path: Path, audit, name, rows, expected) -> None:
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    got: dict[int, list[str]] = {}
    for v in violations:
        got.setdefault(v["row"], []).append(v["rule"])
    assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in expected.items()}


def test_rows_are_sorted_per_account_before_replay(tmp_path: Path, audit) -> None:
    """Log order is not time order: the 09:02 redial is row 0 but the 09:00 call came first."""
    rows = [call("2026-03-02T09:02:00+08:00"), {**call("2026-03-02T09:00:00+08:00"), "account_id": "A1"}]
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    assert [(v["row"], v["rule"]) for v in violations] == [(0, "cn.burst")]
    assert violations[0]["evidence"] == ["2026-03-02T09:00:00+08:00"]


def test_accounts_never_share_history(tmp_path: Path, audit) -> None:
    rows = [call("2026-03-02T09:00:00+08:00"), {**call("2026-03-02T09:01:00+08:00"), "account_id": "A2"}]
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    assert violations == []


def test_violation_record_carries_rule_citation_contact_and_history(tmp_path: Path, audit) -> None:
    rows = [
        call("2026-03-02T09:00:00+08:00", collector_id="C7", agency_id="AG1"),
        call("2026-03-02T02:01:00+01:00", collector_id="C7", agency_id="AG1"),
    ]
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    (v,) = violations
    assert v["row"] == 1 and v["rule"] == "cn.burst" and v["pack"] == "cn"
    assert v["citation"] and v["kind"] == "frequency_cap"
    assert v["started_at"] == "2026-03-02T02:01:00+01:00"
    assert v["local_time"] == "2026-03-02T09:01:00+08:00"
    assert v["collector_id"] == "C7" and v["agency_id"] == "AG1" and v["day"] == "2026-03-02"
    assert "category" not in v
