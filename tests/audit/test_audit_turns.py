"""Transcripts: only the collector's turns are screened, with offsets into the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_logs import write_log

from collectguard.audit.turns import collector_turns

# (text, the collector turns it yields)
CASES = [
    ("请按时还款。", ["请按时还款。"]),
    ("催收员：您好\n借款人：你这个老赖才是骗子\n催收员：请按时还款", ["您好", "请按时还款"]),
    ("collector: hello\ncustomer: no\nAgent: bye", ["hello", "bye"]),
    ("借款人：不是我借的", []),
    ("坐席: \n客户: 嗯", []),
]


@pytest.mark.parametrize(("text", "turns"), CASES)
def test_collector_turns(text: str, turns: list[str]) -> None:
    got = collector_turns(text)
    assert [t for _, t in got] == turns
    assert all(text[o : o + len(t)] == t for o, t in got)


def test_borrower_words_in_a_transcript_are_not_findings(tmp_path: Path, audit) -> None:
    transcript = "催收员：您好\n借款人：你才是老赖\n催收员：再不还就坐牢"
    row = {
        "account_id": "A1",
        "timezone": "Asia/Shanghai",
        "party_role": "borrower",
        "party_id": "A1-B",
        "channel": "call",
        "outcome": "connected",
        "started_at": "2026-03-02T10:00:00+08:00",
        "text": transcript,
    }
    _, violations = audit(write_log(tmp_path / "log.jsonl", [row]), screener="audit_logs:FakeScreener")
    assert [(v["category"], transcript[v["start"] : v["end"]]) for v in violations] == [
        ("false_legal_consequence", "坐牢")
    ]
