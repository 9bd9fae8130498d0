"""The shipped recognizers: one small module a type, discovered by :func:`shipped_recognizers`."""

from __future__ import annotations

from pathlib import Path

from collectguard.pii.data import PatternFile, data_dir, load_model
from collectguard.pii.recognizer import PatternRecognizer, Recognizer
from collectguard.pii.recognizers.address import AddressRecognizer
from collectguard.pii.recognizers.bank_card import BankCardRecognizer
from collectguard.pii.recognizers.cn_id import CnIdRecognizer
from collectguard.pii.recognizers.person import PersonRecognizer
from collectguard.pii.recognizers.phone import PhoneRecognizer

__all__ = ["pattern_recognizers", "shipped_recognizers"]


def pattern_recognizers(path: Path) -> list[PatternRecognizer]:
    """The no-code recognizers of one YAML file (the shape of ``data/pii/patterns.yaml``)."""
    return [PatternRecognizer.from_spec(entry) for entry in load_model(PatternFile, path).recognizers]


def shipped_recognizers() -> list[Recognizer]:
    """Code recognizers plus every no-code entry of ``data/pii/patterns.yaml``."""
    found: list[Recognizer] = [
        CnIdRecognizer(),
        BankCardRecognizer(),
        *PhoneRecognizer.all(),
        PersonRecognizer(),
        AddressRecognizer(),
    ]
    found.extend(pattern_recognizers(data_dir() / "patterns.yaml"))
    return found
