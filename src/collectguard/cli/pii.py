"""``collectguard pii`` (show the personal data in a text) and ``collectguard redact`` (stream a file)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from collectguard.cli.common import console, err_console, fail, run_jsonl
from collectguard.errors import CollectguardError
from collectguard.pii import OPERATORS, Keyring, analyze, default_registry, mask_value
from collectguard.pii.stream import Redactor, redact_csv, redact_jsonl, redact_lines
from collectguard.settings import ENV_PREFIX, Settings

SECRET_ENV = ENV_PREFIX + "SECRET_KEY"
FORMATS = ("text", "csv", "jsonl")


def _types(option: str | None) -> list[str] | None:
    if not option:
        return None
    wanted = [t.strip().upper() for t in option.split(",") if t.strip()]
    unknown = sorted(set(wanted) - default_registry().types)
    if unknown:
        fail(
            f"--types: unknown type(s) {', '.join(unknown)}; known: {', '.join(sorted(default_registry().types))}"
        )
    return wanted


def pii(
    text: str | None = typer.Argument(None, help="要检查的文本 The text to examine."),
    jsonl: bool = typer.Option(
        False, "--jsonl", help="JSON Lines 模式：stdin 每行 {id, text}，输出 {id, spans}。"
    ),
    types: str | None = typer.Option(
        None, "--types", help="只找这些类型 Only these types, e.g. CN_ID,PHONE."
    ),
) -> None:
    """个人信息识别 Show the personal data in a text (or in JSON Lines on stdin with --jsonl)."""
    wanted = _types(types)
    if jsonl:
        if text is not None:
            fail("--jsonl reads stdin; do not pass a text argument as well")

        def one(item: dict[str, Any]) -> dict[str, Any]:
            spans = analyze(item["text"], types=wanted)
            return {"spans": [{"type": s.type, "start": s.start, "end": s.end} for s in spans]}

        raise typer.Exit(run_jsonl(one))
    if text is None:
        fail("give a text to examine, or --jsonl to read JSON Lines on stdin")
    spans = analyze(text, types=wanted)
    if not spans:
        console.print("[green]未发现个人信息 No personal data found.[/]")
        return
    table = Table(title=f"个人信息 Personal data — {len(spans)} 处 spans")
    table.add_column("类型 type", no_wrap=True)
    table.add_column("位置 offsets", no_wrap=True)
    for name in ("内容 value", "掩码 masked"):
        table.add_column(name, overflow="fold")
    table.add_column("分数 score", no_wrap=True)
    table.add_column("依据 why", overflow="fold", ratio=1)
    for s in spans:
        value = text[s.start : s.end]
        cells = (
            s.type,
            f"{s.start}–{s.end}",
            value,
            mask_value(value, s.type),
            f"{s.score:.2f}",
            s.explanation,
        )
        table.add_row(*(escape(c) for c in cells))
    console.print(table)


def _keyring(key_file: Path | None) -> Keyring:
    """Keys come from the edge only: a key file, else the environment variable."""
    try:
        if key_file is not None:
            return Keyring.from_export(key_file.read_text(encoding="utf-8"))
        secret = Settings.from_env().secret_key
        if secret is not None:
            return Keyring.from_secret(secret.get_secret_value())
    except OSError as exc:
        fail(f"{key_file}: cannot read key file ({exc.strerror})")
    except CollectguardError as exc:
        fail(str(exc))
    fail(f"this operator needs a key: --key-file PATH or {SECRET_ENV}")


def _decoded(raw: IO[bytes], progress: Progress, task: Any) -> Iterator[str]:
    for number, line in enumerate(raw, start=1):
        progress.advance(task, len(line))
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CollectguardError(f"line {number} is not UTF-8 (byte {exc.start})") from None


def redact(
    file: str = typer.Argument(..., help="输入文件 Input file, or - for stdin."),
    format: str | None = typer.Option(None, "--format", help="text|csv|jsonl (default: from the file name)."),
    columns: str | None = typer.Option(None, "--columns", help="CSV: 只处理这些列 only these columns, a,b."),
    field: str = typer.Option(
        "text", "--field", help="JSONL: 处理的字段 the string field(s) to redact, a,b."
    ),
    out: Path | None = typer.Option(None, "--out", help="输出文件 Output file (default stdout)."),
    operator: str = typer.Option("mask", "--operator", help="mask|tag|redact|token|encrypt"),
    key_file: Path | None = typer.Option(
        None, "--key-file", help=f"密钥文件 Key file (token/encrypt); else ${SECRET_ENV}."
    ),
    types: str | None = typer.Option(None, "--types", help="只处理这些类型 Only these types."),
) -> None:
    """脱敏 Mask, tag, drop, tokenize or encrypt the personal data in a file, line by line."""
    fmt = format or {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(
        Path(file).suffix.lower(), "text"
    )
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}")
    if operator not in OPERATORS:
        fail(f"--operator must be one of {', '.join(OPERATORS)}")
    keyring = _keyring(key_file) if operator in ("token", "encrypt") else None
    redactor = Redactor(operator, keyring, _types(types))
    try:
        raw: IO[bytes] = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
    except OSError as exc:
        fail(f"{file}: cannot open ({exc.strerror})")
    total = None if file == "-" else os.path.getsize(file)
    target = out.with_name(out.name + ".partial") if out else None
    bar = Progress(
        TextColumn("脱敏 redacting"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )
    try:
        with raw, bar, open(target, "w", encoding="utf-8", newline="") if target else _stdout() as sink:
            task = bar.add_task("redact", total=total)
            lines = _decoded(raw, bar, task)
            if fmt == "csv":
                wanted = [c.strip() for c in columns.split(",")] if columns else None
                chunks = redact_csv(lines, redactor, wanted)
            elif fmt == "jsonl":
                chunks = redact_jsonl(lines, redactor, [f.strip() for f in field.split(",")])
            else:
                chunks = redact_lines(lines, redactor)
            for chunk in chunks:
                sink.write(chunk)
    except CollectguardError as exc:
        if target is not None:
            target.unlink(missing_ok=True)
        fail(f"{file}: {exc}")
    if target is not None and out is not None:
        target.replace(out)
    found = ", ".join(f"{t} {n}" for t, n in sorted(redactor.counts.items())) or "none"
    err_console.print(f"已处理 done: {sum(redactor.counts.values())} spans ({found})", highlight=False)


class _stdout:
    """``sys.stdout`` as a context manager that is not closed on exit."""

    def __enter__(self) -> IO[str]:
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()
