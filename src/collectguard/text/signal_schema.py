"""The shapes of the signal data files (cue files and the context file), validated at load.

Split from ``signal_lexicon``, which compiles what these describe into one automaton.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal, get_args

import pydantic

from collectguard.text.normalize import normalize

__all__ = [
    "SIGNAL_TYPES",
    "ContextFile",
    "CueEntry",
    "CueFile",
    "Guard",
    "Lang",
    "Marker",
    "OthersStory",
    "Release",
    "Scope",
    "SignalType",
    "ToldAsOver",
    "norm_word",
]


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """A data word as the detector reads replies: normalised like them (cached: words repeat)."""
    return normalize(word).text


SignalType = Literal[
    "anger",
    "distress_self_harm",
    "complaint_intent",
    "dispute",
    "cease_request",
    "hardship",
    "installment_request",
    "attorney",
]
#: the signal types in their canonical order (reports list them so)
SIGNAL_TYPES: tuple[str, ...] = get_args(SignalType)
Lang = Literal["zh", "en"]


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class CueEntry(_Strict):
    p: str = pydantic.Field(min_length=1, description="pattern: (a|b), {class}, … for a gap")
    c: float = pydantic.Field(ge=0.05, le=1.0, description="confidence: how directly it says so")
    scope: str | None = None
    subject: Literal["self", "third_person"] | None = None
    #: a ``requires`` list of the context file: the cue counts only when one of its words is in the reply
    needs: str | None = None
    note: str | None = None


class CueFile(_Strict):
    version: str
    lang: Lang
    gap: int = pydantic.Field(ge=1, le=40, description="characters allowed between the parts of a …")
    classes: dict[str, list[str]] = {}
    signals: dict[SignalType, list[CueEntry]]


class Guard(_Strict):
    phrase: str = pydantic.Field(min_length=1)
    signals: list[SignalType]
    #: the guard may hold a later part of a crisis cue whole (楼顶…跳 in 楼顶旁边的跳楼机), so that the cue must
    #: complete without it; other guards hide a crisis cue only when they reach from its start to its last part
    parts: bool = False

    @pydantic.model_validator(mode="after")
    def _parts_of_crisis_cues(self) -> Guard:
        if self.parts and "distress_self_harm" not in self.signals:
            raise ValueError("parts: only a crisis guard may hold a part of a crisis cue")
        return self


class Scope(_Strict):
    scope: str
    kind: Literal["place", "channel"]
    words: list[str]


class Marker(_Strict):
    window: dict[Lang, int]
    words: dict[Lang, list[str]]
    factor: float = pydantic.Field(gt=0.0, le=1.0)
    exceptions: list[str] = []
    suppress: list[SignalType] = []
    #: read over the sentence, up to a first-person word between it and the cue: "同事被裁了" is the
    #: colleague's, "同事说我被裁了" the borrower's
    until_self: bool = False
    #: read over the clause only, even with ``until_self``: a cousin who is a reporter in one clause does
    #: not make the screenshots the borrower keeps in the next someone else's
    clause_only: bool = False
    #: words in the cue's sentence by which the borrower joins in: the marker does not hold
    #: ("我同事要去投诉你们，我也要去", "me and my cousin reported you")
    joined: dict[Lang, list[str]] = {}


class Release(_Strict):
    phrase: str = pydantic.Field(min_length=1)
    signals: list[SignalType]
    # only the signals said before the phrase ("去年被裁…现在进了新厂了"): a hardship named after
    # it ("现在上班了工资也只有两千，真的还不起") is a hardship of today
    before_only: bool = False
    # only a third person's signals said before the phrase: "我大舅要去投诉你们…别理他"
    third_person_only: bool = False
    # with ``third_person_only``: a signal is a third person's too when one is named anywhere before it, not only as its
    # subject (a relative's trouble told in many shapes: 我外婆住院了, "my nan passed last week, just back from the
    # funeral"); not for a complaint or anger, where 我老公说我要投诉 is the borrower's own
    named_before: bool = False
    # a ``requires`` list: where one of its words is in the reply, the phrase takes nothing back (截图发你了
    # reports a payment, but 截图发你了，怎么还在催 protests the chase: the dispute stands)
    yields_to: str | None = None

    @pydantic.field_validator("signals")
    @classmethod
    def _never_crisis(cls, value: list[str]) -> list[str]:
        if "distress_self_harm" in value:
            raise ValueError("a crisis cue is never released by other words in the reply")
        return value

    @pydantic.model_validator(mode="after")
    def _named_with_third(self) -> Release:
        if self.named_before and not self.third_person_only:
            raise ValueError("named_before widens third_person_only and needs it")
        return self


class ToldAsOver(_Strict):
    """A crisis or a hardship told as past and over ("去年我是真不想活了…现在好多了"): the stretch
    from the start of a sentence with a past-time word to the end of the first recovery phrase
    after that word. A cue after the recovery phrase is one of today and counts."""

    signals: list[SignalType] = pydantic.Field(min_length=1)
    past: list[str] = pydantic.Field(min_length=1)
    recovered: list[str] = pydantic.Field(min_length=1)


class OthersStory(_Strict):
    """Someone else's story retold (a show, the news): from its marker to the end of the sentence,
    when the borrower does not speak of themself in that stretch."""

    words: dict[Lang, list[str]]
    # besides the borrower's first-person words (``ContextFile.first_person``), the words that take the
    # story as the borrower's own (也想, "the same", "we")
    taken_as_own: dict[Lang, list[str]]
    # whole phrases of being moved by the story ("我看哭了", "cried my eyes out"): their first-person
    # words say how the borrower felt watching, not that the story is theirs
    reactions: dict[Lang, list[str]] = {}
    # words right before the marker that make the story the borrower's own ("拍了个视频", "i made a video")
    own: dict[Lang, list[str]] = {}

    @pydantic.field_validator("taken_as_own", "reactions", "own")
    @classmethod
    def _normalised(cls, value: dict[Lang, list[str]]) -> dict[Lang, list[str]]:
        """Matched as written against the normalised reply, so kept in that form (Traditional, full-width and capitals folded)."""
        return {lang: [norm_word(word) for word in words] for lang, words in value.items()}


class ContextFile(_Strict):
    version: str
    #: word classes a marker's exceptions and joined words may name, as {people}
    classes: dict[str, list[str]] = {}
    clause_breaks: str
    sentence_breaks: str
    quote_pairs: list[str]
    quote_factor: float = pydantic.Field(gt=0.0, le=1.0)
    negation: Marker
    conditional: Marker
    third_person: Marker
    collector_speech: Marker
    #: in the collector's words quoted back, before a clause break: the next clause is still the quote, its
    #: consequence (你说再不还钱，我今天就去派出所报案); otherwise a clause the borrower opens with a first-person
    #: word is their own answer (你们威胁我说要上门，我现在就去公安局)
    quote_runs_on: list[str] = []
    #: first-person words that in a quote are the collector's (我们: 你们说不还，我们就请律师)
    quote_not_own: list[str] = []
    #: more markers read before a cue, each removing the signals it names (差点报警, 看别人投诉)
    suppressors: dict[str, Marker] = {}
    #: a marker right AFTER a cue that takes it back ("投诉？不至于", "报警？不用不用")
    retraction: Marker | None = None
    guards: list[Guard]
    #: phrases anywhere in a reply that drop a signal type from it ("不是说你们" after 气死我了)
    releases: list[Release] = []
    # right before a release phrase: it is denied, not said (这不是开玩笑, 不是气话)
    release_negators: list[str] = []
    #: a reply that is only one of these words is a text opt-out ("STOP", "退订", "TD")
    opt_out_replies: list[str] = []
    told_as_over: ToldAsOver | None = None
    others_story: OthersStory | None = None
    #: the borrower speaking of themself, by which a cue after a third person is the borrower's own
    #: ("他说我不想活了"); ``first_person_exceptions`` start like one and are not (咱们, "we")
    first_person: dict[Lang, list[str]]
    first_person_exceptions: list[str] = []
    #: word lists a cue may need in the same reply (``needs``): 已经还了 disputes only a contested record
    requires: dict[str, dict[Lang, list[str]]] = {}
    scopes: list[Scope]

    @pydantic.field_validator("first_person", "first_person_exceptions")
    @classmethod
    def _as_read(cls, value: Any) -> Any:
        """Matched as written against the normalised reply, so kept in that form."""
        if isinstance(value, dict):
            return {lang: [norm_word(word) for word in words] for lang, words in value.items()}
        return [norm_word(word) for word in value]

    @pydantic.model_validator(mode="after")
    def _crisis_never_taken_back(self) -> ContextFile:
        """算了 and 不用管我 after 想死 are resignation, not retraction: no marker read around a
        cue may drop a crisis signal (the retraction's factor is not applied to it either)."""
        markers = dict(self.suppressors)
        if self.retraction is not None:
            markers["retraction"] = self.retraction
        for name, marker in markers.items():
            if "distress_self_harm" in marker.suppress:
                raise ValueError(f"{name}: a crisis cue is never suppressed by other words in the reply")
        return self
