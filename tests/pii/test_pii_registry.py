"""The registry: offsets into the original text, overlaps, type filters, data-file validation."""

from __future__ import annotations

from pathlib import Path

import pytest

import collectguard.pii as pii
from collectguard.errors import DataFileError, ValidationError
from collectguard.pii import Pattern, PatternRecognizer, PiiSpan, Registry, analyze, default_registry
from collectguard.pii.data import PatternFile, load_model
from collectguard.pii.recognizers import pattern_recognizers


def test_public_api() -> None:
    assert set(pii.__all__) >= {"analyze", "mask", "mask_value", "Keyring", "PiiSpan", "Registry"}


def test_span_contract_keys_come_first() -> None:
    span = PiiSpan("PHONE", 2, 13, 0.9, "why")
    assert list(span.to_dict())[:3] == ["type", "start", "end"]
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]


def test_full_width_offsets_index_the_original_text() -> None:
    text = "Ｔｅｌ：１３８１２３４５６７８，谢谢"
    [span] = analyze(text)
    assert text[span.start : span.end] == "１３８１２３４５６７８"


def test_overlap_prefers_the_longer_span() -> None:
    text = "13812345678@qq.com"
    assert [(s.type, s.start, s.end) for s in analyze(text)] == [("EMAIL", 0, len(text))]


def test_types_filter_and_unknown_type() -> None:
    text = "电话13812345678，邮箱a@b.cn"
    assert [s.type for s in analyze(text, types=["EMAIL"])] == ["EMAIL"]
    with pytest.raises(ValidationError, match="unknown PII type"):
        analyze(text, types=["SSN_XX"])


def test_every_span_carries_an_explanation() -> None:
    text = "借款人王芳，身份证号11010519491231002X，卡号6222021234567890128，住址北京市朝阳区建国路88号"
    spans = analyze(text)
    assert {s.type for s in spans} == {"PERSON", "CN_ID", "BANK_CARD", "ADDRESS"}
    assert all(s.explanation and 0 < s.score <= 1 for s in spans)


def test_a_custom_recognizer_registers_in_one_place() -> None:
    registry = Registry(default_registry().recognizers)
    registry.register(
        PatternRecognizer(
            name="employee_id",
            type="EMPLOYEE_ID",
            patterns=[Pattern.compile("emp", r"(?P<pii>EMP\d{6})", 0.9)],
        )
    )
    assert [s.type for s in registry.analyze("工号EMP123456")] == ["EMPLOYEE_ID"]
    with pytest.raises(ValidationError, match="already registered"):
        registry.register(PatternRecognizer(name="employee_id", type="X", patterns=[]))


BROKEN = [
    (
        "recognizers:\n  - name: x\n    type: lower\n    patterns: [{name: p, regex: 'a', score: 0.5}]\n",
        "type",
    ),
    ("recognizers:\n  - name: x\n    type: X\n    patterns: [{name: p, regex: 'a', score: 7}]\n", "score"),
    ("recognizers:\n  - name: x\n    type: X\n    patterns: []\n", "patterns"),
    ("recognizers: [\n", "not valid YAML"),
]


@pytest.mark.parametrize(("body", "field"), BROKEN)
def test_broken_pattern_files_name_file_entry_and_field(tmp_path: Path, body: str, field: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"broken\.yaml.*{field}"):
        load_model(PatternFile, path)


def test_invalid_regex_in_data_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="invalid regex"):
        Pattern.compile("bad", "(unclosed", 0.5)


def test_every_shipped_recognizer_loads() -> None:
    assert default_registry().types >= set(pii.PII_TYPES) | {"LICENSE_PLATE", "WECHAT_ID", "QQ"}


def test_a_no_code_recognizer_from_a_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "recognizers:\n"
        "  - name: passport\n"
        "    type: CN_PASSPORT\n"
        "    patterns: [{name: e, regex: '(?<![A-Z0-9])(?P<pii>E[0-9]{8})(?![0-9])', score: 0.5}]\n"
        "    context: [护照]\n"
        "    requires: [E]\n",
        encoding="utf-8",
    )
    registry = Registry(pattern_recognizers(path))
    [span] = registry.analyze("护照号E12345678已登记")
    assert (span.type, span.start, span.end, span.score) == ("CN_PASSPORT", 3, 12, 0.65)
    assert "context '护照'" in span.explanation
    assert registry.analyze("订单E1234567") == []
