"""Redact streams of text, CSV or JSON Lines one line at a time, so any file size works.

Pure generators over lines: the caller opens files and counts bytes; nothing here does I/O.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from collectguard.errors import ValidationError
from collectguard.pii.crypto import Keyring
from collectguard.pii.operators import OPERATORS, anonymize
from collectguard.pii.registry import Registry, default_registry

__all__ = ["Redactor", "redact_csv", "redact_jsonl", "redact_lines"]


@dataclass(slots=True)
class Redactor:
    """One operator applied to every span found; counts what it replaced, by type."""

    operator: str = "mask"
    keyring: Keyring | None = None
    types: Collection[str] | None = None
    registry: Registry | None = None
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if self.operator not in OPERATORS:
            raise ValidationError(
                f"unknown operator {self.operator!r}; use one of {', '.join(OPERATORS)}", field="operator"
            )
        if self.operator in ("token", "encrypt") and self.keyring is None:
            raise ValidationError(f"operator {self.operator!r} needs a key", field="keyring")

    def __call__(self, text: str) -> str:
        registry = self.registry or default_registry()
        spans = registry.analyze(text, types=self.types)
        self.counts.update(s.type for s in spans)
        return anonymize(text, spans, operator=self.operator, keyring=self.keyring) if spans else text


def redact_lines(lines: Iterable[str], redactor: Redactor) -> Iterator[str]:
    """Plain text: each line redacted, its line ending kept."""
    for line in lines:
        body = line.rstrip("\r\n")
        yield redactor(body) + line[len(body) :]


def redact_csv(
    lines: Iterable[str], redactor: Redactor, columns: Sequence[str] | None = None
) -> Iterator[str]:
    """CSV with a header row: the named columns (all when ``columns`` is None) redacted."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return
    if columns:
        missing = [c for c in columns if c not in header]
        if missing:
            raise ValidationError(
                f"no such column(s): {', '.join(missing)}; the header has {', '.join(header)}",
                field="columns",
            )
    wanted = {i for i, name in enumerate(header) if not columns or name in columns}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in reader:
        writer.writerow([redactor(cell) if i in wanted else cell for i, cell in enumerate(row)])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def redact_jsonl(
    lines: Iterable[str], redactor: Redactor, fields: Sequence[str] = ("text",)
) -> Iterator[str]:
    """JSON Lines: the named string fields of each object redacted; a bad line stops the run."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            yield line
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                f"invalid JSON at column {exc.colno}: {exc.msg}", field=f"line {number}"
            ) from None
        if not isinstance(item, dict):
            raise ValidationError("each line must be a JSON object", field=f"line {number}")
        for name in fields:
            if isinstance(item.get(name), str):
                item[name] = redactor(item[name])
        yield json.dumps(item, ensure_ascii=False) + "\n"
