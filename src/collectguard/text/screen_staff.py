"""Memos to staff. A QA desk's note that names the debt to a colleague discloses nothing. One that names anyone
outside the account (家属, 他单位, his wife, the references) is screened as a message to such a person: lines
and orders for them (家属那边直接说…, 【配偶话术】…, "His wife should be told…") take too many shapes for a word
list to tell them from a report. A finding in a sentence that orders nothing may still be reported rather than
meant (``reported``): a ban opens its clause (严禁向借款人配偶透露欠款), a ban ends its sentence (拉横幅一律严禁), or
someone else did it (3号坐席昨日向借款人母亲透露了欠款; "Agent 14 told his mother the balance"). The words are
data (``data/lexicons/staff_memos.yaml``); a report heading alone proves nothing."""

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
from collectguard.text.screen_quotes import quoted_spans

__all__ = ["names_outsider", "reported"]


def names_outsider(s: str, contexts: Iterable[Context]) -> bool:
    """Whether normalised ``s`` names anyone outside the account."""
    return any(ctx.outsiders.search(s) is not None for ctx in contexts)


def reported(s: str, at: int) -> bool:
    """Whether the finding at ``at`` of normalised memo ``s`` is reported or forbidden, not ordered."""
    lo = max((m.end() for m in _SENTENCE_STOP.finditer(s, 0, at)), default=0)
    stop = _SENTENCE_STOP.search(s, at)
    sentence = _unquoted(s[lo : len(s) if stop is None else stop.start()])
    at -= lo
    readings = _readings()
    if any(r.orders_in(sentence) for r in readings):
        return False
    starts = [0, *(m.end() for m in _CLAUSE_STOP.finditer(sentence))]
    clause = max(x for x in starts if x <= at)
    end = min([x - 1 for x in starts if x > at] or [len(sentence)])
    return any(
        r.bans.search(sentence, clause, end) is not None
        or r.bans_list(sentence, clause)
        or r.banned_after(sentence, at)
        or r.done_by_another(sentence)
        for r in readings
    )


class _Language(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    orders: tuple[str, ...]
    futures: tuple[str, ...]
    evidence: tuple[str, ...]
    imperatives: tuple[str, ...] = ()
    bans: tuple[str, ...]
    postposed_bans: tuple[str, ...]
    postposed_denials: tuple[str, ...]
    consequences: tuple[str, ...]
    actors: tuple[str, ...]
    actor_patterns: tuple[str, ...]
    actor_not_after: tuple[str, ...]
    past: tuple[str, ...]


@dataclass(frozen=True)
class _Reading:
    orders: re.Pattern[str]
    futures: re.Pattern[str]
    evidence: re.Pattern[str]
    imperatives: re.Pattern[str] | None
    bans: re.Pattern[str]
    postposed_bans: re.Pattern[str]
    consequences: re.Pattern[str]
    actors: re.Pattern[str]
    past: re.Pattern[str]

    def orders_in(self, sentence: str) -> bool:
        """An order word not right after a ban (不可以告诉他…), nor after someone else's act told with its
        evidence (7号坐席告诉她母亲…，属严重违规); an imperative verb opening a clause (English)."""
        actor = self.actors.search(sentence)
        after = len(sentence)
        if actor is not None and self.evidence.search(sentence) and self.futures.search(sentence) is None:
            after = actor.end()
        return any(m.start() < after for m in self.orders.finditer(sentence)) or (
            self.imperatives is not None and self.imperatives.search(sentence) is not None
        )

    def bans_list(self, sentence: str, clause: int) -> bool:
        """A ban that ends in a colon before the finding's clause names what follows (以下说法一律禁止：“…”)."""
        head = sentence[:clause].rstrip()
        return (
            head.endswith(":")
            and _SAYINGS.search(head) is not None
            and self.bans.search(sentence, 0, clause) is not None
        )

    def banned_after(self, sentence: str, at: int) -> bool:
        """A ban on what the sentence names ends it, after ``at`` (…一律严禁, "… is prohibited"), or only its price
        or a call to heed it follows (是红线，谁碰谁走人)."""
        for m in self.postposed_bans.finditer(sentence, at):
            rest = sentence[m.end() :].strip(" .。!,")
            if not rest or self.consequences.match(rest):
                return True
        return False

    def done_by_another(self, sentence: str) -> bool:
        """Someone else's act told as done: an actor, then a past marker, and no time still to come."""
        actor = self.actors.search(sentence)
        return (
            actor is not None
            and (
                self.past.search(sentence, actor.end()) is not None
                or self.evidence.search(sentence) is not None
            )
            and self.futures.search(sentence) is None
        )


@lru_cache(maxsize=1)
def _readings() -> tuple[_Reading, ...]:
    source = resources.files("collectguard.data.lexicons").joinpath("staff_memos.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    return tuple(_compile(_Language.model_validate(data[lang]), lang) for lang in ("zh", "en"))


def _compile(spec: _Language, lang: str) -> _Reading:
    imperatives = None
    if spec.imperatives:
        verbs = "|".join(re.escape(v) for v in sorted(spec.imperatives, key=len, reverse=True))
        imperatives = re.compile(
            rf"(?:^|[,:;]|\bthen|\band)\s*(?:(?:please|just|also|now|then|and)\s+)*(?:{verbs})(?![a-z'])"
        )
    named = cue_regex(spec.actors, lang, not_after=spec.actor_not_after).pattern
    denied = "".join(f"(?<!{re.escape(w)})(?<!{re.escape(w)} )" for w in spec.postposed_denials)
    return _Reading(
        orders=cue_regex(spec.orders, lang, not_after=spec.bans),
        futures=cue_regex(spec.futures, lang),
        evidence=cue_regex(spec.evidence, lang),
        imperatives=imperatives,
        bans=cue_regex(spec.bans, lang),
        postposed_bans=re.compile(denied + "(?:" + cue_regex(spec.postposed_bans, lang).pattern + ")"),
        consequences=cue_regex(spec.consequences, lang),
        actors=re.compile("|".join([named, *spec.actor_patterns])),
        past=cue_regex(spec.past, lang),
    )


def _unquoted(sentence: str) -> str:
    """The sentence with what it quotes spaced out, offsets kept: quoted words neither order nor ban."""
    chars = list(sentence)
    for q in quoted_spans(sentence):
        chars[q.start() + 1 : q.end() - 1] = " " * (q.end() - q.start() - 2)
    return "".join(chars)


_SENTENCE_STOP = re.compile(r"[。!?;\n]|\.(?=\s|$)")
_CLAUSE_STOP = re.compile(r"[,、:;]")
#: what a ban before a colon must name to cover the list after it: sayings, not acts
_SAYINGS = re.compile(r"说法|表述|用语|话术|这些话|以下|下列|phrases|the following|lines|wording|words")
