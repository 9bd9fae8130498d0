"""Signal lexicons and context words: data files validated at load, compiled into one automaton.

Cue phrases (``data/signals/cues.*.yaml``) say *what* a reply may mean; the context file
(``data/signals/context.yaml``) holds the small words that change it: negators, conditionals,
third persons, the collector's own words quoted back, guard phrases that make an alarming
word harmless (跳楼价, "kill myself laughing"), and the words that name a channel or place.
Every string is put through :func:`normalize` before it enters the automaton, so the
lexicons only ever need the canonical spelling.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import yaml

from collectguard.errors import DataFileError
from collectguard.text.multimatch import Matcher
from collectguard.text.signal_dialect import read_dialect
from collectguard.text.signal_patterns import PatternError, expand
from collectguard.text.signal_pinyin import pinyin_forms
from collectguard.text.signal_schema import (
    ContextFile,
    CueFile,
    Marker,
    norm_word,
)


@dataclass(frozen=True, slots=True)
class Cue:
    signal: str
    parts: tuple[str, ...]
    confidence: float
    lang: str
    gap: int
    scope: str | None
    subject: str | None
    pattern: str
    needs: str | None = None


#: among a guard's values beside its signals: it may hold a later part of a crisis cue (``Guard.parts``)
PARTS = "parts"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything :func:`detect` needs, compiled once per process."""

    automaton: Matcher[tuple[str, dict[str, Any]]]  # key -> (key, roles)
    cues: tuple[Cue, ...]
    context: ContextFile
    versions: tuple[str, ...]
    opt_outs: frozenset[str] = frozenset()  # normalised opt-out replies


def _data_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "signals"))


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from exc


def _validate(model: type[pydantic.BaseModel], path: Path, data: Any) -> Any:
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{path.name}: field {field}: {first['msg']}", field=field) from exc


#: how "you" is written in texts and in the US South: report you, report y'all, report u
_YOU = ("you", "y'all", "yall", "u")


def spellings(part: str) -> list[str]:
    """The ways English is written in the wild: don't, don’t, dont, do n't (tokenised), and
    y'all or u for you."""
    if "you" in part and "you" in part.split():
        words = part.split()
        forms = {
            " ".join(you if w == "you" else w for w in words) for you in _YOU
        }  # every "you" of a part spelt the same way
        return sorted({f for form in forms for f in _contractions(form)})
    return _contractions(part)


def _contractions(part: str) -> list[str]:
    if "'" not in part:
        return [part]
    forms = {part, part.replace("'", "’"), part.replace("n't", " n't"), part.replace("'", "")}
    return sorted(forms)


#: an entry with more readings than this is a product of word classes; its readings get no pinyin
#: (people type short set phrases in pinyin, and the forms would multiply the automaton)
PINYIN_MAX_READINGS = 256


def _variants(parts: tuple[str, ...], pinyin: bool) -> list[tuple[str, ...]]:
    """The spellings a cue reading is matched in: contractions, and pinyin for a one-part Chinese cue."""
    normalised = [read_dialect(norm_word(p)) for p in parts]  # as the cue scan reads replies
    found = list(itertools.product(*(spellings(p) for p in normalised)))
    if pinyin and len(normalised) == 1:
        # pinyin forms are already canonical: lower-case latin with single spaces
        found += [(form,) for form in pinyin_forms(normalised[0])]
    return list(dict.fromkeys(found))


def load_cue_file(path: Path) -> tuple[CueFile, list[Cue]]:
    spec: CueFile = _validate(CueFile, path, _read(path))
    cues: list[Cue] = []
    for signal, entries in spec.signals.items():
        for i, entry in enumerate(entries):
            try:
                readings = expand(entry.p, spec.classes)
            except PatternError as exc:
                where = f"signals.{signal}[{i}].p"
                raise DataFileError(f"{path.name}: entry {entry.p!r}: {exc}", field=where) from exc
            pinyin = spec.lang == "zh" and len(readings) <= PINYIN_MAX_READINGS
            for parts in readings:
                for variant in _variants(parts, pinyin):
                    if all(variant):
                        cues.append(
                            Cue(
                                signal,
                                variant,
                                entry.c,
                                spec.lang,
                                spec.gap,
                                entry.scope,
                                entry.subject,
                                entry.p,
                                entry.needs,
                            )
                        )
    return spec, cues


def _guard_readings(
    phrase: str,
    path: Path,
    index: int,
    key: str = "guards",
    field: str = ".phrase",
    classes: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[str, ...]]:
    where = f"{key}[{index}]{field}"
    try:
        readings = expand(phrase, classes or {})
    except PatternError as exc:
        raise DataFileError(f"{path.name}: {key} {phrase!r}: {exc}", field=where) from exc
    if any(len(r) != 1 for r in readings):
        raise DataFileError(f"{path.name}: {key} {phrase!r} may not use a gap", field=where)
    return readings


def context_markers(context: ContextFile) -> dict[str, Marker]:
    """Every marker of the context file by the role its words take in the automaton."""
    markers: dict[str, Marker] = {
        name: getattr(context, name)
        for name in ("negation", "conditional", "third_person", "collector_speech")
    }
    markers.update({f"suppressor:{name}": marker for name, marker in context.suppressors.items()})
    if context.retraction is not None:
        markers["retraction"] = context.retraction
    return markers


def load_context(path: Path) -> ContextFile:
    return _validate(ContextFile, path, _read(path))  # type: ignore[no-any-return]


def build(cue_paths: list[Path], context_path: Path) -> Lexicon:
    """Compile cue files and the context file into one automaton keyed by normalised strings."""
    context = load_context(context_path)
    cues: list[Cue] = []
    versions = [f"context {context.version}"]
    for path in cue_paths:
        spec, found = load_cue_file(path)
        cues.extend(found)
        versions.append(f"{path.name} {spec.version}")
    roles: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    chains: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, cue in enumerate(cues):
        if len(cue.parts) == 1:
            roles[cue.parts[0]]["first"].append(index)
        else:
            # multi-part cues are keyed by their second part, so a text only pays for the
            # cues whose next part it actually contains
            chains[cue.parts[0]][cue.parts[1]].append(index)
        for part in cue.parts[1:]:
            roles[part]["later"].append(index)

    def mark(phrase: str, role: str, *values: Any) -> None:
        """Register every spelling of ``phrase`` under ``role`` (a context word, not a cue)."""
        for form in spellings(norm_word(phrase)):
            roles[form][role].extend(values)

    for name, marker in context_markers(context).items():
        for lang, words in marker.words.items():
            for word in words:
                mark(word, name, lang)
        for lang, words in marker.joined.items():  # alternatives allowed, as in a guard
            for i, word in enumerate(words):
                for (reading,) in _guard_readings(
                    word, context_path, i, f"{name}.joined.{lang}", "", context.classes
                ):
                    mark(reading, f"{name}:joined", lang)
        for i, exception in enumerate(marker.exceptions):  # alternatives allowed, as in a guard
            for (word,) in _guard_readings(
                exception, context_path, i, f"{name}.exceptions", "", context.classes
            ):
                mark(word, f"{name}_exception", True)
    for i, guard in enumerate(context.guards):
        for (phrase,) in _guard_readings(guard.phrase, context_path, i):
            mark(phrase, "guard", *guard.signals, *((PARTS,) if guard.parts else ()))
    for i, release in enumerate(context.releases):
        role = (
            "release_named"
            if release.named_before
            else "release_third"
            if release.third_person_only
            else "release_before"
            if release.before_only
            else "release"
        )
        if release.yields_to is not None:  # read only where no word of that list is in the reply
            if release.yields_to not in context.requires:
                raise DataFileError(
                    f"release yields to {release.yields_to!r}, not a list under requires",
                    field=f"releases[{i}]",
                )
            role += f"|{release.yields_to}"
        for (phrase,) in _guard_readings(release.phrase, context_path, i, "releases"):
            mark(phrase, role, *release.signals)
    for word in context.release_negators:
        mark(word, "release_negator", "")
    for name, by_lang in context.requires.items():
        for lang, words in by_lang.items():
            for i, word in enumerate(words):
                for (reading,) in _guard_readings(word, context_path, i, f"requires.{name}.{lang}", ""):
                    mark(reading, f"need:{name}", lang)
    for cue in cues:
        if cue.needs is not None and cue.needs not in context.requires:
            raise DataFileError(
                f"cue {cue.pattern!r} needs {cue.needs!r}, which {context_path.name} does not list under requires",
                field="needs",
            )
    if context.told_as_over is not None:
        for key in ("past", "recovered"):
            for i, phrase in enumerate(getattr(context.told_as_over, key)):
                for (reading,) in _guard_readings(phrase, context_path, i, f"told_as_over.{key}", ""):
                    mark(reading, f"over_{key}", "")
    if context.others_story is not None:
        for lang, words in context.others_story.words.items():
            for word in words:
                mark(word, "story", lang)
    for rank, scope in enumerate(context.scopes):
        for word in scope.words:
            roles[norm_word(word)]["scope"].append((rank, scope.scope, scope.kind))
    for first, by_second in chains.items():
        roles[first]["chain"] = {second: tuple(ix) for second, ix in by_second.items()}  # type: ignore[assignment]
    automaton = Matcher(
        (key, (key, {k: (v if isinstance(v, dict) else tuple(v)) for k, v in value.items()}))
        for key, value in roles.items()
    )
    opt_outs = frozenset(norm_word(word) for word in context.opt_out_replies)
    return Lexicon(automaton, tuple(cues), context, tuple(versions), opt_outs)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon shipped with the package, built once per process."""
    folder = _data_dir()
    return build(sorted(folder.glob("cues.*.yaml")), folder / "context.yaml")
