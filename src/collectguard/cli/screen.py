"""``collectguard screen``: one message rendered with its findings, JSON Lines, or a call transcript."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from collectguard.cli.common import console, fail, read_json_file, run_jsonl
from collectguard.errors import CollectguardError
from collectguard.model import Addressee, parse_enum
from collectguard.text.screen import ROLES, Screener
from collectguard.text.screen_types import Finding, ScreenResult
from collectguard.text.transcript import COLLECTOR_SPEAKERS, TranscriptResult, screen_transcript

_STYLE = {"block": "bold white on red", "warn": "bold black on yellow"}
_VERDICT = {
    "pass": "[bold green]通过 PASS[/]",
    "warn": "[bold yellow]警告 WARN[/]",
    "block": "[bold red]拦截 BLOCK[/]",
}


def screen_cmd(
    text: str | None = typer.Argument(None, help="要检查的消息 The message to screen."),
    to: str = typer.Option(
        "borrower", "--to", help="收信人 Addressee: " + "|".join(ROLES) + " (staff: a memo to a colleague)."
    ),
    pack: list[str] = typer.Option(["cn"], "--pack", help="规则包 Rule pack (repeatable)."),
    mode: str = typer.Option("rules+model", "--mode", help="rules | rules+model"),
    jsonl: bool = typer.Option(False, "--jsonl", help="从标准输入读 JSON Lines Read JSON Lines on stdin."),
    transcript: str | None = typer.Option(None, "--transcript", help="通话记录 JSON file with turns."),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON Print JSON instead of the rendering."),
) -> None:
    """检查催收消息是否合规 Screen a collector message (or transcript) for violations."""
    if sum((text is not None, jsonl, transcript is not None)) != 1:
        fail("give exactly one of: a TEXT argument, --jsonl or --transcript FILE")
    try:
        to = parse_enum(Addressee, to, field="--to").value
        screener = Screener.load(tuple(pack), mode=mode)
        if jsonl:
            raise typer.Exit(run_jsonl(lambda item: _analyse(screener, item, to)))
        if transcript is not None:
            data = read_json_file(transcript)
            result = screen_transcript(screener, data, to=to)
            if as_json:
                print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
                return
            _render_transcript(transcript, data, result)
            return
        assert text is not None
        single = screener.screen(text, to=to)
    except CollectguardError as exc:
        fail(str(exc))
    if as_json:
        print(json.dumps(single.to_dict(), ensure_ascii=False, indent=2))
    else:
        _render(text, single)


def _render_transcript(path: str, data: Any, result: TranscriptResult) -> None:
    """Every turn in order: the other party's dimmed, the collector's plain or with its findings."""
    console.print(f"通话记录 transcript {escape(str(path))}: {_VERDICT[result.verdict]}")
    flagged = {t.turn: t for t in result.turns}
    turns = data["turns"] if isinstance(data, dict) else data
    for i, turn in enumerate(turns):
        head = f"[{i}] {turn['speaker']}" + (f" · {turn['at']}" if turn.get("at") else "")
        if i in flagged:
            console.rule(head)
            _render(turn["text"], flagged[i].result)
            console.rule()
        elif turn["speaker"].strip().lower() in COLLECTOR_SPEAKERS:
            console.print(Text(f"{head}: {turn['text']}"))
        else:
            console.print(Text(f"{head}: {turn['text']}", style="dim"))


def _analyse(screener: Screener, item: dict[str, Any], default_to: str) -> dict[str, Any]:
    return screener.screen(item["text"], to=item.get("to") or default_to).to_dict()


def _render(text: str, result: ScreenResult) -> None:
    """The message with its spans highlighted, then reason and rule per finding, then the rewrite."""
    shown = Text(text)
    for f in result.findings:
        shown.stylize(_STYLE.get(f.severity, "bold"), f.start, f.end)
    console.print(Panel(shown, title=_VERDICT[result.verdict], title_align="left"))
    if not result.findings:
        return
    by_span: dict[tuple[str, int, int], list[str]] = {}
    first: dict[tuple[str, int, int], Finding] = {}
    for f in result.findings:  # the same span under several packs: one block, every rule
        key = (f.category, f.start, f.end)
        by_span.setdefault(key, []).append(f"{f.rule}（{f.citation}）")
        first.setdefault(key, f)
    for key, rules in by_span.items():
        f = first[key]
        console.print(
            Text.assemble(("■ ", _STYLE.get(f.severity, "bold")), (f"{f.category} · {f.severity}", "bold"))
        )
        console.print(Text(f"  「{f.evidence}」 @ {f.start}-{f.end} · {f.source}"))
        console.print(Text(f"  {f.explanation_zh}"))
        console.print(Text(f"  {f.explanation_en}", style="dim"))
        for rule in rules:
            console.print(Text(f"  规则 rule: {rule}", style="cyan"))
    console.print(
        Panel(Text(result.rewrite), title="建议改写 suggested rewrite", title_align="left", style="green")
    )
