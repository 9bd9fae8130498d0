"""Find borrower signals: one automaton pass over normalised text, then small context rules.

Why context rules and not more phrases: "我不会投诉", "如果再打我就投诉", "他说要跳楼" and
"你们说让我去死" use the same cue words with different meanings. A negator just before a
cue removes most signals; a conditional, a quotation or the collector's words quoted back
lower confidence; a third person before the cue marks the subject. Self-harm is never
removed by the words around a cue — only made less confident — because a missed crisis cue
is the worst error this system can make. Three stretches of a reply hold no crisis cue at all,
each bounded so that a crisis of today stays one: a harmless idiom the cue lies entirely
inside (累死了), a crisis told as past *and* over (a past-time word, then a recovery phrase
after the cue), and someone else's story retold (the news, a show) in a sentence where the
borrower does not speak of themself.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field, replace

from collectguard.errors import ValidationError
from collectguard.model.contact import complement
from collectguard.policy.transitions import ONLY
from collectguard.text.normalize import Normalized, normalize
from collectguard.text.signal_context import Context
from collectguard.text.signal_dialect import read_dialect
from collectguard.text.signal_idioms import blanked, inside, shipped_idioms
from collectguard.text.signal_lexicon import PARTS, Cue, Lexicon, shipped_lexicon
from collectguard.text.signal_model import model_crisis, model_signal, shipped_model
from collectguard.text.signal_release import RELEASES, live, released
from collectguard.text.signal_time import joined_end, quiet_hours
from collectguard.text.signal_types import Signal
from collectguard.text.signal_weak import weak_crisis

_LANGS = ("zh", "en")


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(slots=True)
class Hits:
    """What the automaton found, sorted by position because it reports matches by end."""

    firsts: list[tuple[int, int, tuple[int, ...]]] = field(default_factory=list)
    chains: list[tuple[int, int, dict[str, tuple[int, ...]]]] = field(default_factory=list)
    starts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    markers: dict[str, list[tuple[int, int, str]]] = field(default_factory=lambda: defaultdict(list))
    guards: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    held: list[tuple[int, int]] = field(default_factory=list)  # the guards marked parts (Guard.parts)
    scopes: list[tuple[int, int, int, str, str]] = field(default_factory=list)


_CUE_ROLES = frozenset({"first", "chain", "later"})


def scan(text: str, lexicon: Lexicon, cue_text: str | None = None) -> Hits:
    """Every key of the lexicon in ``text``; with ``cue_text`` (``text`` read into Mandarin, as long as
    it), the cue phrases are looked for there and the context words (negators, guards, releases,
    scopes) in ``text`` as written: 唔 is no negator, 都过去咗 tells nothing as over."""
    hits = Hits()
    if cue_text is None or cue_text == text:
        _scan(text, lexicon, hits, None)
    else:
        _scan(text, lexicon, hits, False)
        _scan(cue_text, lexicon, hits, True)
    return hits


def _scan(text: str, lexicon: Lexicon, hits: Hits, cues: bool | None) -> None:
    """Add the hits of ``text`` to ``hits``: of cue roles only (``cues`` True), of the others (False) or all."""
    n = len(text)
    for end_index, (key, roles) in lexicon.automaton.iter(text):
        start = end_index - len(key) + 1
        end = end_index + 1
        # latin words match whole words only: "sue" must not fire inside "issue"
        if _word_char(key[0]) and start > 0 and _word_char(text[start - 1]):
            continue
        if _word_char(key[-1]) and end < n and _word_char(text[end]):
            continue
        for role, values in roles.items():
            if cues is not None and (role in _CUE_ROLES) != cues:
                continue
            if role == "first":
                hits.firsts.append((start, end, values))
            elif role == "chain":
                hits.chains.append((start, end, values))
            elif role == "later":
                hits.starts[key].append(start)
            elif role == "guard":
                hits.guards.append((start, end, values))
                if PARTS in values:
                    hits.held.append((start, end))
            elif role == "scope":
                hits.scopes.extend((start, end, rank, name, kind) for rank, name, kind in values)
            elif role.endswith("_exception"):
                hits.markers[role].append((start, end, ""))
            else:
                hits.markers[role].extend((start, end, lang) for lang in values)


@dataclass(slots=True)
class Quiet:
    """Stretches of a reply in which cues do not count: idioms (累死了) for crisis cues, a crisis
    or hardship told as past and over for those types, someone else's story for every type."""

    idioms: list[tuple[int, int]]
    over: list[tuple[int, int]]
    over_types: frozenset[str]
    others: list[tuple[int, int]]

    @classmethod
    def of(cls, context: Context, lexicon: Lexicon, idioms: list[tuple[int, int]]) -> Quiet:
        spec = lexicon.context.told_as_over
        over = context.told_as_over() if spec is not None and "over_recovered" in context.hits.markers else []
        others = context.others_stories() if "story" in context.hits.markers else []
        return cls(idioms, over, frozenset(spec.signals if spec else ()), others)

    def holds(self, signal: str, start: int, end: int) -> bool:
        if signal == "distress_self_harm" and inside(self.idioms, start, end):
            return True
        if signal in self.over_types and inside(self.over, start, end):
            return True
        return inside(self.others, start, end)

    def stories(self, signal: str) -> list[tuple[int, int]]:
        """Where a recall layer must not look for its signal's words (besides idioms, which only
        crisis skips): what is told as over for that signal, and someone else's story."""
        over = self.over if signal in self.over_types else []
        return over + self.others


def _complete(cue: Cue, start: int, end: int, hits: Hits) -> int | None:
    """End of a multi-part cue whose first part ends at ``end``, or None when a part is missing.

    A later part of a crisis cue that a ``parts`` guard holds whole (楼顶…跳 in 楼顶旁边的跳楼机, 明天…打不通 in
    明天换号，旧号就打不通) is no part: the cue completes with a later one (楼顶坐完跳楼机我就跳) or not at all.
    """
    held = hits.held if cue.signal == "distress_self_harm" else []  # any other cue a guard hides whole
    for part in cue.parts[1:]:
        starts = hits.starts.get(part, [])
        i = bisect.bisect_left(starts, end)
        while held and i < len(starts) and inside(held, starts[i], starts[i] + len(part)):
            i += 1
        if i == len(starts) or starts[i] > end + cue.gap:
            return None
        end = starts[i] + len(part)
    return end


def _guarded(cue: Cue, start: int, end: int, hits: Hits) -> bool:
    """A guard over the cue hides it; a crisis cue of parts (楼顶…跳) only if the guard reaches its last
    (a ``parts`` guard that holds a later part whole has already kept it out of the cue: ``_complete``)."""
    signal = cue.signal
    if signal == "distress_self_harm" and len(cue.parts) > 1:
        last = end - len(cue.parts[-1])
        return any(gs <= start <= last < ge and signal in kinds for gs, ge, kinds in hits.guards)
    return any(gs < end and start < ge and signal in kinds for gs, ge, kinds in hits.guards)


def _present(markers: list[tuple[int, int, str]] | None, lang: str) -> bool:
    return markers is not None and any(marker_lang == lang for _, _, marker_lang in markers)


def _started(hits: Hits) -> list[tuple[int, int, int]]:
    """(start, end of first part, cue index) for every cue whose parts all occur in the text."""
    out = [(start, end, index) for start, end, indices in hits.firsts for index in indices]
    for start, end, by_second in hits.chains:
        for second in hits.starts.keys() & by_second.keys():
            out.extend((start, end, index) for index in by_second[second])
    return out


def _candidates(
    context: Context, hits: Hits, lexicon: Lexicon, lang: str | None, quiet: Quiet
) -> list[Signal]:
    """Signals of the cues found, but none inside what ``quiet`` holds for the cue's type."""
    found: list[Signal] = []
    # in reading order, so that a negator a found cue holds is spent before the cues after it are read
    for start, first_end, index in sorted(_started(hits)):
        cue = lexicon.cues[index]
        if lang is not None and cue.lang != lang:
            continue
        end = first_end if len(cue.parts) == 1 else _complete(cue, start, first_end, hits)
        if end is None or _guarded(cue, start, end, hits):
            continue
        if cue.needs is not None and not _present(hits.markers.get(f"need:{cue.needs}"), cue.lang):
            continue
        if quiet.holds(cue.signal, start, end):
            continue
        confidence = context.confidence(cue, start, end)
        if confidence is None:
            continue
        context.spend(start, end if len(cue.parts) == 1 else first_end)
        o_start, o_end = context.norm.to_original(start, end)
        scope, hours, days = (
            _scope(context, cue, start, end) if cue.signal == "cease_request" else (None, (), ())
        )
        found.append(
            Signal(
                type=cue.signal,
                start=o_start,
                end=o_end,
                confidence=confidence,
                evidence=context.norm.original[o_start:o_end],
                subject=cue.subject or context.subject(start),
                scope=scope,
                cue=cue.pattern,
                hours=hours,
                days=days,
            )
        )
    return found


def _scope(
    context: Context, cue: Cue, start: int, end: int
) -> tuple[str | None, tuple[tuple[str, str], ...], tuple[int, ...]]:
    """What a cease request is limited to: a place it names, else the hours attached to it
    ("早上10点前别打": not before ten, not never) on the weekdays it names (周末别打: the weekend), else
    a channel or nothing."""
    # the clause of the refusal, and of its end when its words run past a 、 (不要在早上9点前、晚上8点后打电话),
    # and the items a 、 lists before it (周六、周日别打, 早上9点前、晚上8点后别打)
    lo, hi = context.clause(start)[0], context.clause(max(start, end - 1))[1]
    while lo > 1 and context.text[lo - 1] == "、":
        lo = context.clause(lo - 2)[0]
    # and a clause joined on after a comma adds to it, stop words and all ("don't call me on sundays, or on
    # saturdays"; "…, or at any time really"); one that allows a day ("…, and monday is fine") refuses it too
    hi = joined_end(context.text, hi, context.clause)
    if cue.scope == "allowed":  # 只能在下午6点后联系我, "only call after 6pm": the hours named stay open
        named = quiet_hours(context.text, lo, hi, start, end)
        # hours kept open only on some days (只能周末下午打) leave the other days closed: a stop
        if named is None or named.days or named.day:
            return "call", (), ()
        return "hours", complement(named.windows), ()
    if cue.scope == "only":  # "text me only", 只接受短信和电话: the channels named are the ones kept
        kept = context.kept_channels(start, end)
        return (ONLY + "+".join(kept) if kept else None), (), ()
    named = None if cue.scope == "all" else quiet_hours(context.text, lo, hi, start, end)
    if named is None:
        return context.scope(cue, start, end), (), ()
    if named.day:  # 不要在上班时间或者周末打电话, "don't text me after 9pm or on sundays": every day
        channel = context.scope(cue, start, end)
        return (channel if channel is not None and channel not in context.places else "call"), (), ()
    # a place word inside the hours (上班 in 上班时间) names a time; the cue's own place is read only
    # when its words name no hours (上班时间别打 is hours, 别打到我单位 a place)
    scope = context.scope(cue, start, end, hours=named.spans, default=False)
    if scope is None and not any(a < end and start < b for a, b in named.spans):
        scope = cue.scope  # 晚上别给我老娘打: the cue's own place, with hours beside it
    if scope in context.places:
        return scope, (), ()
    return "hours", named.windows, tuple(sorted(named.days))


def _merge(found: list[Signal]) -> tuple[Signal, ...]:
    """One signal per overlapping run of the same type: the most confident, then the longest."""
    by_type: dict[str, list[Signal]] = defaultdict(list)
    for sig in found:
        by_type[sig.type].append(sig)
    kept: list[Signal] = []
    for sigs in by_type.values():
        sigs.sort(key=lambda s: (s.start, -s.end))
        group: list[Signal] = []
        group_end = -1
        for sig in sigs:
            if group and sig.start >= group_end:
                kept.extend(_best(group))
                group, group_end = [], -1
            group.append(sig)
            group_end = max(group_end, sig.end)
        if group:
            kept.extend(_best(group))
    kept.sort(key=lambda s: (s.start, s.end, s.type))
    return tuple(kept)


def _best(group: list[Signal]) -> list[Signal]:
    best = max(group, key=lambda s: (s.confidence, s.end - s.start, -s.start))
    if best.scope != "hours":
        return [best]
    # overlapping readings of the same refusal keep every window any of them read (别在早上8点前打电话。
    # 还有晚上9点以后也别打: the surest reading holds the second sentence only); readings on other days
    # are kept beside it, one signal for each set of days
    by_days: dict[tuple[int, ...], list[Signal]] = {best.days: [best]}
    for s in group:
        if s.scope == "hours" and s is not best:
            by_days.setdefault(s.days, []).append(s)
    kept = []
    for readings in by_days.values():  # the surest reading's days first, then the others in text order
        windows = tuple(sorted({w for s in readings for w in s.hours}))
        first = readings[0]
        kept.append(first if windows == first.hours else replace(first, hours=windows))
    return kept


def _opted_out(norm: Normalized, lexicon: Lexicon) -> Signal | None:
    """A reply that is nothing but an opt-out keyword ("STOP", "退订") stops text messages."""
    word = norm.text.strip(_OPT_OUT_STRIP)
    if len(word) > _OPT_OUT_LONGEST or word not in lexicon.opt_outs:
        return None
    return Signal(
        type="cease_request",
        start=0,
        end=len(norm.original),
        confidence=0.9,
        evidence=norm.original,
        scope="sms",
        cue="opt-out keyword",
    )


_OPT_OUT_STRIP = " .!?,。~"
_OPT_OUT_LONGEST = 16


def detect(
    text: str, *, lang: str | None = None, lexicon: Lexicon | None = None, weak: bool = True
) -> tuple[Signal, ...]:
    """Signals in a borrower's reply, sorted by position; an empty tuple means ``neutral``.

    ``lang`` (``zh`` or ``en``) limits the cue lexicons used; None uses both, since replies
    mix languages. Offsets index ``text`` itself. ``weak`` adds the recall layers: for crisis
    when no crisis cue phrase matched, combinations of weak cues (:mod:`signal_weak`), then the
    crisis model; for anger when no anger cue matched, the anger model (:mod:`signal_model`).
    """
    if not isinstance(text, str):
        raise ValidationError("text must be a string", field="text")
    if lang is not None and lang not in _LANGS:
        raise ValidationError(f"unknown language {lang!r}; use zh, en or none", field="lang")
    lexicon = lexicon or shipped_lexicon()
    norm = normalize(text)
    # the cue phrases read dialect words as Mandarin (唔想活 as 不想活); the context words, the models and the
    # weak cues read the reply as written
    hits = scan(norm.text, lexicon, read_dialect(norm.text))
    idioms = shipped_idioms().spans(norm.text)
    if hits.firsts or hits.chains or "story" in hits.markers or "over_recovered" in hits.markers:
        context = Context(norm, hits, lexicon.context)
        quiet = Quiet.of(context, lexicon, idioms)
        found = _candidates(context, hits, lexicon, lang, quiet)
    else:
        quiet, found = Quiet(idioms, [], frozenset(), []), []
    markers = hits.markers
    if found and any(key.partition("|")[0] in RELEASES for key in markers):
        found = released(found, hits.markers, norm)
    opt_out = _opted_out(norm, lexicon)
    if opt_out is not None:
        found.append(opt_out)
    if weak:
        found += _recall_layers(norm, hits, quiet, found)
    return _merge(found) if found else ()


def _recall_layers(norm: Normalized, hits: Hits, quiet: Quiet, others: list[Signal]) -> list[Signal]:
    """The weak-cue and model layers of a signal no cue found (crisis, then anger). A guarded
    phrase (跳楼价, 最后一次逾期, 鸡飞狗跳) is harmless to them too, and so is an idiom to crisis
    (气死我了 stays anger); what is told as over, or someone else's story, is not the borrower's."""
    extra: list[Signal] = []
    have = {s.type for s in others}
    # a reply that takes its anger back, or a third person's ("不是说你们", "我老公…别理他"), is not
    # the borrower's anger, whatever a model reads in its words
    taken_back = {kind for role in RELEASES for _, _, kind in live(hits.markers, role)}
    for signal in ("distress_self_harm", "anger"):
        if signal in have or signal in taken_back:
            continue
        if signal == "anger" and _explained(norm.original, others):  # "stop calling": no tone left to read
            continue
        harmless = [(gs, ge) for gs, ge, kinds in hits.guards if signal in kinds]
        stories = quiet.stories(signal)
        if signal == "distress_self_harm":
            plain = blanked(norm, [*quiet.idioms, *harmless])
            weak_text = blanked(plain, stories) if stories else plain
            found = weak_crisis(weak_text) or model_crisis(plain, unread=stories)
        else:
            plain = blanked(norm, harmless)
            found = model_signal(plain, shipped_model("anger"), unread=stories)
        if found is not None:
            extra.append(found)
    return extra


#: the share of a reply's letters that other signals' cues may cover before the anger model has
#: nothing of its own left to read
_EXPLAINED = 0.6


def _explained(text: str, found: list[Signal]) -> bool:
    """Whether cues of other signals cover most of the reply ("stop calling", "别再打了"): the anger
    model learned those words as anger's company, and would read the request itself as tone."""
    covered: set[int] = set()
    for s in found:
        if s.origin == "cue":
            covered.update(i for i in range(s.start, s.end) if text[i].isalnum())
    letters = sum(ch.isalnum() for ch in text)
    return letters > 0 and len(covered) >= _EXPLAINED * letters
