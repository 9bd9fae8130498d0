"""Idiom spans: a crisis cue inside one is dropped, one running past it is kept."""

import pytest

from collectguard.errors import DataFileError
from collectguard.text.normalize import normalize
from collectguard.text.signal_idioms import blanked, inside, load_idioms, shipped_idioms


@pytest.mark.parametrize(
    ("text", "idiom"),
    [
        ("今天累死了", "累死了"),
        ("忙得要死", "忙得要死"),
        ("电脑死机", "死机"),
        ("scared me to death", "scared me to death"),
        ("my phone died", "my phone died"),
    ],
)
def test_idiom_spans_are_found(text, idiom):
    norm = normalize(text).text
    spans = shipped_idioms().spans(norm)
    assert any(norm[s:e] == normalize(idiom).text for s, e in spans), spans


@pytest.mark.parametrize("text", ["我想死", "不想活了", "I want to die", "killed myself"])
def test_real_cues_are_not_idioms(text):
    assert shipped_idioms().spans(normalize(text).text) == []


def test_inside_means_entirely_within():
    spans = [(0, 3)]
    assert inside(spans, 1, 3)
    assert not inside(spans, 1, 5)


def test_blanked_keeps_offsets():
    norm = normalize("累死了，明天还")
    plain = blanked(norm, shipped_idioms().spans(norm.text))
    assert len(plain.text) == len(norm.text)
    assert "死" not in plain.text
    assert plain.original == norm.original


def test_broken_idiom_file_names_the_entry(tmp_path):
    path = tmp_path / "idioms.yaml"
    path.write_text('version: "1"\nidioms:\n  zh: ["(累|"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"idioms.yaml: idioms.zh\[0\]"):
        load_idioms(path)
