"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report. What a memo reports, judges or forbids is another matter: a sentence that
orders nothing and gives a verdict, a ban or someone else's act (质检通报：坐席向借款人母亲透露欠款，属违规; "Case
study: another vendor emailed a borrower's SSN to her mother") is a report, not the memo's own line
(``reported_spans``; the words are data, ``data/lexicons/staff_memos.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pydantic
import yaml

from collectguard.text.lexicon import Context
from collectguard.text.lexicon_cues import cue_regex

__all__ = ["names_outsider", "reported_spans"]


def names_outsider(s: str, contexts: Iterable[Context]) -> bool:
    """Whether normalised ``s`` names anyone outside the account."""
    return any(ctx.outsiders.search(s) is not None for ctx in contexts)


def reported_spans(s: str) -> list[tuple[int, int]]:
    """The sentences of normalised memo ``s`` that report, judge or forbid what they name and order
    nothing; empty if none."""
    readings = _readings()
    heading = _HEADING.match(s)
    spans = []
    for m in _SENTENCE.finditer(s):
        sentence = m.group()
        if not sentence.strip():
            continue
        for r in readings:
            if r.orders_in(sentence):
                break
        else:
            if any(r.reports(sentence, heading) for r in readings):
                spans.append((m.start(), m.end()))
    return spans


class _Language(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    report_headings: tuple[str, ...]
    script_headings: tuple[str, ...]
    verdicts: tuple[str, ...]
    verdict_denials: tuple[str, ...]
    bans: tuple[str, ...]
    postposed_bans: tuple[str, ...]
    actors: tuple[str, ...]
    orders: tuple[str, ...]
    imperatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Reading:
    report_headings: re.Pattern[str]
    script_headings: re.Pattern[str]
    verdicts: re.Pattern[str]
    bans: re.Pattern[str]
    postposed_bans: re.Pattern[str]
    actors: re.Pattern[str]
    orders: re.Pattern[str]
    imperatives: re.Pattern[str] | None

    def orders_in(self, sentence: str) -> bool:
        """An order word not right after a ban, not after someone else's act in the sentence and not
        before a ban that ends it (拉横幅一律严禁); an imperative verb opening the sentence or a clause."""
        for m in self.orders.finditer(sentence):
            if (
                self.actors.search(sentence, 0, m.start()) is None
                and self.postposed_bans.search(sentence, m.end()) is None
            ):
                return True
        return self.imperatives is not None and self.imperatives.search(sentence) is not None

    def reports(self, sentence: str, heading: re.Match[str] | None) -> bool:
        """The sentence reports what it names: under a report heading (the whole memo's, when it opens with
        one), or with a verdict, a ban or someone else's act of its own."""
        if heading is not None:
            title = heading.group(1)
            if self.report_headings.search(title) and not self.script_headings.search(title):
                return True
        return any(p.search(sentence) for p in (self.verdicts, self.bans, self.actors))


@lru_cache(maxsize=1)
def _readings() -> tuple[_Reading, ...]:
    text = (
        resources.files("collectguard.data.lexicons").joinpath("staff_memos.yaml").read_text(encoding="utf-8")
    )
    data = yaml.safe_load(text)
    return tuple(_compile(_Language.model_validate(data[lang]), lang) for lang in ("zh", "en"))


def _compile(spec: _Language, lang: str) -> _Reading:
    bans = cue_regex(spec.bans, lang)
    imperatives = None
    if spec.imperatives:
        verbs = "|".join(re.escape(v) for v in sorted(spec.imperatives, key=len, reverse=True))
        imperatives = re.compile(
            rf"(?:^|[,:;]|\bthen|\band)\s*(?:(?:please|just|also|now|then|and)\s+)*(?:{verbs})(?![a-z'])"
        )
    return _Reading(
        report_headings=cue_regex(spec.report_headings, lang),
        script_headings=cue_regex(spec.script_headings, lang),
        verdicts=cue_regex(spec.verdicts, lang, not_after=spec.verdict_denials),
        bans=bans,
        postposed_bans=cue_regex(spec.postposed_bans, lang),
        actors=cue_regex(spec.actors, lang),
        orders=cue_regex(spec.orders, lang, not_after=spec.bans),
        imperatives=imperatives,
    )


#: a memo's heading: up to 20 characters before its first colon (质检通报：, QA finding, agent 14:)
_HEADING = re.compile(r"\s*([^:。.!?\n]{1,20}):")
#: a sentence, with the stop that ends it
_SENTENCE = re.compile(r"[^。!?;\n]+?(?:[。!?;\n]|\.(?=\s|$)|$)")
