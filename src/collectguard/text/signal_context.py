"""Context rules around a cue: negation, conditionals, quotation, reported speech, subject, scope.

Each rule looks only at a short window before the cue inside its clause or sentence, so
they stay cheap and predictable: a reviewer can tell from the data file why a cue counted
less or not at all.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from collectguard.text.normalize import Normalized
from collectguard.text.signal_lexicon import Cue, context_markers
from collectguard.text.signal_release import live
from collectguard.text.signal_schema import ContextFile, Lang

if TYPE_CHECKING:
    from collectguard.text.signal_detect import Hits

#: what may stand between a cue and the words that take it back: "投诉？不至于", "报警?? 不用"
_RETRACTION_GAP = set(" ?!,.~…。")
_LATIN_WORD = re.compile(r"[a-z0-9']+")


T = TypeVar("T")
#: (what is derived, id of a context file) -> (the file, the derived value); a lexicon lives for the process
_DERIVED: dict[tuple[str, int], tuple[ContextFile, Any]] = {}


def _per_file(spec: ContextFile, derive: Callable[[ContextFile], T]) -> T:
    """``derive(spec)``, computed once per context file (pydantic models do not hash)."""
    key = (derive.__name__, id(spec))
    cached = _DERIVED.get(key)
    if cached is None or cached[0] is not spec:
        cached = _DERIVED[key] = (spec, derive(spec))
    return cast(T, cached[1])


def _windows(spec: ContextFile) -> dict[str, dict[str, int]]:
    """Each marker's window by language."""
    return _per_file(spec, _marker_windows)


def _marker_windows(spec: ContextFile) -> dict[str, dict[str, int]]:
    return {name: {str(k): v for k, v in m.window.items()} for name, m in context_markers(spec).items()}


def _story_own_words(spec: ContextFile) -> dict[str, frozenset[str]]:
    """By language, the words that make a retold story the borrower's own: their first-person words and
    the words that take the story as theirs (``others_story.taken_as_own``)."""
    extra = spec.others_story.taken_as_own if spec.others_story is not None else {}
    return {
        lang: frozenset((*spec.first_person.get(lang, []), *extra.get(lang, []))) for lang in ("zh", "en")
    }


def _first_person(spec: ContextFile) -> tuple[re.Pattern[str], frozenset[str]]:
    """The borrower's words for themself: a Chinese pattern and the English words."""
    return _per_file(spec, _first_person_words)


def _first_person_words(spec: ContextFile) -> tuple[re.Pattern[str], frozenset[str]]:
    words = sorted(spec.first_person.get("zh", []), key=len, reverse=True)
    unless = "".join(f"(?!{re.escape(w)})" for w in spec.first_person_exceptions)
    zh = re.compile(unless + "(?:" + "|".join(map(re.escape, words)) + ")" if words else r"(?!x)x")
    return zh, frozenset(spec.first_person.get("en", []))


#: what joins two channels kept together (短信和电话, text or email, 微信/短信)
_JOINED = re.compile(r"\s*(?:me\s+)?(?:和|或|或者|与|及|跟|还有|、|/|&|and|or|,|，)\s*")
# two Chinese characters side by side: a space typed between them ends a clause
_CJK = re.compile(r"[\u4e00-\u9fff]{2}")
#: what keeps a later cue under a negator spent before it: a gap that joins them ("or", 或, nor)
_OR_GAP = re.compile(r"\s*(?:or\b|nor\b|或|也不|和)", re.IGNORECASE)
#: what says the later cue apart: a space or a mark in Chinese; a mark or a new subject in English
_APART_ZH = re.compile(r"[\s,，。.!！?？;；、~]")
_APART_EN = re.compile(r"[,.;!?]|\b(?:i|i've|i'm|i'll|i'd|we|we've|you|my)\b", re.IGNORECASE)
_LATIN = re.compile(r"[a-zA-Z]")
_WORD = re.compile(r"[\w']+")
_NEW_SUBJECT_EN = re.compile(
    r"\b(?:and|but|so)\s+(?:i|i'm|i've|i'll|my|we|we're|we've|our|me)\b", re.IGNORECASE
)


class Context:
    """The context of one reply; built once, asked about every cue found in it."""

    def __init__(self, norm: Normalized, hits: Hits, spec: ContextFile) -> None:
        self.norm = norm
        self.text = norm.text
        self.hits = hits
        self.spec = spec
        text = self.text
        # a full stop ends an English sentence when a space follows ("I don't owe this. Do not call"),
        # never inside "3.5" or "e.g."
        stops = (
            [i for i, ch in enumerate(text) if ch == "." and text[i + 1 : i + 2] in (" ", "")]
            if "." in text
            else []
        )
        # a colon between digits is a clock time (10:30), not a clause break
        self._clause_breaks = [
            i
            for i, ch in enumerate(text)
            if ch in spec.clause_breaks
            and not (ch == ":" and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
        ]
        self._sentence_breaks = [i for i, ch in enumerate(text) if ch in spec.sentence_breaks]
        if stops:
            self._clause_breaks = sorted(self._clause_breaks + stops)
            self._sentence_breaks = sorted(self._sentence_breaks + stops)
        self._windows = _windows(spec)
        self.places = frozenset(s.scope for s in spec.scopes if s.kind == "place")
        self._markers: dict[str, list[tuple[int, int, str]]] = {}  # filled on first use
        # the negators a found cue holds (不想 of 不想活), each with where that cue ends
        self._spent: dict[tuple[int, int], int] = {}
        self._has_quotes = any(ch in norm.original for pair in spec.quote_pairs for ch in pair)

    def _live_markers(self, name: str) -> list[tuple[int, int, str]]:
        """Markers of ``name`` not covered by one of its exceptions (不得不 is not a negation)."""
        live = self._markers.get(name)
        if live is None:
            exceptions = self.hits.markers.get(f"{name}_exception", [])
            live = [
                (s, e, lang)
                for s, e, lang in self.hits.markers.get(name, [])
                if not any(xs < e and s < xe for xs, xe, _ in exceptions)
            ]
            self._markers[name] = live
        return live

    @staticmethod
    def _bounds(breaks: list[int], pos: int, n: int) -> tuple[int, int]:
        i = bisect.bisect_left(breaks, pos)
        start = breaks[i - 1] + 1 if i > 0 else 0
        end = breaks[i] if i < len(breaks) else n
        return start, end

    def _before(self, name: str, start: int, *, sentence: bool) -> tuple[int, int, str] | None:
        """The nearest marker of ``name`` ending at most its window before ``start``, same clause."""
        breaks = self._sentence_breaks if sentence else self._clause_breaks
        lo, _ = self._bounds(breaks, start, len(self.text))
        window = self._windows[name]
        best = None
        for ms, me, lang in self._live_markers(name):
            if name == "negation" and (
                self._spent_before(ms, me, start) or self._new_subject(me, start, lang)
            ):
                continue
            if me <= start and ms >= lo and start - me <= window.get(lang, 0):
                best = (ms, me, lang) if best is None or ms > best[0] else best
        return best

    def confidence(self, cue: Cue, start: int, end: int) -> float | None:
        """The cue's confidence after context, or None when context removes the signal."""
        spec = self.spec
        value = cue.confidence
        if self._before("negation", start, sentence=False):
            if cue.signal in spec.negation.suppress:
                return None
            value *= spec.negation.factor
        quoted = self._before("collector_speech", start, sentence=True)
        if quoted and not self._own_clause_between(quoted, start):
            if cue.signal in spec.collector_speech.suppress:
                return None
            value *= spec.collector_speech.factor
        if self._before("conditional", start, sentence=True):
            value *= spec.conditional.factor
        for name, marker in spec.suppressors.items():
            if cue.signal not in marker.suppress:
                continue
            found = self._before(
                f"suppressor:{name}", start, sentence=marker.until_self and not marker.clause_only
            )
            if found is None or (marker.until_self and self._self_between(found, start)):
                continue
            if not self._joined(f"suppressor:{name}:joined", start):
                return None
        # 想死。算了，不说了: after a crisis cue, 算了 is resignation, not a retraction
        if spec.retraction is not None and cue.signal != "distress_self_harm" and self._retracted(end):
            if cue.signal in spec.retraction.suppress:
                return None
            value *= spec.retraction.factor
        if self._quoted(start):
            value *= spec.quote_factor
        return round(max(value, 0.05), 2)

    def spend(self, start: int, end: int) -> None:
        """The negators inside a cue found from ``start`` to ``end`` belong to it: 不想 of 不想活 negates
        nothing said apart after it (不想活 别再打了 asks to stop as well), nor "isn't" of "this isn't my debt"
        the lawyer of "and I've got a lawyer"."""
        for ms, me, _ in self._live_markers("negation"):
            if start <= ms and me <= end:
                self._spent.setdefault((ms, me), end)

    def _spent_before(self, ms: int, me: int, start: int) -> bool:
        """Whether the negator at ``ms``-``me`` was spent by a cue that ends before ``start``, with the words
        between said apart: after a space or a mark, or in English with a new subject, between or opening the
        later cue ("…my debt and I've got a lawyer", "…and my lawyer sent you"); never over "or" or 或 ("not my
        debt or my lawyer's problem" denies both)."""
        used = self._spent.get((ms, me))
        if used is None or start < used:
            return False
        gap = self._gap(used, start, head=False)
        if _OR_GAP.match(gap):
            return False
        if not _LATIN.search(gap):
            return _APART_ZH.search(gap) is not None
        # the later cue may open with its own subject ("not my debt and my lawyer already sent you…")
        return _APART_EN.search(self._gap(used, start)) is not None

    def _new_subject(self, me: int, start: int, lang: str) -> bool:
        """In English, "and", "but" or "so" and a new subject between a negator and the cue at ``start``, or
        opening it: the cue is said apart ("I won't pay and my attorney filed a dispute")."""
        return lang == "en" and me < start and _NEW_SUBJECT_EN.search(self._gap(me, start)) is not None

    def _gap(self, end: int, start: int, head: bool = True) -> str:
        """The original text from normalised ``end`` to the cue at ``start`` (as typed, as ``scope`` reads it: the
        normaliser drops a space between two Chinese characters), with the cue's first word when ``head``."""
        original = self.norm.original
        gap = original[self.norm.ends[end - 1] : self.norm.starts[start]]
        word = _WORD.match(original, self.norm.starts[start]) if head else None
        return gap + (word.group() if word else "")

    def _joined(self, name: str, start: int) -> bool:
        """Whether a word of ``name`` stands in the sentence of the cue at ``start``."""
        lo, hi = self._bounds(self._sentence_breaks, start, len(self.text))
        return any(lo <= ms and me <= hi for ms, me, _ in self.hits.markers.get(name, ()))

    def _retracted(self, end: int) -> bool:
        """A retraction right after the cue, with only punctuation between ("报警？不用不用"). In English
        a mark must stand between ("a lawyer? nah"): "nah" straight after a request is a Caribbean
        softener ("lemme pay it in three parts nah"), not a no."""
        for ms, _, lang in self._live_markers("retraction"):
            window = self._windows["retraction"].get(lang, 0)
            gap = self.text[end:ms]
            if end <= ms <= end + window and set(gap) <= _RETRACTION_GAP and (lang != "en" or gap.strip()):
                return True
        return False

    def _quoted(self, start: int) -> bool:
        """Inside an open quotation in the original text (quotes do not survive normalisation)."""
        if not self._has_quotes:
            return False
        o_start, _ = self.norm.to_original(start, start + 1)
        original = self.norm.original
        lo = max(original.rfind(ch, 0, o_start) for ch in "。！？!?\n") + 1
        before = original[lo:o_start]
        for pair in self.spec.quote_pairs:
            if len(pair) == 1:
                if before.count(pair) % 2 == 1:
                    return True
            elif before.rfind(pair[0]) > before.rfind(pair[1]):
                return True
        return False

    def told_as_over(self) -> list[tuple[int, int]]:
        """Stretches told as past and over: from the start of a sentence with a past-time word to
        the end of the first recovery phrase after that word ("去年…不想活了，…现在好多了",
        "Used to get panic attacks over these letters. Not anymore")."""
        # a recovery denied is none ("I'm still not back on my feet", 还没缓过来)
        recovered = sorted((ms, me) for ms, me, _ in live(self.hits.markers, "over_recovered"))
        out = []
        for ps, pe, _ in self.hits.markers.get("over_past", []):
            ends = [me for ms, me in recovered if ms >= pe]
            if ends:
                out.append((self._bounds(self._sentence_breaks, ps, len(self.text))[0], ends[0]))
        return out

    def others_stories(self) -> list[tuple[int, int]]:
        """Someone else's story retold ("看新闻说有人被逼得跳楼", "that documentary about the guy
        who jumped"): from its marker to the end of the sentence, unless the borrower speaks of
        themself anywhere in that stretch ("那个剧看得我也想死" stays a crisis)."""
        spec = self.spec.others_story
        if spec is None:
            return []
        out = []
        own_words = _per_file(self.spec, _story_own_words)
        for ms, me, lang in self.hits.markers.get("story", []):
            key: Lang = "en" if lang == "en" else "zh"
            own = spec.own.get(key, [])
            if any(self.text.endswith(word, 0, ms) or self.text.endswith(word + " ", 0, ms) for word in own):
                continue
            end = self._bounds(self._sentence_breaks, me, len(self.text))[1]
            rest = self.text[me:end]
            for reaction in spec.reactions.get(key, []):
                rest = rest.replace(reaction, " ")
            mine = own_words[key]
            if lang == "en":
                speaks = not set(_LATIN_WORD.findall(rest)).isdisjoint(mine)
            else:  # 阿拉伯 is no 阿拉: the words that only start like a first person are read out first
                for word in self.spec.first_person_exceptions:
                    rest = rest.replace(word, " ")
                speaks = any(word in rest for word in mine)
            if not speaks:
                out.append((ms, end))
        return out

    def subject(self, start: int) -> str:
        """``third_person`` when a third person comes before the cue with no 我/I in between."""
        marker = self._before("third_person", start, sentence=True)
        if marker is None or self._self_between(marker, start):
            return "self"
        return "third_person"

    def _own_clause_between(self, marker: tuple[int, int, str], start: int) -> bool:
        """Whether a clause opening with the borrower's own first-person word lies between the
        collector's quoted words and the cue: 你们威胁我说要上门，我现在就去公安局 answers the threat.
        Chinese only: an English quote runs on through its own clauses ("you said, if I paid 50 now, I could
        get a plan"); the quote runs on past a condition too (a ``conditional`` word, or ``quote_runs_on``:
        再不还), and 我们 in it is the collector's "we" (``quote_not_own``)."""
        if marker[2] != "zh":
            return False
        zh, _ = _first_person(self.spec)
        runs_on, not_own = self.spec.quote_runs_on, tuple(self.spec.quote_not_own)
        lo = bisect.bisect_left(self._clause_breaks, marker[1])
        hi = bisect.bisect_left(self._clause_breaks, start)
        for brk in self._clause_breaks[lo:hi]:
            quote = self.text[marker[1] : brk]
            if not quote.strip(' ,，:："“”'):
                continue  # 你们说，我… : the quote itself, opened after its verb
            if any(word in quote for word in runs_on) or any(
                marker[1] <= cs and ce <= brk for cs, ce, _ in self._live_markers("conditional")
            ):
                return False
            head = self.text[brk + 1 : start].lstrip()
            if zh.match(head) and not head.startswith(not_own):
                return True
        return False

    def _self_between(self, marker: tuple[int, int, str], start: int) -> bool:
        """Whether the borrower speaks of themself between a marker and the cue at ``start``."""
        between = self.text[marker[1] : start]
        zh, en = _first_person(self.spec)
        if marker[2] == "zh":
            return zh.search(between) is not None
        return not en.isdisjoint(_LATIN_WORD.findall(between))

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause of normalised text that holds ``pos``."""
        return self._bounds(self._clause_breaks, pos, len(self.text))

    def kept_channels(self, start: int, end: int) -> list[str]:
        """The channels a request for one channel only keeps: those named inside it, and those a
        conjunction joins to them in its clause (只接受短信和电话, "text or email only")."""
        lo, hi = self.clause(start)
        words = sorted(
            (ss, se, name)
            for ss, se, _, name, kind in self.hits.scopes
            if kind == "channel" and lo <= ss and se <= hi
        )
        kept = {i for i, (ss, se, _) in enumerate(words) if start <= ss and se <= end}
        grown = bool(kept)
        while grown:
            grown = False
            for i, j in itertools.pairwise(range(len(words))):
                if (i in kept) != (j in kept) and _JOINED.fullmatch(self.text, words[i][1], words[j][0]):
                    kept |= {i, j}
                    grown = True
        return sorted({words[i][2] for i in kept})

    def scope(
        self, cue: Cue, start: int, end: int, *, hours: tuple[tuple[int, int], ...] = (), default: bool = True
    ) -> str | None:
        """Channel or place a cease request is limited to: a place word in the clause first. A word
        inside one of the ``hours`` spans named (上班 in 上班时间) names a time, not a place; without
        ``default`` the cue's own scope is not read when the clause names none."""
        if cue.scope == "all":  # "只接受书面沟通" stops everything, whatever else the clause names
            return None
        lo, hi = self._bounds(self._clause_breaks, start, len(self.text))
        # a reply typed without punctuation ends its clauses with spaces: 别打了 发短信 asks for texts
        # instead of calls, it does not stop them (what comes before the refusal still names its
        # scope: 我单位 别再打了)
        norm, text = self.norm, self.text
        for i in range(end, hi):  # end > start >= lo: i - 1 is in the clause
            if _CJK.match(text, i - 1, i + 1) and " " in norm.original[norm.ends[i - 1] : norm.starts[i]]:
                hi = i
                break
        best: tuple[int, int, int, str] | None = None
        for ss, se, rank, name, kind in self.hits.scopes:
            if ss < lo or se > hi or any(a <= ss and se <= b for a, b in hours):
                continue
            distance = ss - end if ss >= end else start - se if se <= start else 0
            key = (0 if kind == "place" else 1, max(distance, 0), rank, name)
            if best is None or key < best:
                best = key
        return best[3] if best else cue.scope if default else None
