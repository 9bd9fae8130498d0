"""``collectguard audit``: batch audit of contact logs, sample logs, the audit chain.

The contract is ``collectguard audit LOG --pack cn --out DIR``: a positional log
beside sub-commands such as ``audit sample``. :class:`DefaultRunGroup` makes that
work: any first argument that is not a sub-command name (a path, or an option)
is handed to the ``run`` command, so ``audit LOG …`` and ``audit run LOG …`` are
the same thing, while ``audit sample …`` still reaches ``sample``. A log file that
is literally named like a sub-command is reached as ``audit run sample`` or
``audit ./sample``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from typer.core import TyperGroup

from collectguard.cli.common import console, err_console, fail
from collectguard.errors import CollectguardError


class DefaultRunGroup(TyperGroup):
    """A group whose unknown first argument means ``run`` (``audit LOG …``)."""

    default_command = "run"

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultRunGroup,
    help="批量审计 Batch audit of contact history: `collectguard audit LOG --pack cn --out DIR`.",
    no_args_is_help=True,
)


class _Rate(ProgressColumn):
    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} 行/s rows/s" if speed else "— rows/s", style="cyan")


def _bar(progress: Progress) -> Any:
    """The audit's progress as a Rich bar on stderr, with rate and ETA."""
    from collectguard.audit import Progress as AuditProgress

    class _Bar(AuditProgress):
        def __init__(self) -> None:
            self.task: Any = None

        def start(self, total: int) -> None:
            self.task = progress.add_task("审计 auditing", total=total)

        def advance(self, rows: int) -> None:
            progress.advance(self.task, rows)

    return _Bar()


def _mapping(pairs: list[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old or not new:
            fail(f"--map {pair!r}: expected old=new, e.g. --map acct=account_id")
        out.append((old.strip(), new.strip()))
    return tuple(out)


@app.command("run")
def run_cmd(
    log: Path = typer.Argument(..., help="联系日志 Contact log: .csv, .jsonl or .parquet."),
    pack: list[str] = typer.Option(..., "--pack", help="规则包 Rule pack name or overlay file (repeat)."),
    out: Path = typer.Option(..., "--out", help="输出目录 Output directory."),
    engine: str = typer.Option("local", "--engine", help="引擎 local (all cores) or dask."),
    workers: int = typer.Option(0, "--workers", help="进程数 Local processes (default: all cores)."),
    dask_scheduler: str = typer.Option("", "--dask-scheduler", help="Dask scheduler, e.g. tcp://host:8786."),
    dask_local: int = typer.Option(
        0, "--dask-local", help="启动本地 Dask 集群 Start a LocalCluster of N workers."
    ),
    compare_pack: list[str] = typer.Option(
        [], "--compare-pack", help="假设分析 What-if pack or overlay (repeat)."
    ),
    mapping: list[str] = typer.Option([], "--map", help="列名映射 Column mapping old=new (repeat)."),
    fmt: str = typer.Option("jsonl", "--format", help="violations: jsonl, or parquet (as well)."),
    text: bool = typer.Option(True, "--text/--no-text", help="筛查文本 Screen message text."),
    report: bool = typer.Option(True, "--report/--no-report", help="HTML 报告 Write report.html."),
    quiet: bool = typer.Option(False, "--quiet", help="不打印汇总 No summary tables."),
) -> None:
    """审计 Re-decide every contact in LOG with the history before it; write DIR/violations.jsonl."""
    # Imported here so that every other command starts without Polars, DuckDB and Dask.
    from collectguard.audit import AuditOptions, EngineOptions, audit_log

    if fmt not in ("jsonl", "parquet"):
        fail(f"--format {fmt!r}: use jsonl or parquet")
    if dask_scheduler or dask_local:
        engine = "dask"
    if engine not in ("local", "dask"):
        fail(f"--engine {engine!r}: use local or dask")
    options = AuditOptions(
        packs=tuple(pack),
        compare=tuple(compare_pack),
        mapping=_mapping(mapping),
        engine=EngineOptions(
            name=engine,
            workers=workers or None,
            scheduler=dask_scheduler or None,
            local_workers=dask_local or None,
        ),
        parquet=fmt == "parquet",
        screen=text,
        report=report,
    )
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, console=err_console, transient=False) as progress:
            result = audit_log(log, out, options, _bar(progress))
    except CollectguardError as exc:
        fail(str(exc))
    if not quiet:
        from collectguard.audit.tables import summary_tables

        console.print(summary_tables(result))
    if not result.screening_available:
        err_console.print(
            "[yellow]提示 note:[/] 文本筛查模块不可用，文本未筛查 text screening is not installed; texts were not screened"
        )
    err_console.print(
        f"违规 violations → {escape(str(out / 'violations.jsonl'))}; 拒收 rejects → {escape(str(out / 'rejects.jsonl'))}"
    )
    if report:
        err_console.print(f"报告 report → {escape(str(out / 'report.html'))}")


@app.command("sample")
def sample_cmd(
    out: Path = typer.Option(..., "--out", help="输出文件 .csv, .jsonl or .parquet."),
    events: int = typer.Option(10_000, "--events", help="事件数 Number of contact events."),
    seed: int = typer.Option(7, "--seed", help="随机种子 Random seed (same seed, same log)."),
    days: int = typer.Option(90, "--days", help="天数 Days of history."),
    text: bool = typer.Option(True, "--text/--no-text", help="生成消息文本 Include message text."),
) -> None:
    """样例 Write a realistic synthetic contact log to try the audit and the benchmarks."""
    from collectguard.audit.sample import SampleOptions, write_sample

    if events < 1:
        fail("--events must be at least 1")
    try:
        written = write_sample(out, SampleOptions(events=events, seed=seed, days=days, text=text))
    except CollectguardError as exc:
        fail(str(exc))
    err_console.print(f"样例日志 sample log: {written:,} events → {escape(str(out))}")


# --- audit chain: `audit verify` / `audit anchor` live in cli/auditlog.py (the service's
# tamper-evident log). They are registered here when that module is installed.
def _register_audit_chain() -> None:
    try:
        module = importlib.import_module("collectguard.cli.auditlog")
    except ImportError:  # pragma: no cover - the module ships with the service
        return
    for name in ("verify", "anchor"):
        if hasattr(module, name):
            app.command(name)(getattr(module, name))


_register_audit_chain()
