"""Both engines behind ``Matcher`` report the same matches, in the same order."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.text.multimatch import WIDE, Matcher, _narrow, _wide

_ALPHABET = "ab你好的了还款x "
_keys = st.dictionaries(st.text(_ALPHABET, min_size=1, max_size=4), st.integers(), max_size=12)


@given(keys=_keys, text=st.text(_ALPHABET, max_size=30))
@settings(max_examples=300, deadline=None)
def test_the_two_engines_agree_on_every_match_and_its_order(keys: dict[str, int], text: str) -> None:
    assert list(_wide(keys)(text)) == list(_narrow(keys)(text))


def test_a_wide_lexicon_takes_the_table_engine_and_a_narrow_one_the_trie() -> None:
    wide = Matcher({chr(0x4E00 + i) + "款": i for i in range(WIDE)})
    narrow = Matcher({"还款": 1, "逾期": 2})
    assert wide.engine == "ahocorasick_rs"
    assert narrow.engine == "pyahocorasick"
    assert list(wide.iter("一款丁款")) == [(1, 0), (3, 1)]
    assert list(narrow.iter("已逾期，请还款")) == [(2, 2), (6, 1)]


def test_a_dense_matcher_stays_on_the_trie_however_wide() -> None:
    dense = Matcher({chr(0x4E00 + i) + "款": i for i in range(WIDE)}, dense=True)
    assert dense.engine == "pyahocorasick"
    copy = pickle.loads(pickle.dumps(dense))
    assert copy.engine == "pyahocorasick" and list(copy.iter("一款")) == [(1, 0)]


@pytest.mark.parametrize("engine", [_narrow, _wide])
def test_an_overlap_is_reported_longest_first_at_each_end(engine: Any) -> None:
    scan = engine({"ab": "ab", "b": "b", "abc": "abc", "bc": "bc"})
    assert list(scan("xabcd")) == [(2, "ab"), (2, "b"), (3, "abc"), (3, "bc")]


def test_empty_keys_are_ignored_and_an_empty_matcher_finds_nothing() -> None:
    matcher = Matcher({"": 1})
    assert len(matcher) == 0
    assert list(matcher.iter("anything")) == []


def test_a_matcher_survives_pickling_for_worker_processes() -> None:
    wide = Matcher({chr(0x4E00 + i) + "款": i for i in range(WIDE)})
    copy = pickle.loads(pickle.dumps(wide))
    assert copy.engine == wide.engine
    assert list(copy.iter("一款")) == list(wide.iter("一款"))
    assert "一款" in copy and "二款" not in copy
