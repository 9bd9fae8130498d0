"""The bridge to message screening, loaded only when a log carries text.

The audit screens with the same ``collectguard.text.screen.Screener`` the live
service uses. Should that module be missing from an installation, the audit still
decides every contact and says that text went unscreened, rather than failing.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from collectguard.audit.turns import collector_turns
from collectguard.model import PartyRole
from collectguard.policy import RulePack


@dataclass(frozen=True, slots=True)
class TextFinding:
    """The fields of a screening finding that an audit record carries."""

    category: str
    rule: str
    citation: str
    severity: str
    start: int
    end: int


class Screen(Protocol):
    def __call__(self, text: str, role: PartyRole) -> list[TextFinding]: ...


#: the screener the live service uses; a test may name a fake with the same interface
DEFAULT_SCREENER = "collectguard.text.screen:Screener"


def load_screen(
    sources: Sequence[str], packs: Sequence[RulePack], screener_path: str = DEFAULT_SCREENER
) -> Screen | None:
    """A screening function over ``packs``, or None when screening is not installed.

    ``sources`` are the pack names or paths (what ``Screener.load`` takes); ``packs`` the
    loaded packs, used to name a finding's rule when the screener leaves it out.
    ``screener_path`` is ``module:Class`` (a string, so that it travels to Dask workers);
    the class has ``load(packs)`` and ``screen(text, *, to=role)`` returning ``.findings``.
    """
    module_name, _, attr = screener_path.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
        screener = factory.load(list(sources))
    except (ImportError, AttributeError):
        return None

    def screen(text: str, role: PartyRole) -> list[TextFinding]:
        found = []
        for offset, turn in collector_turns(text):
            result = screener.screen(turn, to=str(role))
            found += [_finding(f, packs, offset) for f in result.findings]
        return found

    return screen


def _finding(found: Any, packs: Sequence[RulePack], offset: int = 0) -> TextFinding:
    category = str(found.category)
    rule = getattr(found, "rule", None)
    citation = getattr(found, "citation", None)
    if not rule:  # fall back on the pack's own mapping of the category
        content = next((c for p in packs if (c := p.content_rule(category)) is not None), None)
        rule = content.id if content is not None else f"content.{category}"
        citation = citation or (content.citation if content is not None else "")
    return TextFinding(
        category=category,
        rule=str(rule),
        citation=str(citation or ""),
        severity=str(getattr(found, "severity", "") or ""),
        start=offset + int(getattr(found, "start", 0)),
        end=offset + int(getattr(found, "end", 0)),
    )


__all__ = ["Screen", "TextFinding", "load_screen"]
