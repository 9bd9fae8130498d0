"""``collectguard signals``: read a borrower's reply — signals, state changes, playbook."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from collectguard.cli.common import console, fail, run_jsonl
from collectguard.errors import CollectguardError
from collectguard.policy.transitions import ONLY
from collectguard.text.signals import ReplyAnalysis, analyze_reply, detect

_SUBJECT = {"self": "本人 self", "third_person": "第三人 third person"}


def _render(text: str, analysis: ReplyAnalysis) -> None:
    if analysis.neutral:
        console.print("[green]中性 neutral[/] — 未发现信号 no signal found.")
        return
    table = Table(title="借款人信号 Borrower signals", show_lines=True)
    for col in (
        "信号 signal",
        "原文 evidence",
        "位置 span",
        "置信度 confidence",
        "对象 subject",
        "范围 scope",
    ):
        table.add_column(col, overflow="fold")
    for s in analysis.signals:
        danger = s.type == "distress_self_harm"
        table.add_row(
            f"[bold red]{s.type}[/]" if danger else s.type,
            Text(s.evidence),  # the borrower's words: never read as markup
            f"{s.start}–{s.end}",
            f"{s.confidence:.2f}",
            _SUBJECT.get(s.subject, s.subject),
            " ".join([_scope(s.scope), _on_days(s.days), *(f"{a}–{b}" for a, b in s.hours)]).strip(),
        )
    console.print(table)
    if analysis.state_changes:
        states = Table(title="账户状态变化 State changes", show_lines=True)
        for col in ("规则包 pack", "变化 change", "规则 rule", "原因 reason", "依据 citation"):
            states.add_column(col, overflow="fold")
        for c in analysis.state_changes:
            change = (
                c.state
                or (c.opt_out_channel and f"opt-out {c.opt_out_channel}")
                or (
                    c.hours and f"不在 not at {_on_days(c.days)} " + ", ".join(f"{a}–{b}" for a, b in c.hours)
                )
                or c.place
                or c.offer
            )
            hold = f"\n≥ {c.min_hold_hours} h" if c.min_hold_hours else ""
            if c.review:
                hold += "\n主管阅读后可解除 review"
            states.add_row(
                c.pack,
                f"{change}{hold}",
                c.rule,
                f"{escape(c.reason_zh)}\n[dim]{escape(c.reason_en)}[/]",
                escape(c.citation),
            )
        console.print(states)
    _render_playbook(analysis)


def _item(x: Any) -> str:
    """One bilingual line of a playbook, its text escaped: data never becomes markup."""
    return f"• {escape(x.zh)}\n  [dim]{escape(x.en)}[/]"


def _render_playbook(analysis: ReplyAnalysis) -> None:
    book = analysis.playbook
    if book.crisis:
        plan = book.crisis
        lines = [
            f"[bold]{escape(r.name.zh)} {escape(r.name.en)}: {escape(r.contact)}[/] ({escape(r.hours.zh)})"
            for r in plan.resources
        ]
        lines += ["", "[bold]结束通话话术 End-the-call script[/]"]
        lines += [_item(x) for x in plan.end_call]
        lines += ["", "[bold]转交专人 Hand-over[/]"]
        lines += [_item(x) for x in plan.handover]
        title = f"危机 — 停止催收 CRISIS — stop collection ({plan.region_name.zh} {plan.region_name.en})"
        console.print(Panel("\n".join(lines), title=title, border_style="bold red"))
    for g in book.guidance:
        lines = ["[bold]可以说 Say[/]"] + [_item(x) for x in g.say]
        lines += ["[bold]不要说 Do not say[/]"] + [_item(x) for x in g.avoid]
        lines += ["[bold]步骤 Steps[/]"] + [
            f"{i}. {escape(x.zh)}\n   [dim]{escape(x.en)}[/]" for i, x in enumerate(g.steps, 1)
        ]
        console.print(Panel("\n".join(lines), title=f"{g.title.zh} · {g.title.en}"))


def signals_cmd(
    text: str | None = typer.Argument(None, help="借款人回复 The borrower's reply."),
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON Lines on stdin → signals per line (design.md)."),
    as_json: bool = typer.Option(False, "--json", help="Full analysis as one JSON object."),
    pack: list[str] = typer.Option(["cn"], "--pack", help="规则包 Rule pack(s) for state changes."),
    region: str = typer.Option("cn", "--region", help="求助资源地区 Region of crisis resources: cn, us, uk."),
    lang: str | None = typer.Option(None, "--lang", help="zh or en; default both."),
) -> None:
    """借款人信号 Read a borrower's reply: signals, resulting state changes and the playbook."""
    if jsonl:
        if text is not None:
            fail("give either TEXT or --jsonl (lines on stdin), not both")

        def analyse(item: dict[str, Any]) -> dict[str, Any]:
            return {"signals": [s.contract() for s in detect(item["text"], lang=lang)]}

        raise typer.Exit(run_jsonl(analyse))
    if text is None:
        fail("give the reply text, or --jsonl to read JSON Lines on stdin")
    try:
        analysis = analyze_reply(text, packs=tuple(pack), region=region, lang=lang)
    except CollectguardError as exc:
        fail(str(exc))
    if as_json:
        print(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
        return
    _render(text, analysis)


def _scope(scope: str | None) -> str:
    """only_sms reads 仅 sms / only sms: the channel kept, not the one refused."""
    if scope and scope.startswith(ONLY):
        channel = scope.removeprefix(ONLY)
        return f"仅 {channel} / only {channel}"
    return scope or ""


_WEEKDAYS = ("", "周一 Mon", "周二 Tue", "周三 Wed", "周四 Thu", "周五 Fri", "周六 Sat", "周日 Sun")


def _on_days(days: tuple[int, ...]) -> str:
    """The weekdays hours hold on (周末别打: 周六 Sat, 周日 Sun); nothing when they hold every day."""
    return ", ".join(_WEEKDAYS[d] for d in days)
