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


def test_a_model_file_that_names_no_signal_type_is_refused(tmp_path):
    with pytest.raises(DataFileError) as info:
        load_model(_write(tmp_path, signal="joy"))
    assert info.value.field == "signal"


def test_a_model_fitted_for_another_signal_is_refused_where_its_signal_is_expected(tmp_path):
    # a crisis reading stops contact; an anger file read as the crisis model must never load
    path = _write(tmp_path, signal="anger")
    assert load_model(path, "anger").signal == "anger"
    with pytest.raises(DataFileError) as info:
        load_model(path, "distress_self_harm")
    assert info.value.field == "signal"


def test_the_anger_model_reads_only_where_no_anger_cue_did(monkeypatch):
    import collectguard.text.signal_detect as signal_detect

    read: list[str] = []
    real = signal_detect.model_signal

    def spy(norm, model, unread=()):
        read.append(model.signal if model else "")
        return real(norm, model, unread)

    monkeypatch.setattr(signal_detect, "model_signal", spy)
    assert [s.origin for s in detect("你们这帮吸血鬼") if s.type == "anger"] == ["cue"]
    assert "anger" not in read
    detect("你们这是死缠烂打啊")
    assert "anger" in read


def test_a_release_keeps_the_anger_model_quiet_unless_it_is_denied():
    model = shipped_model("anger")
    assert model is not None
    # the model alone reads anger in all three; the words around decide
    for text in (
        "你们这是死缠烂打啊，开个玩笑",
        "我不是开玩笑，你们这是死缠烂打啊",
        "我老公说你们是一帮吸血鬼，别理他，钱我来还",
    ):
        assert model_signal(normalize(text), model) is not None, text
    assert not [s for s in detect("你们这是死缠烂打啊，开个玩笑") if s.type == "anger"]
    # 不是开玩笑 denies the release: this is meant
    assert [s.origin for s in detect("我不是开玩笑，你们这是死缠烂打啊") if s.type == "anger"] == ["model"]
    # a third person's anger waved away is not the borrower's
    assert not [s for s in detect("我老公说你们是一帮吸血鬼，别理他，钱我来还") if s.type == "anger"]


def test_sarcasm_no_cue_lists_is_read_by_the_anger_model_naming_what_weighed():
    sarcasm = "你们可真会做人啊，把我妈都吓病了，真棒"
    read = [s for s in detect(sarcasm) if s.type == "anger"]
    assert [(s.origin, s.confidence) for s in read] == [("model", CONFIDENCE)]
    assert read[0].cue.startswith("n-gram model")
    # without the recall layers no model signal is added at all
    assert not [s for s in detect(sarcasm, weak=False) if s.type == "anger"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"threshold": "high"}, "threshold"), ({"weights": {}}, "weights"), ({"extra": 1}, "extra")],
)
def test_broken_model_file(tmp_path, fields, field):
    with pytest.raises(DataFileError) as info:
        load_model(_write(tmp_path, **fields))
    assert info.value.field == field
