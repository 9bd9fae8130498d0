"""The meaning layer of the crisis model: word vectors from the wordllama wheel, a linear weight on them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from collectguard.errors import DataFileError
from collectguard.text.meaning import SOURCE, Meaning, vectors
from collectguard.text.normalize import normalize
from collectguard.text.signal_model import load_model, model_crisis, shipped_model


def _toward(word: str, scale: float = 1.0, bias: float = 0.0) -> Meaning:
    """A weight that points at ``word``'s own vector: texts holding it score high."""
    table = vectors()
    return Meaning.fitted(table, table.embed([word])[0] * 10, bias, scale)


def test_the_vectors_load_from_the_installed_wheel_without_a_download() -> None:
    table = vectors()
    assert table.table.shape[1] == 256 and table.table.shape[0] > 30_000
    rows = table.embed(["I can't go on", "", "我撑不下去了"])
    assert np.allclose(np.linalg.norm(rows[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not rows[1].any()


def test_a_score_is_its_scaled_bias_plus_the_shares_it_names() -> None:
    meaning = _toward(" bridge", scale=2.0, bias=-0.5)
    text = "standing on the bridge tonight"
    value, shares = meaning.score(text)
    assert value == pytest.approx(2.0 * -0.5 + sum(share for _, _, share in shares), abs=1e-4)
    assert meaning.score(text, explain=False) == (pytest.approx(value), [])
    top = max(shares, key=lambda s: s[2])
    assert top[0] == "bridge" and text[top[1] :].startswith("bridge")
    assert value > meaning.score("standing in the kitchen tonight")[0]


def test_words_that_speak_for_crisis_are_not_read_where_the_reply_says_they_are_over() -> None:
    meaning = _toward(" bridge")
    text = "last year I stood on the bridge. I am fine now"
    at = text.index("bridge")
    read, _ = meaning.score(text)
    unread, shares = meaning.score(text, [(0, at + len("bridge"))])
    assert unread < read and all(token != "bridge" for token, _, _ in shares)


def _model_file(tmp_path, **meaning):
    spec = {
        "source": SOURCE,
        "fingerprint": vectors().fingerprint(),
        "scale": 1.0,
        "bias": 0.0,
        "weights": [float(w) for w in vectors().embed([" bridge"])[0] * 10],
    }
    spec.update(meaning)
    data = {"version": "1", "trained_on": "test", "threshold": 2.0, "bias": 0.0, "weights": {"zz": 0.5}}
    path = tmp_path / "crisis_ngram.json"
    path.write_text(json.dumps({**data, "meaning": spec}), encoding="utf-8")
    return path


def test_a_model_with_meaning_names_the_words_that_weighed_in_its_cue(tmp_path) -> None:
    model = load_model(_model_file(tmp_path))
    hit = model_crisis(normalize("Going to the bridge after work"), model)
    assert hit is not None and "≈bridge" in hit.cue
    assert model_crisis(normalize("Going to the shop after work"), model) is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"fingerprint": "0" * 16}, "meaning.fingerprint"),
        ({"source": "other vectors"}, "meaning.fingerprint"),
        ({"weights": [1.0, 2.0]}, "meaning.weights"),
    ],
)
def test_weights_fitted_on_other_vectors_are_refused_with_the_field_named(tmp_path, change, field) -> None:
    with pytest.raises(DataFileError) as info:
        load_model(_model_file(tmp_path, **change))
    assert info.value.field == field


def test_the_shipped_model_carries_a_meaning_weight_for_these_vectors() -> None:
    model = shipped_model()
    assert model is not None and model.meaning is not None
    assert model.meaning.weights.shape == (vectors().table.shape[1],)
