"""Cantonese read as Mandarin for the cue scan: same length, longest word first, bad tables refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.errors import DataFileError
from collectguard.text.signal_detect import detect
from collectguard.text.signal_dialect import build, read_dialect

_CANTONESE = "唔该使系好得想佢哋咗嘅喺揾嚟俾畀睇瞓攞走佬细路呢个度仲有要打汝拍电话我你他不了"


@settings(deadline=None)  # the first call loads the table
@given(st.text(alphabet=st.sampled_from(_CANTONESE + "，。 ab1"), max_size=60))
def test_a_reading_keeps_every_position(text: str) -> None:
    assert len(read_dialect(text)) == len(text)


def test_longer_words_are_read_first() -> None:
    # 唔该 (please) and 唔使 (no need) are kept as written: 麻烦 reads as a request, 不用找我 as a farewell
    assert read_dialect("唔该你哋唔好再揾我") == "唔该你们不要再找我"
    assert read_dialect("唔使") == "唔使"


def test_a_reading_of_another_length_is_refused() -> None:
    with pytest.raises(DataFileError):
        build({"佢哋": "他们那些"})


def test_findings_point_into_the_reply_as_written() -> None:
    found = detect("我唔想活咗")
    assert [(s.type, s.evidence) for s in found] == [("distress_self_harm", "唔想活")]
