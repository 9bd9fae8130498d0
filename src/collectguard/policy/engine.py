"""The contact-permission engine: a pure function of packs, account, history and attempt.

No clock and no I/O: the attempt carries its own instant. Every rule of every pack is
evaluated in every candidate zone of the borrower; the decision lists each rule that
denies, and ``next_allowed_at`` is the earliest instant at which *all* of them allow
again with the same history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from collectguard.model import Account, Attempt, Decision, Denial
from collectguard.policy.history import History
from collectguard.policy.kinds import Block
from collectguard.policy.localtime import zone
from collectguard.policy.pack import CompiledRule, RulePack

#: a guard against a pathological pack whose rules keep handing the instant on
_MAX_ROUNDS = 64


def _applicable(packs: Sequence[RulePack], attempt: Attempt) -> list[CompiledRule]:
    return [rule for pack in packs for rule in pack.rules_for(attempt.party_role, attempt.channel)]


def _blocks(
    rules: Iterable[CompiledRule], account: Account, attempt: Attempt, history: History, at: datetime
) -> list[tuple[CompiledRule, Block]]:
    found: dict[str, tuple[CompiledRule, Block]] = {}
    for tz_name in account.timezones:
        tz = zone(tz_name)
        for rule in rules:
            block = rule.evaluate(rule.spec, account, attempt, history, at, tz)
            if block is None:
                continue
            key = f"{rule.pack}:{rule.id}"
            previous = found.get(key)
            if previous is None or _later(block.until, previous[1].until):
                found[key] = (rule, block)
    return list(found.values())


def _later(a: datetime | None, b: datetime | None) -> bool:
    if a is None:
        return b is not None
    return b is not None and a > b


def decide(packs: Sequence[RulePack], account: Account, history: History, attempt: Attempt) -> Decision:
    """Decide ``attempt`` at its own instant against ``history`` (attempts already made)."""
    rules = _applicable(packs, attempt)
    blocks = _blocks(rules, account, attempt, history, attempt.at)
    if not blocks:
        return Decision(allowed=True)
    local = zone(account.timezone)
    denials = tuple(
        sorted((_denial(rule, block, local) for rule, block in blocks), key=lambda d: (d.rule_id, d.pack))
    )
    return Decision(
        allowed=False,
        denials=denials,
        next_allowed_at=_next_allowed(rules, account, history, attempt, blocks),
    )


def _next_allowed(
    rules: list[CompiledRule],
    account: Account,
    history: History,
    attempt: Attempt,
    blocks: list[tuple[CompiledRule, Block]],
) -> datetime | None:
    """Jump to the latest instant any denying rule names, re-check, repeat.

    Every instant before that jump is denied by the rule that named it, so the first
    instant at which nothing denies is the earliest allowed one.
    """
    for _ in range(_MAX_ROUNDS):
        untils = [block.until for _, block in blocks]
        if any(u is None for u in untils):
            return None
        at = max(u for u in untils if u is not None)
        blocks = _blocks(rules, account, attempt, history, at)
        if not blocks:
            return at.astimezone(zone(account.timezone))
    return None


def _denial(rule: CompiledRule, block: Block, tz: ZoneInfo) -> Denial:
    spec = rule.spec
    return Denial(
        rule_id=spec.id,
        pack=rule.pack,
        pack_version=rule.pack_version,
        kind=spec.kind,
        citation=spec.citation,
        confidence=spec.confidence,
        message_zh=spec.message_zh,
        message_en=spec.message_en,
        next_allowed_at=block.until.astimezone(tz) if block.until else None,
        evidence=block.evidence,
    )
