"""The bridge to the pure text and PII packages: loaded once per pack set, called per request."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from collectguard.errors import CollectguardError

__all__ = ["analyze_reply", "mask_field", "redact", "screen"]


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


def analyze_reply(text: str, *, packs: tuple[str, ...], region: str) -> Any:
    """The ReplyAnalysis of the signals package: ``.state_changes`` and ``.to_dict()``."""
    return _module("collectguard.text.signals").analyze_reply(text, packs=list(packs), region=region)


def redact(text: str) -> dict[str, Any]:
    """``{"text": masked, "spans": [...]}`` from the PII package."""
    pii = _module("collectguard.pii")
    masked = pii.mask(text)
    spans = pii.analyze(text)
    return {
        "text": masked if isinstance(masked, str) else getattr(masked, "text", str(masked)),
        "spans": [{"type": str(s.type), "start": s.start, "end": s.end} for s in spans],
    }


_TYPES = {"name": "PERSON", "phone": "PHONE", "id_number": "CN_ID"}


def mask_field(value: str, field: str) -> str:
    """A party field as a collector sees it; the PII package's masking when it is there."""
    pii = importlib.import_module("collectguard.pii")
    mask_value = getattr(pii, "mask_value", None)
    if mask_value is not None:
        return str(mask_value(value, _TYPES[field]))
    if field == "name":
        return value[:1] + "*" * max(1, len(value) - 1)
    keep = 4 if len(value) > 8 else 1
    return "*" * (len(value) - keep) + value[-keep:]
