"""What the numeric recognizers share: digit boundaries, paperwork words that veto, context cues."""

from __future__ import annotations

from typing import TypedDict

from collectguard.pii.data import NumbersData, shipped

__all__ = ["NOT_ALNUM_AFTER", "NOT_ALNUM_BEFORE", "number_context"]

# A number glued to Chinese text (身份证号110…) still matches; one glued to letters or
# digits (HT2023…, an order code) does not, and neither does the integer part of a decimal.
NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z.])(?<![0-9][ -])"
NOT_ALNUM_AFTER = r"(?![0-9A-Za-z]|\.\d)"


class NumberContext(TypedDict):
    context: list[str]
    deny_context: list[str]
    window: int


def number_context(type_: str) -> NumberContext:
    """Keyword arguments for :class:`PatternRecognizer`: context and deny words from numbers.yaml."""
    data = shipped(NumbersData, "numbers.yaml")
    deny = [*data.deny_context, *data.deny_by_type.get(type_, [])]
    return {"context": data.context.get(type_, []), "deny_context": deny, "window": data.window}
