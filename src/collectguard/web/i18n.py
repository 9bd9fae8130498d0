"""Dashboard strings in Simplified Chinese (default) and English, from ``strings.yaml``.

The file is validated once at load: every entry needs both languages, so a page can never
show a key instead of words.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from collectguard.errors import DataFileError

__all__ = ["LANGS", "Translator", "pick_lang", "strings"]

LANGS = ("zh", "en")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str
    en: str


@lru_cache(maxsize=1)
def strings() -> dict[str, _Entry]:
    """All entries of ``web/strings.yaml``, validated."""
    text = resources.files("collectguard.web").joinpath("strings.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict):
        raise DataFileError("web/strings.yaml: expected a mapping of key → {zh, en}")
    out = {}
    for key, value in raw.items():
        try:
            out[str(key)] = _Entry.model_validate(value)
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise DataFileError(
                f"web/strings.yaml: entry {key!r}, field {where or 'value'}: invalid"
            ) from None
    return out


def pick_lang(query: str | None, cookie: str | None) -> str:
    """``?lang=`` wins, then the cookie, then Chinese."""
    for candidate in (query, cookie):
        if candidate in LANGS:
            return str(candidate)
    return "zh"


class Translator:
    """``t("key")`` in one language; an unknown key shows itself (tests catch that)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "zh"
        self._table = strings()

    def __call__(self, key: str, **values: object) -> str:
        entry = self._table.get(key)
        if entry is None:
            return key
        text = entry.zh if self.lang == "zh" else entry.en
        return text.format(**values) if values else text

    def pick(self, zh: str, en: str) -> str:
        """Choose between two texts that came with data (rule messages, playbooks)."""
        return zh if self.lang == "zh" else en
