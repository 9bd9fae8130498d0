"""Rule messages by id across the shipped packs, so a page can explain a stored rule id in words."""

from __future__ import annotations

from functools import lru_cache

from collectguard.policy import load_pack, shipped_pack_names

__all__ = ["rule_message"]


@lru_cache(maxsize=1)
def _messages() -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for name in shipped_pack_names():
        pack = load_pack(name)
        for rule in pack.rules:
            out.setdefault(rule.id, (rule.spec.message_zh, rule.spec.message_en, rule.spec.citation))
        for content in pack.content_rules:
            out.setdefault(content.id, (content.message_zh, content.message_en, content.citation))
    return out


def rule_message(rule_id: str | None, lang: str) -> str:
    """The rule's message in ``lang`` (``zh`` or ``en``), or "" for an unknown id."""
    found = _messages().get(rule_id or "")
    if found is None:
        return ""
    return found[0] if lang == "zh" else found[1]
