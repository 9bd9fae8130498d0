"""Compliant rewrites: a template per category and language, filled with the amount and date of the message.

A collector who is told "no" also needs to be told what to say instead; the rewrite keeps
what the message legitimately needs (how much, by when) and drops the pressure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from collectguard.datafile import load_validated

__all__ = ["Rewriter", "language_of", "load_rewriter"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_AMOUNT = {
    "zh": re.compile(r"\d[\d,，.]*\s*(?:万元|元|块钱|块)"),
    "en": re.compile(r"\$\s?\d[\d,]*(?:\.\d\d)?"),
}
_DEADLINE = {
    "zh": re.compile(
        r"(?:(?:今天|明天|今日)(?:[上下]午|晚上)?(?:\d{1,2}[点时])?|本周内?|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]|\d{1,2}[点时]|\d+\s*小时|\d+\s*天)"
        r"(?:之前|以前|前|之内|内)"
    ),
    "en": re.compile(
        r"\b(?:by|before) (?:today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
        r"[a-z]+ \d{1,2}(?:st|nd|rd|th)?)\b|\bwithin \d+ (?:days|hours)\b",
        re.IGNORECASE,
    ),
}
# A period ends a sentence unless it closes a title (Mr. Smith).
# an amount right after a fee word is the fee, not the debt (结案服务费500元, a $75 processing fee)
_FEE_BEFORE = {"zh": re.compile("费"), "en": re.compile(r"(?i:fee|charge)")}
_AMOUNT_MARKS = {"zh": re.compile("[元块]"), "en": re.compile(r"\$")}
_DEADLINE_MARKS = {"zh": re.compile("[前内]"), "en": re.compile("(?i:by|before|within) ")}
_SENTENCE_END = re.compile(
    r"[。！？!?；;\n]+|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.(?=\s|$)", re.IGNORECASE
)


class _Defaults(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    amount: str
    deadline: str
    person: str


class _TemplateFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    version: str
    defaults: dict[str, _Defaults]
    templates: dict[str, dict[str, str]]


def language_of(text: str) -> str:
    """``zh`` when the message has Chinese characters, else ``en``."""
    return "zh" if _CJK.search(text) else "en"


@dataclass(frozen=True, slots=True)
class Rewriter:
    templates: dict[str, dict[str, str]]
    defaults: dict[str, _Defaults]

    def values(self, text: str, lang: str) -> dict[str, str]:
        """What a template may reuse from the message: its amount and deadline (or neutral words)."""
        d = self.defaults[lang]
        # cheap substring checks first: most messages name no amount or deadline
        amount = None
        if _AMOUNT_MARKS[lang].search(text):
            fee = _FEE_BEFORE[lang]
            amounts = _AMOUNT[lang].finditer(text)
            amount = next(
                (m for m in amounts if not fee.search(text, max(0, m.start() - 4), m.start())), None
            )
        deadline = _DEADLINE[lang].search(text) if _DEADLINE_MARKS[lang].search(text) else None
        return {
            "amount": amount.group(0) if amount else d.amount,
            "of_amount": f" of {amount.group(0)}" if amount else "",
            "deadline": deadline.group(0) if deadline else d.deadline,
            "person": d.person,
        }

    def suggest(
        self, category: str, text: str, lang: str | None = None, values: dict[str, str] | None = None
    ) -> str:
        """A compliant sentence for ``category``, filled with the amount and deadline ``text`` names."""
        lang = lang or language_of(text)
        template = self.templates.get(category, {}).get(lang, "")
        return template.format(**(values or self.values(text, lang)))

    def rewrite(self, text: str, spans: Iterable[tuple[int, int, str]]) -> str:
        """Replace each sentence of ``text`` that holds a finding by that finding's suggestion."""
        marks = sorted(spans)
        if not marks:
            return text
        parts: list[str] = []
        pos = 0
        last_suggestion = None
        for start, end in _sentences(text):
            hit = next((s for a, b, s in marks if a < end and b > start), None)
            if hit is None:
                parts.append(text[start:end])
            elif hit != last_suggestion:
                if parts and parts[-1] and not parts[-1][-1].isspace() and hit.isascii():
                    parts.append(" ")  # English sentences are separated by a space
                parts.append(hit)
                last_suggestion = hit
            pos = end
        parts.append(text[pos:])
        return "".join(parts).strip()


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


@lru_cache(maxsize=1)
def load_rewriter() -> Rewriter:
    path = Path(str(resources.files("collectguard") / "data" / "rewrites" / "templates.yaml"))
    data = load_validated(path, _TemplateFile, label=f"rewrites/{path.name}")
    return Rewriter(templates=data.templates, defaults=data.defaults)
