"""Properties of full screening (rules and the shipped model) on text spliced from real messages.

Random characters rarely reach the model's threshold; pieces of development messages joined at
random punctuation do (about one example in nine gets a model finding).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.text.screen import Screener

_PART = Path(__file__).resolve().parents[2] / "corpora" / "screening" / "written.jsonl"
_PIECES = sorted(
    {
        piece
        for line in _PART.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for text in [json.loads(line)["text"]]
        for piece in (text[: len(text) // 2], text[len(text) // 2 :])
        if piece.strip()
    }
)
_JOINS = ["", "。", "，", " ", "\n", "！", "……", "。明天"]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.load(("cn",))


@settings(deadline=None, max_examples=300)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4),
    joins=st.lists(st.sampled_from(_JOINS), min_size=3, max_size=3),
    to=st.sampled_from(["borrower", "emergency_contact", "third_party", "guarantor", "staff"]),
)
def test_every_finding_points_at_its_own_words(
    screener: Screener, pieces: list[str], joins: list[str], to: str
) -> None:
    text = "".join(p + joins[i % len(joins)] for i, p in enumerate(pieces))
    result = screener.screen(text, to=to)
    assert result.verdict in {"pass", "warn", "block"}
    assert (result.verdict == "pass") == (not result.findings)
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.evidence == text[f.start : f.end]
        assert f.rule and f.citation and f.explanation_zh and f.explanation_en
        if f.source == "model":
            assert f.severity == "warn"
