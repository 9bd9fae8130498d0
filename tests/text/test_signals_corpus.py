"""The labelled reply corpus: size, provenance fields, split by family, and the crisis floor."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from collectguard.text.signals import SIGNAL_TYPES, detect

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "replies"


def _rows():
    lines = (CORPUS / "replies.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


ROWS = _rows()


def test_corpus_size_and_fields():
    langs = Counter(r["lang"] for r in ROWS)
    assert langs["zh"] >= 300 and langs["en"] >= 100
    for row in ROWS:
        assert set(row) == {"id", "lang", "text", "labels", "family", "split"}
        assert set(row["labels"]) <= {*SIGNAL_TYPES, "neutral"}
    assert len({r["id"] for r in ROWS}) == len(ROWS)


def test_every_family_sits_in_one_split_and_held_out_parts_cover_every_signal():
    splits: dict[str, set[str]] = {}
    for row in ROWS:
        splits.setdefault(row["family"], set()).add(row["split"])
    assert all(len(s) == 1 for s in splits.values())
    for part in ("test", "unseen", "fresh", "final", "last"):
        labels = {label for r in ROWS if r["split"] == part for label in r["labels"]}
        assert {*SIGNAL_TYPES, "neutral"} <= labels


def test_committed_corpus_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("replies_build", CORPUS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == ROWS


def test_readme_states_provenance_and_split():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for word in ("provenance", "split", "unseen", "test"):
        assert word in readme.lower()


#: parts no test may push the lexicon towards; their figures come from bench/signals_eval.py
HELD_OUT = {"final", "last"}
CRISIS = [r for r in ROWS if "distress_self_harm" in r["labels"] and r["split"] not in HELD_OUT]


@pytest.mark.parametrize("row", CRISIS, ids=lambda r: r["id"])
def test_every_crisis_reply_outside_the_held_out_parts_is_caught(row):
    # A regression floor: a missed crisis cue is the worst error.
    assert "distress_self_harm" in {s.type for s in detect(row["text"])}


def test_handwritten_held_out_part_is_separate_and_complete():
    lines = (CORPUS / "handwritten.jsonl").read_text(encoding="utf-8").splitlines()
    held = [json.loads(line) for line in lines if line]
    langs = Counter(r["lang"] for r in held)
    assert langs["zh"] >= 80 and langs["en"] >= 40
    for row in held:
        assert set(row) == {"id", "lang", "text", "labels", "family", "split"}
        assert row["split"] == "handwritten"
        assert set(row["labels"]) <= {*SIGNAL_TYPES, "neutral"}
    assert {label for r in held for label in r["labels"]} == {*SIGNAL_TYPES, "neutral"}
    assert not {r["family"] for r in held} & {r["family"] for r in ROWS}
    assert not {r["text"] for r in held} & {r["text"] for r in ROWS}
