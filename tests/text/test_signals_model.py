"""The n-gram crisis model: loads, is validated, only adds low-confidence crisis signals."""

from __future__ import annotations

import json

import pytest

from collectguard.errors import DataFileError
from collectguard.text.normalize import normalize
from collectguard.text.signal_model import CONFIDENCE, load_model, model_crisis, shipped_model


def _write(tmp_path, **fields):
    data = {"version": "1", "trained_on": "test", "threshold": 1.0, "bias": 0.0, "weights": {"ab": 2.0}}
    data.update(fields)
    path = tmp_path / "crisis_ngram.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_shipped_model_loads():
    model = shipped_model()
    assert model is not None and model.threshold > 0


def test_score_passes_threshold_only_when_weights_add_up(tmp_path):
    model = load_model(_write(tmp_path, weights={"绝路": 0.8, "没有": 0.5}))
    hit = model_crisis(normalize("我没有办法了。真的是绝路"), model)
    assert hit is not None and hit.confidence == CONFIDENCE and hit.type == "distress_self_harm"
    assert hit.evidence == "我没有办法了。真的是绝路"[hit.start : hit.end]
    assert "绝路" in hit.cue
    assert model_crisis(normalize("绝路"), model) is None
    assert model_crisis(normalize(""), model) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"threshold": "high"}, "threshold"), ({"weights": {}}, "weights"), ({"extra": 1}, "extra")],
)
def test_broken_model_file(tmp_path, fields, field):
    with pytest.raises(DataFileError) as info:
        load_model(_write(tmp_path, **fields))
    assert info.value.field == field
