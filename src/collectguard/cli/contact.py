"""``collectguard contact simulate``: decide a scenario's attempts one after another."""

from __future__ import annotations

import json
from datetime import datetime

import typer
from rich.markup import escape
from rich.table import Table

from collectguard.cli.common import console, fail, read_json_file
from collectguard.errors import CollectguardError
from collectguard.model import Decision
from collectguard.policy.localtime import zone
from collectguard.policy.scenario import Scenario, parse_scenario, simulate

app = typer.Typer(help="联系许可 Contact permission: simulate decisions.", no_args_is_help=True)


def _local(at: datetime | None, tz: str) -> str:
    return at.astimezone(zone(tz)).strftime("%m-%d %H:%M:%S") if at else ""


def _render(scenario: Scenario, decisions: list[Decision]) -> None:
    tz = scenario.account.timezone
    table = Table(
        title=f"联系决定 Contact decisions — 借款人当地时间 local time {escape(tz)}", show_lines=True
    )
    table.add_column("#", no_wrap=True)
    table.add_column("时间 at", no_wrap=True)
    table.add_column("对象·渠道 party·channel", no_wrap=True)
    table.add_column("决定 decision", no_wrap=True)
    table.add_column("下次可联系 next allowed", no_wrap=True)
    table.add_column("规则 rule", no_wrap=True)
    table.add_column("原因与依据 reason · citation", min_width=24, ratio=1, overflow="fold")
    for i, (attempt, decision) in enumerate(zip(scenario.attempts, decisions, strict=True)):
        target = escape(f"{attempt.party_id}·{attempt.channel}")
        if decision.allowed:
            table.add_row(str(i), _local(attempt.at, tz), target, "[green]允许 allowed[/]", "", "", "")
            continue
        nxt = _local(decision.next_allowed_at, tz) or "待解除 on release"
        reasons = "\n".join(f"{escape(d.message_zh)}\n[dim]{escape(d.citation)}[/]" for d in decision.denials)
        table.add_row(
            str(i),
            _local(attempt.at, tz),
            target,
            "[bold red]禁止 denied[/]",
            nxt,
            escape("\n".join(decision.rules)),
            reasons,
        )
    console.print(table)


@app.command("simulate")
def simulate_cmd(
    scenario: str = typer.Argument(..., help="场景文件 Scenario JSON file (design.md contract)."),
    table: bool = typer.Option(False, "--table", help="表格输出 Render a table for people."),
) -> None:
    """模拟 Decide each attempt against the attempts allowed before it; JSON list on stdout."""
    raw = read_json_file(scenario)
    try:
        parsed = parse_scenario(raw)
    except CollectguardError as exc:
        fail(f"{scenario}: {exc}")
    decisions = simulate(parsed.packs, parsed.account, parsed.attempts, history=parsed.history)
    if table:
        _render(parsed, decisions)
    else:
        print(json.dumps([d.to_dict() for d in decisions], ensure_ascii=False, indent=2))
