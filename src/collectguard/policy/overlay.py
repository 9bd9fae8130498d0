"""Company overlays: a pack may be tightened, never loosened below the law.

Each kind knows what "tighter" means for its parameters; a change that loosens any
of them is refused at load time with the rule and field named.
"""

from __future__ import annotations

from typing import Any

import pydantic

from collectguard.errors import DataFileError, OverlayLoosensError
from collectguard.policy.pack import RulePack, _compile
from collectguard.policy.schema import OverlayFile, RuleSpec

#: how much history a cap's scope counts; a narrower scope counts fewer attempts
_SCOPE_BREADTH = {"account": 0, "number": 1}


def _loosens(kind: str, field: str, old: Any, new: Any) -> bool:
    """True when replacing ``old`` by ``new`` would allow something the base denies."""
    if field == "start":
        return bool(new < old)
    if field == "end":
        return bool(new > old)
    if field == "consent_overrides":
        return bool(new and not old)
    if field in ("limit",):
        return bool(new > old)
    if field == "failed_attempts":
        return bool(new < old)  # fewer failures needed = emergency contacts reached sooner
    if field == "days":
        return bool(new < old)
    if field == "window":
        return any(
            (new.get(k) or 0) < (old.get(k) or 0) or (old.get(k) is None) != (new.get(k) is None)
            for k in ("calendar_days", "rolling_minutes")
        )
    if field == "scope":
        # counting over the number includes the account's own attempts: widening tightens
        return bool(_SCOPE_BREADTH[new] < _SCOPE_BREADTH[old])
    if field in ("states", "parties", "channels"):
        return not set(old) <= set(new)
    # what is counted, what triggers a wait, the mode of a restriction: any change may loosen
    return bool(new != old)


def _tighten(base: RuleSpec, change: Any, source: str) -> RuleSpec:
    data = base.model_dump(mode="json")
    if change.enabled is False:
        raise OverlayLoosensError(
            f"{source}: rule {base.id} field enabled: an overlay may not disable a rule", field="enabled"
        )
    for name, value in change.params.items():
        data["params"][name] = value
    if change.applies is not None:
        data["applies"].update(change.applies)
    for name in ("message_zh", "message_en"):
        if getattr(change, name):
            data[name] = getattr(change, name)
    try:
        new = type(base).model_validate(data)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise DataFileError(f"{source}: rule {base.id} field {field}: {err['msg']}", field=field) from exc
    old_params, new_params = base.params.model_dump(mode="json"), new.params.model_dump(mode="json")
    for name in change.params:
        if _loosens(base.kind, name, old_params.get(name), new_params.get(name)):
            raise OverlayLoosensError(
                f"{source}: rule {base.id} field params.{name}: {new_params.get(name)!r} is looser than the pack's "
                f"{old_params.get(name)!r}; an overlay may only tighten",
                field=f"params.{name}",
            )
    if change.applies is not None:
        for name in ("parties", "channels"):
            if _loosens(base.kind, name, getattr(base.applies, name), getattr(new.applies, name)):
                raise OverlayLoosensError(
                    f"{source}: rule {base.id} field applies.{name}: an overlay may only widen what a rule covers",
                    field=f"applies.{name}",
                )
    return new


def apply_overlay(base: RulePack, overlay: OverlayFile, source: str) -> RulePack:
    by_id = {r.id: r for r in base.rules}
    name = f"{base.name}+{overlay.overlay}"
    version = f"{base.version}+{overlay.version}"
    rules = {r.id: r for r in base.rules}
    for change in overlay.changes:
        if change.id not in by_id:
            raise DataFileError(
                f"{source}: rule {change.id} field id: the base pack {base.name} has no such rule", field="id"
            )
        rules[change.id] = _compile(_tighten(by_id[change.id].spec, change, source), name, version)
    for spec in overlay.add:
        if spec.id in rules:
            raise DataFileError(
                f"{source}: rule {spec.id} field id: already in {base.name}; use changes", field="id"
            )
        rules[spec.id] = _compile(spec, name, version)
    return RulePack(
        name=name,
        version=version,
        title_zh=overlay.title_zh or base.title_zh,
        title_en=overlay.title_en or base.title_en,
        rules=tuple(rules.values()),
        content_rules=base.content_rules,
        sources=base.sources,
        base=base.name,
        timezones=base.timezones,
    )
