"""``collectguard contact simulate``: decide a scenario's attempts one after another."""

from __future__ import annotations

import json
from datetime import datetime

import typer
from rich.table import Table

from collectguard.cli.common import console, fail, read_json_file
from collectguard.errors import CollectguardError
from collectguard.model import Attempt, Decision
from collectguard.policy.scenario import parse_scenario, simulate

app = typer.Typer(help="联系许可 Contact permission: simulate decisions.", no_args_is_help=True)


def _when(at: datetime | None) -> str:
    return at.isoformat() if at else "— 需状态变更 needs a change of state"


def _render(attempts: tuple[Attempt, ...], decisions: list[Decision]) -> None:
    table = Table(title="联系决定 Contact decisions", show_lines=True)
    for column in (
        "#",
        "时间 at",
        "对象 party",
        "渠道 channel",
        "结果 decision",
        "规则与原因 rules and reasons",
        "下次可联系 next allowed",
    ):
        table.add_column(column, overflow="fold")
    for i, (attempt, decision) in enumerate(zip(attempts, decisions, strict=True)):
        verdict = "[green]允许 allowed[/]" if decision.allowed else "[bold red]禁止 denied[/]"
        reasons = "\n".join(
            f"[bold]{d.rule_id}[/] {d.message_zh}\n  [dim]{d.citation}[/]" for d in decision.denials
        )
        table.add_row(
            str(i),
            attempt.at.isoformat(),
            f"{attempt.party_role} ({attempt.party_id})",
            str(attempt.channel),
            verdict,
            reasons,
            _when(decision.next_allowed_at) if not decision.allowed else "",
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
        _render(parsed.attempts, decisions)
    else:
        print(json.dumps([d.to_dict() for d in decisions], ensure_ascii=False, indent=2))
