"""Outputs, what-if, text findings, the sample log, and the two engines agreeing on it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from audit_logs import read_jsonl, write_log

from collectguard.audit import AuditOptions, EngineOptions, audit_log
from collectguard.audit.sample import SampleOptions, templates, write_sample

OVERLAY = Path(__file__).parents[2] / "examples" / "overlays" / "cn-end-21h.yaml"
ROW = {
    "account_id": "A1",
    "timezone": "Asia/Shanghai",
    "party_role": "borrower",
    "party_id": "A1-B",
    "channel": "sms",
    "outcome": "delivered",
    "agency_id": "AG1",
    "collector_id": "C1",
}


def test_what_if_overlay_reports_newly_denied_contacts(tmp_path: Path, audit) -> None:
    rows = [
        {**ROW, "started_at": "2026-03-02T21:30:00+08:00"},  # allowed under cn, not after 21:00
        {**ROW, "started_at": "2026-03-03T20:30:00+08:00"},  # allowed under both
        {**ROW, "started_at": "2026-03-04T22:30:00+08:00"},  # denied under both
    ]
    result, _ = audit(write_log(tmp_path / "log.csv", rows), compare=(str(OVERLAY),))
    changes = read_jsonl(tmp_path / "out" / "whatif.jsonl")
    assert [(c["row"], c["change"], c["added"], c["removed"]) for c in changes] == [
        (0, "newly_denied", ["cn.hours"], [])
    ]
    assert result.summary.changes_by_rule == [("cn.hours", 1, 0)]
    assert result.summary.changes_by_agency == [("AG1", 1, 0)]


def test_text_findings_carry_category(tmp_path: Path, audit) -> None:
    rows = [
        {**ROW, "started_at": "2026-03-02T10:00:00+08:00", "text": "您好，请按时还款。"},
        {**ROW, "started_at": "2026-03-03T10:00:00+08:00", "text": "你这个老赖，再不还就坐牢"},
    ]
    result, violations = audit(write_log(tmp_path / "log.jsonl", rows), screener="audit_logs:FakeScreener")
    assert [(v["row"], v["category"], v["start"], v["end"]) for v in violations] == [
        (1, "false_legal_consequence", 10, 12),
        (1, "insult", 3, 5),
    ]
    assert result.screened == 2 and result.screening_available


def test_without_a_screener_contacts_are_still_decided(tmp_path: Path, audit) -> None:
    rows = [{**ROW, "started_at": "2026-03-02T23:00:00+08:00", "text": "老赖"}]
    result, violations = audit(write_log(tmp_path / "log.csv", rows), screener="no_such_module:Screener")
    assert [v["rule"] for v in violations] == ["cn.hours"] and not result.screening_available


def test_parquet_output_and_offline_report(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.csv", [{**ROW, "started_at": "2026-03-02T23:00:00+08:00"}])
    out = tmp_path / "out"
    audit_log(log, out, AuditOptions(packs=("cn",), parquet=True, engine=EngineOptions(workers=1)))
    assert pl.read_parquet(out / "violations.parquet").get_column("rule").to_list() == ["cn.hours"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "cn.hours" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
    assert "<script" not in html


def test_sample_log_is_deterministic_and_realistic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    write_sample(a, SampleOptions(events=3000, seed=3))
    write_sample(b, SampleOptions(events=3000, seed=3))
    assert a.read_bytes() == b.read_bytes()
    frame = pl.read_csv(a, infer_schema=False)
    assert frame.height == 3000
    zones = set(frame.get_column("timezone").to_list())
    assert "Asia/Shanghai" in zones and any(";" in z for z in zones) and any("America/" in z for z in zones)
    assert frame.get_column("agency_id").n_unique() >= 4
    # DST: New York borrowers appear with both -05:00 and -04:00 offsets over the quarter
    ny = frame.filter(pl.col("timezone") == "America/New_York").get_column("started_at").to_list()
    assert {s[-6:] for s in ny} == {"-05:00", "-04:00"}
    texts = [t for t in frame.get_column("text").to_list() if t]
    bad = {v.text.split("{")[0][:6] for v in templates().violating}
    share = sum(any(t.removeprefix("催收员：").startswith(p) for p in bad if p) for t in texts) / len(texts)
    assert 0 < share < 0.1


@pytest.mark.dask
def test_dask_and_local_engines_agree_on_a_sample_log(tmp_path: Path) -> None:
    log = tmp_path / "sample.parquet"
    write_sample(log, SampleOptions(events=6000, seed=11, days=20))
    outputs = []
    for name, engine in [
        ("local", EngineOptions(workers=2)),
        ("dask", EngineOptions(name="dask", local_workers=2, processes=False)),
    ]:
        out = tmp_path / name
        result = audit_log(
            log,
            out,
            AuditOptions(
                packs=("cn",),
                compare=(str(OVERLAY),),
                engine=engine,
                screener="audit_logs:FakeScreener",
                report=False,
            ),
        )
        assert result.partitions >= 2
        outputs.append(((out / "violations.jsonl").read_bytes(), (out / "whatif.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") > 100
