"""Shared helpers for the recognizer tables: found values of one type in a text."""

from __future__ import annotations

from collectguard.pii import analyze


def found(text: str, type_: str) -> list[str]:
    return [text[s.start : s.end] for s in analyze(text, types=[type_])]
