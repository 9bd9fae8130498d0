"""Malformed logs: every bad record is reported with file, row and column; good rows are audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from audit_logs import read_jsonl, write_log

from collectguard.errors import ValidationError

GOOD = {
    "account_id": "A1",
    "timezone": "Asia/Shanghai",
    "party_role": "borrower",
    "party_id": "A1-B",
    "channel": "call",
    "outcome": "no_answer",
    "started_at": "2026-03-02T23:00:00+08:00",  # after hours: one violation per good row
}
HEADER = ",".join(GOOD)


def _csv_line(**change: str) -> str:
    return ",".join({**GOOD, **change}.values())


# (name, the bad value per column, the column the reject must name, words of the message)
BAD_FIELDS = [
    ("malformed timestamp", {"started_at": "2026-13-45T99:00:00+08:00"}, "started_at", "not an ISO-8601"),
    ("naive timestamp", {"started_at": "2026-03-02T23:00:00"}, "started_at", "no UTC offset"),
    ("empty timestamp", {"started_at": ""}, "started_at", "empty"),
    ("unknown zone", {"timezone": "Asia/Beijing"}, "timezone", "not recognised"),
    ("unknown channel", {"channel": "fax"}, "channel", "not one of"),
    ("unknown role", {"party_role": "neighbour"}, "party_role", "not one of"),
    ("unknown outcome", {"outcome": "maybe"}, "outcome", "not one of"),
    ("unknown state", {"states": "angry"}, "states", "not recognised"),
    ("empty account", {"account_id": ""}, "account_id", "empty"),
    ("opt-out without channel", {"opted_out": "A1-B"}, "opted_out", "party_id:channel"),
    ("opt-out of an unknown channel", {"opted_out": "A1-B:pager"}, "opted_out", "party_id:channel"),
    ("consent window not a clock range", {"consent_windows": "evenings"}, "consent_windows", "HH:MM-HH:MM"),
    ("consent window past midnight", {"consent_windows": "09:00-24:30"}, "consent_windows", "HH:MM-HH:MM"),
    ("quiet hours reversed", {"quiet_hours": "A1-B:18:00-09:00"}, "quiet_hours", "start before its end"),
    ("quiet hours without a party", {"quiet_hours": "18:00-24:00"}, "quiet_hours", "party_id:HH:MM-HH:MM"),
]


@pytest.mark.parametrize(("name", "change", "column", "words"), BAD_FIELDS, ids=[b[0] for b in BAD_FIELDS])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_bad_field_is_rejected_with_row_and_column(
    tmp_path: Path, audit, suffix, name, change, column, words
):
    rows = [GOOD, {**GOOD, **change}, {**GOOD, "account_id": "A2"}]
    result, violations = audit(write_log(tmp_path / f"log{suffix}", rows))
    rejects = read_jsonl(tmp_path / "out" / "rejects.jsonl")
    assert [(r["row"], r["column"]) for r in rejects] == [(1, column)]
    assert words in rejects[0]["error"] and rejects[0]["file"] == f"log{suffix}"
    assert result.audited == 2 and result.rejects.records == 1
    assert sorted(v["row"] for v in violations) == [0, 2]


def test_wrong_encoding_in_csv_costs_only_that_row(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.csv"
    bad = _csv_line(account_id="A2").replace("A2", "A\xe92").encode("latin-1")  # é in Latin-1
    log.write_bytes(
        b"\n".join([HEADER.encode(), _csv_line().encode(), bad, _csv_line(account_id="A3").encode()])
    )
    _result, violations = audit(log)
    rejects = read_jsonl(tmp_path / "out" / "rejects.jsonl")
    assert [(r["row"], r["column"]) for r in rejects] == [(1, "account_id")]
    assert "UTF-8" in rejects[0]["error"]
    assert sorted(v["row"] for v in violations) == [0, 2]


def test_wrong_encoding_and_truncation_in_jsonl(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.jsonl"
    lines = [json.dumps(GOOD).encode(), json.dumps({**GOOD, "account_id": "Aé"}, ensure_ascii=False).encode()]
    lines[1] = lines[1].replace("é".encode(), b"\xe9")
    lines += [json.dumps({**GOOD, "account_id": "A3"}).encode(), json.dumps(GOOD).encode()[:40]]
    log.write_bytes(b"\n".join(lines))
    result, violations = audit(log)
    rejects = read_jsonl(tmp_path / "out" / "rejects.jsonl")
    assert [(r["row"], r["column"]) for r in rejects] == [(1, None), (3, None)]
    assert "UTF-8" in rejects[0]["error"] and "invalid JSON" in rejects[1]["error"]
    assert sorted(v["row"] for v in violations) == [0, 2] and result.audited == 2


def test_truncated_csv_reports_the_last_row(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.csv"
    log.write_text("\n".join([HEADER, _csv_line(), _csv_line()[:25]]), encoding="utf-8")
    _result, violations = audit(log)
    rejects = read_jsonl(tmp_path / "out" / "rejects.jsonl")
    assert {r["row"] for r in rejects} == {1}
    assert {r["column"] for r in rejects} >= {"started_at", "outcome"}
    assert [v["row"] for v in violations] == [0]


def test_missing_required_column_stops_with_one_clear_error(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.csv"
    log.write_text("account_id,timezone\nA1,Asia/Shanghai\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="required column party_role, party_id, channel"):
        audit(log)


def test_truncated_parquet_is_one_clear_error(tmp_path: Path, audit) -> None:
    log = write_log(tmp_path / "log.parquet", [GOOD] * 3)
    log.write_bytes(log.read_bytes()[:-30])
    with pytest.raises(ValidationError, match="Parquet"):
        audit(log)


def test_column_mapping_renames_before_validation(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.csv"
    renamed = HEADER.replace("account_id", "acct").replace("started_at", "call_time")
    log.write_text("\n".join([renamed, _csv_line()]), encoding="utf-8")
    _result, violations = audit(log, mapping=(("acct", "account_id"), ("call_time", "started_at")))
    assert [v["rule"] for v in violations] == ["cn.hours"] and violations[0]["account_id"] == "A1"


def test_empty_party_id_defaults_to_the_role(tmp_path: Path, audit) -> None:
    rows = [
        {**GOOD, "party_id": "", "started_at": "2026-03-02T09:00:00+08:00"},
        {**GOOD, "party_id": "", "started_at": "2026-03-02T09:01:00+08:00"},
    ]
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    assert [(v["row"], v["rule"], v["party_id"]) for v in violations] == [(1, "cn.burst", "borrower")]


def test_unknown_format_is_refused(tmp_path: Path, audit) -> None:
    log = tmp_path / "log.xlsx"
    log.write_bytes(b"PK")
    with pytest.raises(ValidationError, match="unknown log format"):
        audit(log)


def test_a_log_with_no_good_row_still_reports(tmp_path: Path, audit) -> None:
    rows = [{**GOOD, "started_at": "yesterday"}, {**GOOD, "channel": "pigeon"}]
    result, violations = audit(write_log(tmp_path / "log.csv", rows), report=True)
    assert violations == [] and result.audited == 0 and result.rejects.records == 2
    assert "拒收记录" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_account_facts_columns_change_the_decision(tmp_path: Path, audit) -> None:
    """Consent to 22:00–23:00 allows a 22:30 call; an opt-out of calls, a suppressed party and hours the
    borrower asked to avoid deny."""
    rows = [
        {**GOOD, "started_at": "2026-03-02T22:30:00+08:00", "consent_windows": "22:00-23:00"},
        {**GOOD, "started_at": "2026-03-03T12:00:00+08:00", "opted_out": "A1-B:call"},
        {
            **GOOD,
            "party_id": "EC1",
            "party_role": "emergency_contact",
            "started_at": "2026-03-04T12:00:00+08:00",
            "outcome": "invalid_number",
            "suppressed_parties": "EC1",
        },
        {**GOOD, "started_at": "2026-03-05T09:30:00+08:00", "quiet_hours": "A1-B:09:00-12:00"},
        {**GOOD, "started_at": "2026-03-06T12:30:00+08:00", "quiet_hours": "A1-B:09:00-12:00"},
    ]
    _, violations = audit(write_log(tmp_path / "log.csv", rows))
    got = {(v["row"], v["rule"]) for v in violations}
    assert (0, "cn.hours") not in got
    assert (1, "cn.medium_optout") in got
    assert (2, "cn.third_party.suppressed") in got
    assert (3, "cn.quiet_hours") in got
    assert not any(row == 4 for row, _ in got)
