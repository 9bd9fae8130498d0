"""Fair team metrics: recovery beside quality; pressure can never raise a credited figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collectguard.errors import ValidationError
from collectguard.wellbeing import FairRow, QualityInputs, fair_team_view, load_thresholds

FAIR = load_thresholds().fair

counts = st.integers(0, 50)


@st.composite
def inputs(draw) -> QualityInputs:
    crisis = draw(counts)
    return QualityInputs(
        collector_id=draw(st.text("abcdef", min_size=1, max_size=4)),
        recovered_amount=draw(st.floats(0, 1e7)),
        contacts=draw(st.integers(1, 3000)),
        violations=draw(counts),
        complaints=draw(counts),
        crisis_contacts=crisis,
        crisis_handed_over=draw(st.integers(0, crisis)),
    )


def _credit(q: QualityInputs) -> float:
    return fair_team_view([q], fair=FAIR).rows[0].credited_recovery


def _with(q: QualityInputs, **changes: int) -> QualityInputs:
    fields = {f: getattr(q, f) for f in QualityInputs.__dataclass_fields__}
    fields.update(changes)
    return QualityInputs(**fields)


@given(inputs())
def test_more_violations_never_credit_more(q) -> None:
    assert _credit(_with(q, violations=q.violations + 1)) <= _credit(q)


@given(inputs())
def test_more_complaints_never_credit_more(q) -> None:
    assert _credit(_with(q, complaints=q.complaints + 1)) <= _credit(q)


@given(inputs())
def test_a_missed_crisis_hand_over_never_credits_more(q) -> None:
    assert _credit(_with(q, crisis_contacts=q.crisis_contacts + 1)) <= _credit(q)


@given(inputs())
def test_credit_is_between_zero_and_recovered(q) -> None:
    row = fair_team_view([q], fair=FAIR).rows[0]
    assert 0 <= row.credited_recovery <= row.recovered_amount


def test_clean_work_is_credited_in_full_and_rows_are_never_ranked() -> None:
    view = fair_team_view(
        [
            QualityInputs("zhao", 10_000, 400),
            QualityInputs("li", 50_000, 400, violations=8, complaints=2),
        ],
        fair=FAIR,
    )
    assert [r.collector_id for r in view.rows] == ["li", "zhao"]  # id order, not by any figure
    li, zhao = view.rows
    assert zhao.credited_recovery == 10_000 and zhao.notes_en == ("no violations, no complaints",)
    # 2 violations per 100 contacts x 0.10 + 2 complaints x 0.20 = 0.6 discount
    assert li.quality_factor == pytest.approx(0.4)
    assert view.credited_total == pytest.approx(10_000 + 20_000)
    assert "rank" not in FairRow.__dataclass_fields__


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("violations", {"violations": -1}),
        ("crisis_handed_over", {"crisis_contacts": 1, "crisis_handed_over": 2}),
    ],
)
def test_impossible_inputs_are_refused(field, changes) -> None:
    with pytest.raises(ValidationError) as info:
        QualityInputs("a", 1.0, 1, **changes)
    assert info.value.field == field
