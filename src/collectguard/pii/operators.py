"""Operators: what to put where personal data was — a mask, a type tag, nothing, a keyed
pseudonym or a ciphertext. Masks keep what a person needs to recognise the value, no more."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from collectguard.errors import ValidationError
from collectguard.pii.crypto import Keyring
from collectguard.pii.normalize import canonical_value
from collectguard.pii.span import PiiSpan

__all__ = ["OPERATORS", "Operator", "anonymize", "mask_value"]

Operator = Literal["mask", "tag", "redact", "token", "encrypt"]
OPERATORS: tuple[str, ...] = ("mask", "tag", "redact", "token", "encrypt")


def _keep(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_value(value: str, type: str) -> str:
    """138****5678, 110***********123X, ************5678, ***-**-7719, z***@example.com, 张**."""
    kind = type.upper()
    if kind == "PHONE":
        digits = canonical_value(value, "PHONE")
        if digits.startswith("+"):
            return digits[: min(4, len(digits) - 4)] + "*" * max(0, len(digits) - 8) + digits[-4:]
        return _keep(digits, 3, 4)
    if kind == "CN_ID":
        return _keep(canonical_value(value, "CN_ID"), 3, 4)
    if kind == "BANK_CARD":
        return _keep(canonical_value(value, "BANK_CARD"), 0, 4)
    if kind == "US_SSN":  # as printed on forms that may show it: the last four only
        return "***-**-" + canonical_value(value, "US_SSN")[-4:]
    if kind == "EMAIL":
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if domain else _keep(value, 1, 0)
    if kind == "PERSON":
        words = value.split()
        if len(words) > 1 or value.isascii():
            return " ".join(w[:1] + "*" * (len(w) - 1) for w in words)
        return _keep(value, 1, 0)
    if kind == "ADDRESS":
        return _keep(value, min(6, len(value) // 3), 0)
    return _keep(value, len(value) // 4, len(value) // 4)


def _replacement(value: str, span: PiiSpan, operator: str, keyring: Keyring | None) -> str:
    if operator == "mask":
        return mask_value(value, span.type)
    if operator == "tag":
        return f"<{span.type}>"
    if operator == "redact":
        return ""
    if keyring is None:
        raise ValidationError(f"operator {operator!r} needs a key", field="keyring")
    if operator == "token":
        return f"<{span.type}:{keyring.tokenize(value, kind=span.type)[:16]}>"
    return f"<{span.type}:{keyring.encrypt(value, context=span.type)}>"


def anonymize(
    text: str,
    spans: Sequence[PiiSpan],
    *,
    operator: str = "mask",
    keyring: Keyring | None = None,
) -> str:
    """``text`` with every span replaced by the operator's output; spans must not overlap."""
    if operator not in OPERATORS:
        raise ValidationError(
            f"unknown operator {operator!r}; use one of {', '.join(OPERATORS)}", field="operator"
        )
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos:
            raise ValidationError("spans overlap", field="spans")
        out.append(text[pos : span.start])
        out.append(_replacement(text[span.start : span.end], span, operator, keyring))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)
