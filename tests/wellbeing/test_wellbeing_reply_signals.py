"""Which stored reply signals count as hostility a collector absorbed."""

from __future__ import annotations

from collectguard.service.wellbeing_rows import _signals


def test_anger_in_the_borrowers_words_counts_and_the_anger_models_guess_does_not() -> None:
    cue = {"signals": [{"type": "anger", "origin": "cue", "confidence": 0.8}]}
    model = {"signals": [{"type": "anger", "origin": "model", "confidence": 0.3}]}
    assert _signals(cue) == frozenset({"anger"})
    assert _signals(model) == frozenset()


def test_other_model_signals_and_stored_analyses_without_an_origin_are_kept() -> None:
    crisis = {"signals": [{"type": "distress_self_harm", "origin": "model"}, {"type": "anger"}]}
    assert _signals(crisis) == frozenset({"distress_self_harm", "anger"})
    assert _signals({}) == frozenset()
