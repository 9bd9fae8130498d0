"""The bridge to the pure text and PII packages: loaded once per pack set, called per request."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from collectguard.errors import CollectguardError
from collectguard.pii import mask_value

__all__ = [
    "analyze_reply",
    "mask_field",
    "redact",
    "screen",
    "storable_findings",
    "storable_signals",
    "warm_up",
]


class _Unavailable(CollectguardError):
    code = "unavailable"


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise _Unavailable(f"{name} is not installed in this build") from None


@lru_cache(maxsize=32)
def _screener(packs: tuple[str, ...]) -> Any:
    return _module("collectguard.text.screen").Screener.load(list(packs))


def screen(text: str, *, packs: tuple[str, ...], to: str | None) -> dict[str, Any]:
    """``{"verdict", "findings"}`` as ``screen --jsonl`` answers."""
    result = _screener(packs).screen(text, to=to) if to else _screener(packs).screen(text)
    return dict(result.to_dict())


def analyze_reply(text: str, *, packs: tuple[str, ...], region: str, crisis_hold_hours: int) -> Any:
    """The ReplyAnalysis of the signals package: ``.state_changes`` and ``.to_dict()``."""
    module = _module("collectguard.text.signals")
    return module.analyze_reply(text, packs=list(packs), region=region, crisis_hold_hours=crisis_hold_hours)


#: what of a finding or signal may be stored in the clear: no quoted evidence, no explanation
#: quoting the text (it may quote an ID number); the offsets point into the encrypted text
_FINDING_KEYS = ("category", "start", "end", "severity", "rule", "citation", "suggestion", "source")
_SIGNAL_KEYS = ("type", "start", "end", "confidence", "subject", "scope", "origin")


def storable_findings(findings: Any) -> list[dict[str, Any]]:
    return [{k: f[k] for k in _FINDING_KEYS if k in f} for f in findings or () if isinstance(f, dict)]


def storable_signals(signals: Any) -> list[dict[str, Any]]:
    return [{k: s[k] for k in _SIGNAL_KEYS if k in s} for s in signals or () if isinstance(s, dict)]


def redact(text: str) -> dict[str, Any]:
    """``{"text": masked, "spans": [...]}`` from the PII package."""
    pii = _module("collectguard.pii")
    spans = pii.analyze(text)
    return {
        "text": pii.mask(text, spans),
        "spans": [{"type": s.type, "start": s.start, "end": s.end} for s in spans],
    }


_TYPES = {"name": "PERSON", "phone": "PHONE", "id_number": "CN_ID"}


def mask_field(value: str, field: str) -> str:
    """A party field as a collector sees it; the PII package's masking when it is there."""
    return mask_value(value, _TYPES[field])


def warm_up(packs: tuple[str, ...]) -> None:
    """Load the screener, the signal lexicons and the PII recognizers now, not on the first request."""
    for step in (
        lambda: screen("您好", packs=packs, to="borrower"),
        lambda: analyze_reply("好的", packs=packs, region="cn", crisis_hold_hours=72),
        lambda: redact("您好"),
    ):
        try:
            step()
        except CollectguardError:
            continue
