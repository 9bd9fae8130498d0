"""What every CLI command shares: the one-line error, JSON Lines streaming, consoles."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from collectguard.errors import CollectguardError

console = Console()
err_console = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """Misuse of a command: one line on stderr and exit code 2, never a traceback."""
    err_console.print(f"[bold red]错误 error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def read_json_file(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except UnicodeDecodeError as exc:
        fail(f"{path}: not UTF-8 text (byte {exc.start})")
    except json.JSONDecodeError as exc:
        fail(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")


def _lines(stream: TextIO) -> Iterator[str]:
    # Read bytes so that one badly encoded line is reported, not fatal to the run.
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield from stream
        return
    for raw in buffer:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield json.dumps({"__bad_encoding__": f"line is not UTF-8 (byte {exc.start})"})


def run_jsonl(
    analyse: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    stream: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """The machine-readable contract of design.md: one JSON object in, one out, same order.

    ``analyse`` receives the parsed line (with ``text`` present) and returns the fields
    to add to ``{"id": ...}``. Returns the exit code: 1 when any line failed.
    """
    stream = stream or sys.stdin
    out = out or sys.stdout
    failed = False
    for line in _lines(stream):
        if not line.strip():
            continue
        result = _one(line, analyse)
        failed |= "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failed else 0


def _one(line: str, analyse: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON at column {exc.colno}: {exc.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object with id and text"}
    if "__bad_encoding__" in item:
        return {"id": None, "error": item["__bad_encoding__"]}
    ident = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": "missing field text" if text is None else "field text must be a string"}
    try:
        return {"id": ident, **analyse(item)}
    except CollectguardError as exc:
        return {"id": ident, "error": str(exc)}
