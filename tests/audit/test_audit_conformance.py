"""The contact engine's conformance cases, laid out as one log per pack set, on both engines.

Each case becomes an account: its history rows, then the attempt row; the account's
states, suppressed parties, opt-outs and consent windows go into the optional columns
of every row. The attempt row must carry exactly the rules the case expects (none when
allowed). A case with ``linked`` history is not laid out: the log carries no phone to link
accounts by, so the audit counts caps on the number per account (README, batch audit);
``test_linked_cases_are_not_audited`` reports each one as skipped with that reason.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from audit_logs import write_log

from collectguard.audit import EngineOptions
from collectguard.model.contact import window_text

conformance_cases = pytest.importorskip("conformance_cases")

_DEFAULT_OUTCOME = {"call": "no_answer"}


def _row(account_id: str, account: dict[str, Any], attempt: dict[str, Any]) -> dict[str, Any]:
    zones = account.get("timezone") or account.get("timezones")
    return {
        "account_id": account_id,
        # no zone: an empty cell, and the packs' candidate zones apply
        "timezone": zones if isinstance(zones, str) else ";".join(zones or []),
        "party_role": attempt["party"],
        "party_id": attempt.get("party_id", ""),
        "channel": attempt["channel"],
        "outcome": attempt.get("outcome") or _DEFAULT_OUTCOME.get(attempt["channel"], "delivered"),
        "started_at": attempt["at"],
        "states": ";".join(account.get("states", [])),
        "suppressed_parties": ";".join(account.get("suppressed_parties", [])),
        "opted_out": ";".join(f"{o['party_id']}:{o['channel']}" for o in account.get("opted_out", [])),
        "consent_windows": ";".join(f"{w['start']}-{w['end']}" for w in account.get("consent_windows", [])),
        "quiet_hours": ";".join(
            f"{w['party_id']}:{window_text(w['start'], w['end'], w.get('days', []))}"
            for w in account.get("quiet_hours", [])
        ),
    }


def _logs() -> dict[tuple[str, ...], tuple[list[dict[str, Any]], dict[int, Any]]]:
    """Per pack set: the log rows, and the attempt rows with their case."""
    logs: dict[tuple[str, ...], tuple[list[dict[str, Any]], dict[int, Any]]] = defaultdict(lambda: ([], {}))
    for case in conformance_cases.load_cases():
        if case.linked:
            continue  # reported by test_linked_cases_are_not_audited
        rows, attempts = logs[tuple(case.packs)]
        rows.extend(_row(case.id, case.account, h) for h in case.history)
        attempts[len(rows)] = case
        rows.append(_row(case.id, case.account, case.attempt))
    return dict(logs)


LINKED = [case for case in conformance_cases.load_cases() if case.linked]
NO_PHONE = "the audit log carries no phone to link accounts by; caps on the number count per account there"


def test_every_case_fits_in_a_log() -> None:
    laid_out = sum(len(attempts) for _, attempts in _logs().values())
    assert laid_out + len(LINKED) == len(conformance_cases.load_cases())


@pytest.mark.parametrize("case", LINKED, ids=[c.id for c in LINKED])
def test_linked_cases_are_not_audited(case: Any) -> None:
    pytest.skip(f"{case.id}: {NO_PHONE}")


ENGINES = [
    pytest.param(EngineOptions(workers=1), id="local"),
    pytest.param(
        EngineOptions(name="dask", local_workers=2, processes=False), id="dask", marks=pytest.mark.dask
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_conformance_cases_as_a_log(tmp_path: Path, audit, engine: EngineOptions) -> None:
    for n, (packs, (rows, attempts)) in enumerate(_logs().items()):
        log = write_log(tmp_path / f"log{n}.jsonl", rows)
        _, violations = audit(log, packs, engine=engine, out=tmp_path / f"out{n}")
        by_row: dict[int, list[str]] = defaultdict(list)
        for v in violations:
            by_row[v["row"]].append(v["rule"])
        for row, case in attempts.items():
            want = [] if case.expect["allowed"] else sorted(case.expect["rules"])
            assert sorted(by_row.get(row, [])) == want, (case.id, case.name)
