"""Rule packs: load a data file once, validate it with positions, compile it for the engine."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic

from collectguard.datafile import read_yaml
from collectguard.errors import DataFileError, UnknownRulePackError, ValidationError
from collectguard.model import Channel, PartyRole
from collectguard.policy.kinds import EVALUATORS, Evaluator
from collectguard.policy.schema import ContentRule, FrequencyCapRule, OverlayFile, PackFile, RuleSpec

#: a calendar-day window starts at a local midnight, up to one local day (23 to 25 hours, more
#: in a few zones' history) before the instant asked about: one spare day covers every zone
_CALENDAR_MARGIN = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    spec: RuleSpec
    pack: str
    pack_version: str
    evaluate: Evaluator
    parties: frozenset[str]
    channels: frozenset[str]

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True, slots=True)
class RulePack:
    """A validated, compiled pack (or a pack with a company overlay applied)."""

    name: str
    version: str
    title_zh: str
    title_en: str
    rules: tuple[CompiledRule, ...]
    content_rules: tuple[ContentRule, ...]
    sources: tuple[str, ...] = ()
    base: str | None = None
    #: candidate borrower zones when an account's zone is unknown
    timezones: tuple[str, ...] = ()
    #: (party role, channel) -> the rules that look at such an attempt, computed once
    _targets: dict[tuple[str, str], tuple[CompiledRule, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for role in PartyRole:
            for channel in Channel:
                self._targets[(role, channel)] = tuple(
                    r for r in self.rules if role in r.parties and channel in r.channels
                )

    def rules_for(self, role: str, channel: str) -> tuple[CompiledRule, ...]:
        """The rules that apply to an attempt on ``role`` by ``channel``."""
        return self._targets.get((role, channel), ())

    @classmethod
    def load(cls, source: str | Path) -> RulePack:
        """Load a shipped pack by name (``cn``) or a pack or overlay file by path."""
        return load_pack(source)

    def rule(self, rule_id: str) -> CompiledRule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownRulePackError(f"pack {self.name} has no rule {rule_id}", field="rule")

    def content_rule(self, category: str) -> ContentRule | None:
        return next((r for r in self.content_rules if r.category == category), None)


def number_lookback(packs: Iterable[RulePack]) -> timedelta | None:
    """How far before a decision's instant the caps scoped to the number (``scope: number``) of
    ``packs`` can look: the longest such window, or None when no cap counts the number.

    Other accounts' attempts on the number feed only those caps, so a reader of the linked
    history needs nothing older, and nothing at all without such a cap. A decision's
    ``next_allowed_at`` only looks later, where the windows start later still.
    """
    spans = []
    for pack in packs:
        for rule in pack.rules:
            spec = rule.spec
            if not isinstance(spec, FrequencyCapRule) or spec.params.scope != "number":
                continue
            window = spec.params.window
            if window.rolling_minutes is not None:
                spans.append(timedelta(minutes=window.rolling_minutes))
            elif window.calendar_days is not None:
                spans.append(timedelta(days=window.calendar_days) + _CALENDAR_MARGIN)
    return max(spans, default=None)


def number_channels(packs: Iterable[RulePack]) -> frozenset[Channel]:
    """The channels the caps scoped to the number of ``packs`` count: other accounts' attempts on
    any other channel feed no rule, so a reader of the linked history may leave them out."""
    return frozenset(
        channel
        for pack in packs
        for rule in pack.rules
        if isinstance(rule.spec, FrequencyCapRule) and rule.spec.params.scope == "number"
        for channel in rule.spec.params.count.channels
    )


def _packs_dir() -> Path:
    return Path(str(resources.files("collectguard") / "data" / "packs"))


def shipped_pack_names() -> list[str]:
    return sorted(p.stem for p in _packs_dir().glob("*.yaml"))


def _describe(path: Path, data: Any, exc: pydantic.ValidationError) -> DataFileError:
    """Turn pydantic's error into 'file, rule id (rules[3]), field params.end: why'."""
    first = exc.errors()[0]
    loc = list(first["loc"])
    where = ""
    if len(loc) >= 2 and loc[0] in ("rules", "add", "changes") and isinstance(loc[1], int):
        entries = data.get(loc[0]) if isinstance(data, dict) else None
        entry_id = (
            entries[loc[1]].get("id", "?")
            if isinstance(entries, list) and isinstance(entries[loc[1]], dict)
            else "?"
        )
        where = f" rule {entry_id} ({loc[0]}[{loc[1]}])"
        loc = [p for p in loc[2:] if not (isinstance(p, str) and p.endswith("Rule"))]
        if loc and loc[0] in EVALUATORS:  # pydantic puts the discriminator value in the path
            loc = loc[1:]
    field = ".".join(str(p) for p in loc) or "(file)"
    return DataFileError(f"{path.name}:{where} field {field}: {first['msg']}", field=field)


def _compile(spec: RuleSpec, pack: str, version: str) -> CompiledRule:
    return CompiledRule(
        spec=spec,
        pack=pack,
        pack_version=version,
        evaluate=EVALUATORS[spec.kind],
        parties=frozenset(str(p) for p in spec.applies.parties),
        channels=frozenset(str(c) for c in spec.applies.channels),
    )


def _from_file(path: Path) -> RulePack:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    if "overlay" in data:
        from collectguard.policy.overlay import apply_overlay

        try:
            overlay = OverlayFile.model_validate(data)
        except pydantic.ValidationError as exc:
            raise _describe(path, data, exc) from exc
        return apply_overlay(load_pack(overlay.base), overlay, path.name)
    try:
        spec = PackFile.model_validate(data)
    except pydantic.ValidationError as exc:
        raise _describe(path, data, exc) from exc
    return pack_from_spec(spec)


def pack_from_spec(spec: PackFile) -> RulePack:
    return RulePack(
        name=spec.pack,
        version=spec.version,
        title_zh=spec.title_zh,
        title_en=spec.title_en,
        rules=tuple(_compile(r, spec.pack, spec.version) for r in spec.rules if r.enabled),
        content_rules=spec.content_rules,
        sources=spec.sources,
        timezones=spec.timezones,
    )


def load_pack(source: str | Path | RulePack) -> RulePack:
    """A shipped pack by name, or a file by path; unknown names raise UnknownRulePackError."""
    if isinstance(source, RulePack):
        return source
    if not isinstance(source, str | Path):
        raise ValidationError(
            f"a rule pack is a name or a file path, not {type(source).__name__}", field="rulepack"
        )
    text = str(source)
    if text.endswith((".yaml", ".yml")) or "/" in text:
        path = Path(text)
        if not path.exists():
            raise UnknownRulePackError(f"rule pack file {text} does not exist", field="rulepack")
        return _from_file(path)
    return _shipped(text)


@lru_cache(maxsize=32)
def _shipped(name: str) -> RulePack:
    path = _packs_dir() / f"{name}.yaml"
    if not path.exists():
        known = ", ".join(shipped_pack_names())
        raise UnknownRulePackError(f"unknown rule pack {name!r}; shipped packs: {known}", field="rulepack")
    return _from_file(path)


def load_packs(
    sources: Sequence[str | Path | RulePack] | str | Path | RulePack,
) -> tuple[RulePack, ...]:
    """Several packs (names, paths or loaded packs); every rule of every pack applies."""
    items: Sequence[str | Path | RulePack] = (
        [sources] if isinstance(sources, str | Path | RulePack) else sources
    )
    if not items:
        raise UnknownRulePackError("at least one rule pack is needed", field="rulepack")
    return tuple(load_pack(s) for s in items)


def never_contact_rule(pack: RulePack) -> ContentRule | None:
    """The pack's rule that forbids any contact with an undesignated third party, as a content rule
    (a message that reaches such a person breaks it, whatever its words)."""
    for rule in pack.rules:
        spec = rule.spec
        if (
            spec.kind == "party_restriction"
            and spec.params.mode == "never"  # type: ignore[union-attr]
            and "third_party" in rule.parties
        ):
            return ContentRule(
                id=spec.id,
                category="contact_third_party",
                citation=spec.citation,
                message_zh=spec.message_zh,
                message_en=spec.message_en,
            )
    return None
