"""The signal models (crisis, anger): load, are validated, only add low-confidence signals of their type."""

from __future__ import annotations

import json

import pytest

from collectguard.errors import DataFileError
from collectguard.text.normalize import normalize
from collectguard.text.signal_model import (
    CONFIDENCE,
    MODELS,
    load_model,
    model_crisis,
    model_signal,
    shipped_model,
)
from collectguard.text.signals import detect


def _write(tmp_path, **fields):
    data = {"version": "1", "trained_on": "test", "threshold": 1.0, "bias": 0.0, "weights": {"ab": 2.0}}
    data.update(fields)
    path = tmp_path / "crisis_ngram.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "signal"), [("crisis", "distress_self_harm"), ("anger", "anger")])
def test_shipped_models_load_with_their_signal(name, signal):
    model = shipped_model(name)
    assert model is not None and model.signal == signal
    assert set(MODELS) == {"crisis", "anger"}


def test_an_unknown_model_name_is_refused():
    with pytest.raises(ValueError, match="unknown signal model"):
        shipped_model("joy")


def test_a_model_reports_the_signal_its_file_names(tmp_path):
    model = load_model(_write(tmp_path, signal="anger", weights={"呵呵": 0.8, "敬业": 0.5}))
    hit = model_signal(normalize("呵呵，真是敬业"), model)
    assert hit is not None and hit.type == "anger" and hit.confidence == CONFIDENCE and hit.origin == "model"
    assert model_signal(normalize("呵呵"), model) is None
    assert model_signal(normalize("呵呵，真是敬业"), None) is None


def test_a_signal_no_model_may_report_is_refused(tmp_path):
    with pytest.raises(DataFileError) as info:
        load_model(_write(tmp_path, signal="joy"))
    assert info.value.field == "signal"


def test_the_anger_model_runs_only_where_no_anger_cue_matched_and_no_release_took_it_back():
    model = shipped_model("anger")
    assert model is not None
    # a cue's anger is the cue's, at its own confidence; the model adds none beside it
    cue = [s for s in detect("你们这帮吸血鬼") if s.type == "anger"]
    assert cue and all(s.origin == "cue" for s in cue)
    # the reply says its anger is not aimed at the collector: neither cue nor model reads anger
    assert not [s for s in detect("气死我了，快递又丢了，不是说你们") if s.type == "anger"]
    # sarcasm no anger cue lists is the model's to read, at its low confidence, naming what weighed
    sarcasm = "Congratulations, you've managed to ruin my whole week. Proud of yourselves?"
    read = [s for s in detect(sarcasm) if s.type == "anger"]
    assert [(s.origin, s.confidence) for s in read] == [("model", CONFIDENCE)]
    assert read[0].cue.startswith("n-gram model")
    # without the recall layers no model signal is added at all
    assert not [s for s in detect(sarcasm, weak=False) if s.type == "anger"]


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
