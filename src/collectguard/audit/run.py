"""The batch audit as one service function: read, validate, partition, replay, report.

``audit_log`` is what the CLI calls; the CLI only parses options and renders. The
work directory under ``out`` holds the checked log, the partitions and their
findings, and is removed at the end; memory stays bounded by one partition per
worker because every stage in between is a file.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from collectguard.audit import engines, outputs, partition
from collectguard.audit.ingest import scan
from collectguard.audit.replay import PartitionResult, PartitionTask
from collectguard.audit.schema import NORMALISED
from collectguard.audit.screening import DEFAULT_SCREENER
from collectguard.audit.validate import RejectSummary, checked, error_columns, write_rejects
from collectguard.errors import ValidationError
from collectguard.policy import load_packs


@dataclass(frozen=True, slots=True)
class AuditOptions:
    packs: tuple[str, ...]
    compare: tuple[str, ...] = ()
    mapping: tuple[tuple[str, str], ...] = ()
    engine: engines.EngineOptions = field(default_factory=engines.EngineOptions)
    parquet: bool = False
    screen: bool = True
    #: ``module:Class`` of the message screener (the live one unless a test names a fake)
    screener: str = DEFAULT_SCREENER
    report: bool = True


@dataclass(frozen=True, slots=True)
class AuditResult:
    log: Path
    out: Path
    rows: int
    audited: int
    rejects: RejectSummary
    violations: int
    changes: int
    screened: int
    screening_available: bool
    partitions: int
    seconds: float
    summary: outputs.Summary
    contacts_by_day: dict[str, int]
    contacts_by_agency: dict[str, int]


class Progress:
    """What a caller may watch: the number of rows to audit, then rows as they finish."""

    def start(self, total: int) -> None:  # pragma: no cover - a no-op by default
        pass

    def advance(self, rows: int) -> None:  # pragma: no cover
        pass


def audit_log(log: Path, out: Path, options: AuditOptions, progress: Progress | None = None) -> AuditResult:
    """Audit ``log`` into ``out`` (violations.jsonl, rejects.jsonl, report.html …)."""
    began = time.perf_counter()
    progress = progress or Progress()
    packs = load_packs(list(options.packs))  # refuse a bad pack before any work
    candidates = tuple(dict.fromkeys(z for p in packs for z in getattr(p, "timezones", ())))
    if options.compare:
        load_packs(list(options.compare))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".audit-", dir=out))
    try:
        frame = checked(scan(log, mapping=dict(options.mapping), staging=work), candidate_zones=candidates)
        checked_path = work / "checked.parquet"
        try:
            frame.sink_parquet(checked_path)
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise ValidationError(f"{log.name}: cannot read: {exc}".splitlines()[0], field="LOG") from exc
        rejects = write_rejects(
            pl.scan_parquet(checked_path), file_name=log.name, out=out / "rejects.jsonl", staging=work
        )
        good = _good_rows(checked_path, work / "good.parquet")
        total = good + rejects.records
        parts = partition.split(
            work / "good.parquet",
            work / "parts",
            parts=partition.partition_count(good, options.engine.parallelism()),
        )
        findings = work / "findings"
        findings.mkdir()
        tasks = [
            PartitionTask(
                index=p.index,
                source=str(p.path),
                out=str(findings),
                packs=options.packs,
                compare=options.compare,
                screen=options.screen,
                screener=options.screener,
            )
            for p in sorted(parts, key=lambda p: -p.rows)  # largest first: shortest tail
        ]
        progress.start(good)
        results = engines.run(tasks, options.engine, lambda r: progress.advance(r.rows))
        violations = outputs.write_jsonl(findings, "violations", out / "violations.jsonl")
        if options.parquet:
            outputs.write_parquet(findings, "violations", out / "violations.parquet")
        changes = outputs.write_jsonl(findings, "changes", out / "whatif.jsonl") if options.compare else 0
        summary = outputs.summarise(findings)
        result = _result(
            log, out, options, results, total, good, rejects, violations, changes, summary, began
        )
        if options.report:
            from collectguard.audit.report import write_report

            write_report(result, options, out / "report.html")
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _good_rows(checked_path: Path, target: Path) -> int:
    """Copy the rows that passed every check, in the normalised columns only."""
    where = " AND ".join(f'"{c}" IS NULL' for c in error_columns())
    columns = ", ".join(f'"{c}"' for c in NORMALISED)
    con = duckdb.connect(config={"memory_limit": "768MB"})
    try:
        src, dst = str(checked_path).replace("'", "''"), str(target).replace("'", "''")
        con.execute(
            f"COPY (SELECT {columns} FROM read_parquet('{src}') WHERE {where}) TO '{dst}' (FORMAT PARQUET)"
        )
        row = con.execute(f"SELECT count(*) FROM read_parquet('{dst}')").fetchone()
    finally:
        con.close()
    return int(row[0]) if row else 0


def _result(
    log: Path,
    out: Path,
    options: AuditOptions,
    results: list[PartitionResult],
    total: int,
    good: int,
    rejects: RejectSummary,
    violations: int,
    changes: int,
    summary: outputs.Summary,
    began: float,
) -> AuditResult:
    by_day: Counter[str] = Counter()
    by_agency: Counter[str] = Counter()
    for r in results:
        by_day.update(r.contacts_by_day)
        by_agency.update(r.contacts_by_agency)
    return AuditResult(
        log=log,
        out=out,
        rows=total,
        audited=good,
        rejects=rejects,
        violations=violations,
        changes=changes,
        screened=sum(r.screened for r in results),
        screening_available=all(r.screening_available for r in results),
        partitions=len(results),
        seconds=time.perf_counter() - began,
        summary=summary,
        contacts_by_day=dict(sorted(by_day.items())),
        contacts_by_agency=dict(sorted(by_agency.items())),
    )


__all__ = ["AuditOptions", "AuditResult", "Progress", "audit_log"]
