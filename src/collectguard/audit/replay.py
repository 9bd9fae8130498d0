"""Audit one partition: replay each account's contacts through the live engine.

Per account, rows are taken in time order; each is decided by
``collectguard.policy.decide`` against the history before it (its outcome unknown
at decision time, as it was live) and then added to that history with its outcome
*whether it was allowed or not*, because it happened. There is no second
implementation of any rule here. This function is what both engines run, so it
takes and returns only plain, picklable values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from collectguard.audit.schema import CHANGE_COLUMNS, LIST_SEPARATOR, VIOLATION_COLUMNS
from collectguard.audit.screening import DEFAULT_SCREENER, Screen, load_screen
from collectguard.model import (
    Account,
    AccountState,
    Attempt,
    Channel,
    Decision,
    LocalWindow,
    Outcome,
    PartyRole,
)
from collectguard.policy import History, RulePack, decide, load_packs
from collectguard.policy.localtime import zone

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ROLES = {r.value: r for r in PartyRole}
_CHANNELS = {c.value: c for c in Channel}
_OUTCOMES = {o.value: o for o in Outcome}
_LIST_COLUMNS = {"evidence", "added", "removed"}
_INT_COLUMNS = {"row", "start", "end"}


@dataclass(frozen=True, slots=True)
class PartitionTask:
    index: int
    source: str
    out: str
    packs: tuple[str, ...]
    compare: tuple[str, ...] = ()
    screen: bool = True
    screener: str = DEFAULT_SCREENER


@dataclass(frozen=True, slots=True)
class PartitionResult:
    index: int
    rows: int
    violations: int
    changes: int
    screened: int
    screening_available: bool
    contacts_by_day: dict[str, int] = field(default_factory=dict)
    contacts_by_agency: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _packs(sources: tuple[str, ...]) -> tuple[RulePack, ...]:
    return load_packs(list(sources))


@lru_cache(maxsize=4)
def _screen(sources: tuple[str, ...], screener: str) -> Screen | None:
    """One screener per process: loading lexicons and models is the slow part."""
    return load_screen(sources, _packs(sources), screener)


def _items(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(LIST_SEPARATOR) if part.strip()]


@lru_cache(maxsize=4096)
def _account(
    account_id: str,
    zones: str,
    states: str | None,
    suppressed: str | None = None,
    opted_out: str | None = None,
    consent: str | None = None,
    quiet: str | None = None,
) -> Account:
    opted = (item.rsplit(":", 1) for item in _items(opted_out))
    hours = (item.split(":", 1) for item in _items(quiet))
    return Account(
        id=account_id,
        timezones=tuple(_items(zones)),
        states=frozenset(AccountState(s) for s in _items(states)),
        suppressed_parties=frozenset(_items(suppressed)),
        opted_out=frozenset((party, _CHANNELS[channel]) for party, channel in opted),
        consent_windows=tuple(LocalWindow.from_text(w) for w in _items(consent)),
        quiet_windows=frozenset((party, LocalWindow.from_text(window)) for party, window in hours),
    )


class _Sink:
    """Columnar records of one kind, written once as the partition's Parquet file."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        self.data: dict[str, list[Any]] = {c: [] for c in columns}
        self.count = 0

    def add(self, record: dict[str, Any]) -> None:
        for column in self.columns:
            self.data[column].append(record.get(column))
        self.count += 1

    def write(self, path: Path) -> None:
        schema = {
            c: pl.List(pl.String) if c in _LIST_COLUMNS else pl.Int64 if c in _INT_COLUMNS else pl.String
            for c in self.columns
        }
        pl.DataFrame(self.data, schema=schema).write_parquet(path)


def audit_partition(task: PartitionTask) -> PartitionResult:
    """Decide, screen and compare every row of one partition; write its findings."""
    packs = _packs(task.packs)
    # a content finding names its rule; the pack that holds that rule says which pack flagged it
    content_pack = {c.id: (p.name, p.version) for p in packs for c in p.content_rules}
    compare = _packs(task.compare) if task.compare else None
    screen: Screen | None = None
    screen_loaded = not task.screen  # loaded on the first text, so a log without text never needs it
    frame = pl.read_parquet(f"{task.source}/*.parquet", hive_partitioning=False).sort(
        "account_id", "ts", "row"
    )
    cols = {name: frame.get_column(name).to_list() for name in frame.columns}
    del frame
    violations, changes = _Sink(VIOLATION_COLUMNS), _Sink(CHANGE_COLUMNS)
    by_day: Counter[str] = Counter()
    by_agency: Counter[str] = Counter()
    screened = 0
    history = History()
    current = None
    for i in range(len(cols["row"])):
        account_id = cols["account_id"][i]
        if account_id != current:
            current, history = account_id, History()
        account = _account(
            account_id,
            cols["timezone"][i],
            cols["states"][i],
            cols["suppressed_parties"][i],
            cols["opted_out"][i],
            cols["consent_windows"][i],
            cols["quiet_hours"][i],
        )
        role = _ROLES[cols["party_role"][i]]
        at = _EPOCH + timedelta(microseconds=cols["ts"][i])
        attempt = Attempt(
            at=at,
            party_role=role,
            channel=_CHANNELS[cols["channel"][i]],
            party_id=cols["party_id"][i],
            collector_id=cols["collector_id"][i],
            agency_id=cols["agency_id"][i],
        )
        decision = decide(packs, account, history, attempt)
        local = at.astimezone(zone(account.timezone))
        day = local.date().isoformat()
        by_day[day] += 1
        by_agency[cols["agency_id"][i] or ""] += 1
        base = _contact(cols, i, local, day) if decision.denials or cols["text"][i] or compare else {}
        for denial in decision.denials:
            violations.add(
                {
                    **base,
                    "rule": denial.rule_id,
                    "pack": denial.pack,
                    "pack_version": denial.pack_version,
                    "kind": denial.kind,
                    "citation": denial.citation,
                    "evidence": [t.astimezone(local.tzinfo).isoformat() for t in denial.evidence],
                }
            )
        text = cols["text"][i]
        if text and not screen_loaded:
            screen, screen_loaded = _screen(task.packs, task.screener), True
        if screen is not None and text:
            screened += 1
            for found in screen(text, role):
                violations.add(
                    {
                        **base,
                        "rule": found.rule,
                        "pack": content_pack.get(found.rule, ("", ""))[0],
                        "pack_version": content_pack.get(found.rule, ("", ""))[1],
                        "category": found.category,
                        "kind": "content",
                        "citation": found.citation,
                        "severity": found.severity,
                        "start": found.start,
                        "end": found.end,
                    }
                )
        if compare is not None:
            _compare(changes, base, decision, decide(compare, account, history, attempt))
        outcome = cols["outcome"][i]
        history.add(attempt.with_outcome(_OUTCOMES[outcome]) if outcome else attempt)
    out = Path(task.out)
    violations.write(out / f"violations-{task.index:05d}.parquet")
    if compare is not None:
        changes.write(out / f"changes-{task.index:05d}.parquet")
    return PartitionResult(
        index=task.index,
        rows=len(cols["row"]),
        violations=violations.count,
        changes=changes.count,
        screened=screened,
        screening_available=screen is not None or not task.screen or not screen_loaded,
        contacts_by_day=dict(by_day),
        contacts_by_agency=dict(by_agency),
    )


def _contact(cols: dict[str, list[Any]], i: int, local: datetime, day: str) -> dict[str, Any]:
    return {
        "row": cols["row"][i],
        "account_id": cols["account_id"][i],
        "party_role": cols["party_role"][i],
        "party_id": cols["party_id"][i],
        "channel": cols["channel"][i],
        "outcome": cols["outcome"][i],
        "started_at": cols["started_at"][i],
        "local_time": local.isoformat(),
        "day": day,
        "collector_id": cols["collector_id"][i],
        "agency_id": cols["agency_id"][i],
    }


def _compare(changes: _Sink, base: dict[str, Any], before: Decision, after: Decision) -> None:
    was, now = set(before.rules), set(after.rules)
    if was == now:
        return
    if before.allowed and not after.allowed:
        change = "newly_denied"
    elif after.allowed and not before.allowed:
        change = "newly_allowed"
    else:
        change = "rules_changed"
    changes.add({**base, "change": change, "added": sorted(now - was), "removed": sorted(was - now)})


__all__ = ["PartitionResult", "PartitionTask", "audit_partition"]
