"""``collectguard wellbeing`` and ``collectguard risk``: the load a collector absorbs, and which
accounts are heading for a complaint — from a JSON/JSONL file of records or from ``--db``."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from collectguard.cli.common import console, fail, read_json_file
from collectguard.cli.db import DB_HELP, KEY_HELP, open_service, settings_for
from collectguard.errors import CollectguardError
from collectguard.policy import load_packs
from collectguard.policy.scenario import parse_timestamp
from collectguard.risk import RiskScore, assess_account
from collectguard.risk.parse import parse_risk_case
from collectguard.wellbeing import CollectorWellbeing, assess_team, load_thresholds
from collectguard.wellbeing.parse import parse_bundle, parse_events


def _operator() -> Any:
    """At the shell, whoever holds the database and its key acts with a supervisor's view.

    Built on demand so that other commands start without importing the service stack.
    """
    from collectguard.service.types import Actor

    return Actor("system:cli", "cli", "supervisor")


NOW_HELP = "评估时刻 judge at this ISO-8601 instant (default: the end of the latest record)"


def _records(path: str) -> Any:
    if path.endswith(".jsonl"):
        items = []
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            fail(f"{path}: no such file")
        except UnicodeDecodeError as exc:
            fail(f"{path}: not UTF-8 text (byte {exc.start})")
        for n, line in enumerate(lines, 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    fail(f"{path}: line {n}: invalid JSON at column {exc.colno}: {exc.msg}")
        return parse_events(items)
    return parse_bundle(read_json_file(path))


def _now(value: str | None, latest: datetime | None) -> datetime | None:
    if value:
        return parse_timestamp(value, "--now")
    return latest


def _render_wellbeing(report: CollectorWellbeing) -> None:
    p = report.period
    console.print(
        f"\n[bold]{escape(report.collector_id)}[/]  班次 shifts {p.shifts} · 联系 contacts {p.contacts} · "
        f"工时 hours {p.hours_worked:.1f} · 计划外 after-hours {p.after_hours_hours:.1f} h · "
        f"敌意 hostile {p.hostile_contacts} ({p.hostile_share_pct:.1f}%) · 危机 crisis {p.crisis_contacts}"
    )
    table = Table(show_lines=False)
    for col in (
        "开始 start",
        "时长 h",
        "联系/时 per h",
        "通话分/时 talk/h",
        "最长连续 stretch",
        "敌意 hostile",
        "危机 crisis",
        "计划外 after-h min",
    ):
        table.add_column(col)
    for s in report.shifts[-7:]:
        f = s.figures
        table.add_row(
            f.start.isoformat(timespec="minutes") + (" [green]进行中 open[/]" if f.open else ""),
            f"{f.shift_hours:.1f}",
            f"{f.contacts_per_hour:.1f}",
            f"{f.talk_minutes_per_hour:.0f}",
            f"{f.longest_stretch_minutes:.0f}",
            str(f.hostile_contacts),
            str(f.crisis_contacts),
            f"{f.after_hours_minutes:.0f}",
        )
    console.print(table)
    for a in report.current_advice:
        colour = {"urgent": "bold red", "warn": "yellow"}.get(a.level, "cyan")
        console.print(
            f"  [{colour}]{a.code}[/] {escape(a.message_zh)}\n    {escape(a.message_en)} [dim]({escape(a.citation)})[/]"
        )


def _wellbeing(
    records: str | None = typer.Argument(None, help="联系记录 contacts/replies as .json or .jsonl"),
    collector: str | None = typer.Option(None, "--collector", help="只看此催收员 one collector id"),
    now: str | None = typer.Option(None, "--now", help=NOW_HELP),
    days: int = typer.Option(30, "--days", help="--db: 天数 days back from now"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    as_json: bool = typer.Option(False, "--json", help="机器可读 JSON output"),
    thresholds: Path | None = typer.Option(
        None, "--thresholds", help="阈值文件 a wellbeing.yaml of your own"
    ),
) -> None:
    """员工关怀 Load and exposure figures per shift with break and rotation advice (id order, never ranked)."""
    if (records is None) == (db is None):
        fail("give either a records file or --db")
    limits = load_thresholds(thresholds)
    if db is not None:
        from collectguard.service import wellbeing as service_wb

        service = open_service(settings_for(db, key_file), migrate=False)
        try:
            at = parse_timestamp(now, "--now") if now else None
            if collector:
                team = {
                    collector: service_wb.collector_wellbeing(
                        service, collector, actor=_operator(), days=days, now=at
                    )
                }
            else:
                team = service_wb.team_wellbeing(service, actor=_operator(), days=days, now=at)
        finally:
            service.close()
    else:
        assert records is not None
        contacts, replies, _ = _records(records)
        if collector:
            contacts = [c for c in contacts if c.collector_id == collector]
            if not contacts:
                fail(f"no contacts of collector {collector!r} in {records}")
        latest = max((c.ended_at for c in contacts), default=None)
        team = assess_team(contacts, replies, thresholds=limits, now=_now(now, latest))
    if as_json:
        print(json.dumps([r.to_dict() for r in team.values()], ensure_ascii=False))
        return
    for report in team.values():
        _render_wellbeing(report)


def _render_risk(scores: list[RiskScore]) -> None:
    table = Table(title="投诉风险 Complaint risk", show_lines=True)
    for col in ("账户 account", "分数 score", "等级 level", "主要因素 top factors"):
        table.add_column(col, overflow="fold")
    for s in scores:
        colour = {"high": "bold red", "medium": "yellow"}.get(s.level, "green")
        factors = "\n".join(
            f"+{f.points:.0f} {f.label_zh}：{f.explain_zh}\n    {f.explain_en}" for f in s.top
        )
        table.add_row(
            escape(s.account_id),
            f"[{colour}]{s.score}[/]",
            f"{s.level_zh} {s.level_en}",
            escape(factors) or "—",
        )
    console.print(table)


def _risk(
    cases: str | None = typer.Argument(None, help="账户案例 a JSON case or list of cases (account + events)"),
    account: str | None = typer.Option(None, "--account", help="--db: 只看此账户 one account id"),
    limit: int = typer.Option(20, "--limit", help="--db: 队列长度 queue length"),
    now: str | None = typer.Option(None, "--now", help=NOW_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_HELP),
    as_json: bool = typer.Option(False, "--json", help="机器可读 JSON output"),
) -> None:
    """投诉风险 Complaint-risk score 0–100 with its top factors; with --db, the queue highest first."""
    if (cases is None) == (db is None):
        fail("give either a case file or --db")
    at = parse_timestamp(now, "--now") if now else None
    if db is not None:
        from collectguard.service import wellbeing as service_wb

        service = open_service(settings_for(db, key_file), migrate=False)
        try:
            if account:
                scores = [service_wb.account_risk(service, account, actor=_operator(), now=at)]
            else:
                scores = service_wb.risk_queue(service, actor=_operator(), limit=limit, now=at)
        finally:
            service.close()
    else:
        assert cases is not None
        raw = read_json_file(cases)
        items = raw if isinstance(raw, list) else [raw]
        scores = []
        for i, item in enumerate(items):
            case = parse_risk_case(item, f"case[{i}]" if isinstance(raw, list) else "case")
            latest = case.latest()
            when = at or case.now or (latest + timedelta(seconds=1) if latest else None)
            if when is None:
                fail("no events and no now: give --now")
            packs = load_packs(list(case.rulepacks))
            scores.append(
                assess_account(
                    case.account, case.contacts, case.replies, case.messages, packs=packs, now=when
                )
            )
    if as_json:
        print(json.dumps([s.to_dict() for s in scores], ensure_ascii=False))
    else:
        _render_risk(scores)


def _guarded(impl: Any) -> Any:
    """The command with deliberate errors turned into one line and exit code 2."""
    import functools

    @functools.wraps(impl)
    def command(*args: Any, **kwargs: Any) -> None:
        try:
            impl(*args, **kwargs)
        except CollectguardError as exc:
            fail(str(exc))

    return command


wellbeing = _guarded(_wellbeing)
risk = _guarded(_risk)
