"""The score: factors explain it exactly, it rises with every factor, bands and bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collectguard.errors import DataFileError, ValidationError
from collectguard.risk import FACTOR_IDS, load_risk_settings, score_factors
from collectguard.risk.score import band_for
from collectguard.risk.settings import default_path

SETTINGS = load_risk_settings()
values = st.floats(min_value=0, max_value=1e6, allow_nan=False)
factor_values = st.dictionaries(st.sampled_from(FACTOR_IDS), values)


@given(factor_values)
def test_points_add_up_to_the_score(vals) -> None:
    result = score_factors(vals, SETTINGS)
    assert math.isclose(sum(f.points for f in result.factors), result.raw_score, abs_tol=1e-9)
    assert result.score == round(result.raw_score)
    assert 0 <= result.raw_score < 100


@given(factor_values, st.sampled_from(FACTOR_IDS), values, values)
def test_score_never_falls_when_a_factor_rises(vals, factor, a, b) -> None:
    lo, hi = sorted((a, b))
    low = score_factors({**vals, factor: lo}, SETTINGS).raw_score
    high = score_factors({**vals, factor: hi}, SETTINGS).raw_score
    assert high >= low


@pytest.mark.parametrize("factor", FACTOR_IDS)
def test_each_factor_strictly_raises_the_score_inside_its_ramp(factor) -> None:
    ramp = SETTINGS.factor(factor).ramp
    steps = [ramp.low + (ramp.high - ramp.low) * k / 4 for k in range(5)]
    scores = [score_factors({factor: v}, SETTINGS).raw_score for v in steps]
    assert scores == sorted(scores) and len(set(scores)) == 5
    assert scores[0] == 0


def test_top_factors_are_the_largest_and_explained() -> None:
    result = score_factors(
        {"anger": 3, "complaint_intent": 1, "overdue_days": 60, "earlier_complaints": 1}, SETTINGS
    )
    assert [f.id for f in result.top] == ["complaint_intent", "anger", "earlier_complaints"]
    assert len(result.top) == SETTINGS.top_factors
    first = result.top[0]
    assert "投诉" in first.explain_zh and "complain" in first.explain_en and first.citation
    body = result.to_dict()
    assert body["top_factors"][0]["factor"] == "complaint_intent"


def test_no_factor_no_risk() -> None:
    result = score_factors({}, SETTINGS)
    assert (result.score, result.level, result.top) == (0, "low", ())


BANDS = [(0.0, "low"), (29.999, "low"), (30.0, "medium"), (59.999, "medium"), (60.0, "high"), (99.99, "high")]


@pytest.mark.parametrize(("raw", "level"), BANDS)
def test_band_boundaries(raw, level) -> None:
    assert band_for(raw, SETTINGS).level == level


@pytest.mark.parametrize(
    ("vals", "field"),
    [
        ({"happiness": 1}, "factors"),
        ({"anger": -1}, "factors.anger"),
        ({"anger": float("nan")}, "factors.anger"),
    ],
)
def test_bad_values_are_refused(vals, field) -> None:
    with pytest.raises(ValidationError) as info:
        score_factors(vals, SETTINGS)
    assert info.value.field == field


BROKEN = [
    ("weight: 0.6\n    ramp: {from: 0, to: 3}", "weight: -1\n    ramp: {from: 0, to: 3}", "anger", "weight"),
    (
        "ramp: {from: 0, to: 3}\n    label_zh: 借款人愤怒情绪",
        "ramp: {from: 3, to: 0}\n    label_zh: 借款人愤怒情绪",
        "anger",
        "ramp",
    ),
]


@pytest.mark.parametrize(("old", "new", "entry", "field"), BROKEN)
def test_broken_model_file_names_file_entry_field(old, new, entry, field, tmp_path) -> None:
    text = default_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "risk.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_risk_settings(path)
    assert "risk.yaml" in str(info.value) and entry in str(info.value) and field in str(info.value)


def test_model_file_must_list_every_factor(tmp_path) -> None:
    text = default_path().read_text(encoding="utf-8")
    cut = text.index("  - id: earlier_complaints")
    path = tmp_path / "risk.yaml"
    path.write_text(text[:cut], encoding="utf-8")
    with pytest.raises(DataFileError, match="earlier_complaints"):
        load_risk_settings(path)
