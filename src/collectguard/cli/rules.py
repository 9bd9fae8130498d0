"""``collectguard rules list|show``: the packs a compliance officer can read and cite."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.table import Table

from collectguard.cli.common import console, fail
from collectguard.errors import CollectguardError
from collectguard.policy import load_pack, shipped_pack_names
from collectguard.policy.pack import CompiledRule, RulePack

app = typer.Typer(help="规则包 Rule packs: list and show rules with their citations.", no_args_is_help=True)


def _packs(names: list[str] | None) -> list[RulePack]:
    try:
        return [load_pack(n) for n in (names or shipped_pack_names())]
    except CollectguardError as exc:
        fail(str(exc))


def _params(rule: CompiledRule) -> str:
    return json.dumps(rule.spec.params.model_dump(mode="json", exclude_defaults=False), ensure_ascii=False)


def rule_dict(rule: CompiledRule) -> dict[str, Any]:
    spec = rule.spec
    return {
        "id": spec.id,
        "pack": rule.pack,
        "pack_version": rule.pack_version,
        "kind": spec.kind,
        "params": spec.params.model_dump(mode="json"),
        "applies": spec.applies.model_dump(mode="json"),
        "citation": spec.citation,
        "confidence": spec.confidence,
        "message_zh": spec.message_zh,
        "message_en": spec.message_en,
        "note": spec.note,
    }


@app.command("list")
def list_rules(
    pack: list[str] = typer.Option(
        None, "--pack", "-p", help="规则包名或文件 Pack name or overlay file (repeatable)."
    ),
    as_json: bool = typer.Option(False, "--json", help="机器可读 JSON output."),
) -> None:
    """列出规则 List the rules of the shipped packs (or the given ones)."""
    packs = _packs(pack)
    if as_json:
        print(json.dumps([rule_dict(r) for p in packs for r in p.rules], ensure_ascii=False, indent=2))
        return
    for p in packs:
        table = Table(title=f"{p.name} {p.version} — {p.title_zh} / {p.title_en}", show_lines=False)
        for column in ("规则 rule", "类型 kind", "参数 params", "依据 citation", "置信 conf."):
            table.add_column(column, overflow="fold")
        for r in p.rules:
            table.add_row(r.id, r.spec.kind, _params(r), r.spec.citation, r.spec.confidence)
        console.print(table)


@app.command("show")
def show_rule(
    rule_id: str = typer.Argument(..., help="规则编号 Rule id, e.g. cn.hours"),
    pack: list[str] = typer.Option(None, "--pack", "-p", help="Pack name or overlay file to search."),
    as_json: bool = typer.Option(False, "--json", help="机器可读 JSON output."),
) -> None:
    """显示一条规则 Show one rule with its parameters, citation and messages."""
    found = [r for p in _packs(pack) for r in p.rules if r.id == rule_id]
    if not found:
        fail(f"no rule {rule_id!r}; see `collectguard rules list`")
    data = rule_dict(found[0])
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(show_header=False, title=f"{rule_id}")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in data.items():
        table.add_row(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    console.print(table)
