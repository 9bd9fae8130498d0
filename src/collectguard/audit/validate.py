"""Validate a scanned log column by column, without stopping at the first bad record.

Every check is a Polars expression, so a ten-million-row log is validated in a
streaming pass. A failing check leaves its message in ``_e_<column>``; rows with no
message are audited, the others go to ``rejects.jsonl`` with file, row and column.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

import polars as pl
import pyarrow.parquet as pq

from collectguard.audit.schema import COLUMNS, LIST_SEPARATOR, REQUIRED
from collectguard.model import AccountState, Channel, Outcome, PartyRole

_ZONES = sorted(available_timezones())
_ISO = "%Y-%m-%dT%H:%M:%S%.f%z"
_OFFSET = r"([+-]\d{2}:?\d{2}|Z)$"
_NOT_UTF8 = "\ufffd"  # what a lossy decode leaves where the bytes were not UTF-8
ERROR_PREFIX = "_e_"


@dataclass(frozen=True, slots=True)
class RejectSummary:
    """How many records were refused, and why (column and message → count)."""

    records: int
    reasons: tuple[tuple[str, str, int], ...]


def _one_of(column: str, values: list[str]) -> pl.Expr:
    return pl.when(~pl.col(column).is_in(values)).then(
        pl.concat_str(pl.lit(f"{column} "), pl.col(column), pl.lit(f" is not one of: {', '.join(values)}"))
    )


def _each_of(column: str, values: list[str], what: str) -> pl.Expr:
    parts = pl.col(column).str.split(LIST_SEPARATOR).list.eval(pl.element().str.strip_chars())
    ok = parts.list.eval(pl.element().is_in(values)).list.all()
    return pl.when(pl.col(column).is_not_null() & (pl.col(column) != "") & ~ok).then(
        pl.concat_str(pl.lit(f"{what} "), pl.col(column), pl.lit(" is not recognised"))
    )


def _each_matches(column: str, pattern: str, what: str) -> pl.Expr:
    parts = pl.col(column).str.split(LIST_SEPARATOR).list.eval(pl.element().str.strip_chars())
    ok = parts.list.eval(pl.element().str.contains(pattern)).list.all()
    return pl.when(pl.col(column).is_not_null() & (pl.col(column) != "") & ~ok).then(
        pl.concat_str(pl.lit(f"{column} "), pl.col(column), pl.lit(f" is not a list of {what}"))
    )


_WINDOW = r"([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)"
#: the ISO weekdays a window of quiet hours holds on, after it ("00:00-24:00/6,7": the weekend)
_DAYS = r"/[1-7](,[1-7]){0,6}"


def _each_window(column: str, prefix: str, what: str, *, days: bool = False) -> pl.Expr:
    """Every item a local window (24:00 ends a day) whose start is before its end: zero-padded
    HH:MM compare as text as they do as times. With ``days``, a window may name its weekdays."""
    parts = pl.col(column).str.split(LIST_SEPARATOR).list.eval(pl.element().str.strip_chars())
    tail = f"({_DAYS})?$" if days else "$"
    well_formed = parts.list.eval(pl.element().str.contains(f"^{prefix}{_WINDOW}{tail}")).list.all()
    hours = parts.list.eval(pl.element().str.replace(f"{_DAYS}$", ""))
    ordered = hours.list.eval(pl.element().str.slice(-11, 5) < pl.element().str.slice(-5, 5)).list.all()
    return pl.when(pl.col(column).is_not_null() & (pl.col(column) != "") & ~(well_formed & ordered)).then(
        pl.concat_str(
            pl.lit(f"{column} "),
            pl.col(column),
            pl.lit(f" is not a list of {what}, each start before its end"),
        )
    )


def _timestamp() -> tuple[pl.Expr, pl.Expr]:
    """The parsed instant (UTC microseconds) and the message when it cannot be parsed."""
    text = (
        pl.col("started_at")
        .str.strip_chars()
        .str.replace(r"[Zz]$", "+00:00")
        .str.replace(r"^(.{10}) ", "${1}T")
    )
    parsed = text.str.to_datetime(_ISO, time_zone="UTC", strict=False)
    ts = parsed.dt.epoch("us")
    looks_naive = text.str.contains(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}") & ~text.str.contains(_OFFSET)
    error = (
        pl.when(parsed.is_not_null())
        .then(None)
        .when(looks_naive)
        .then(
            pl.concat_str(
                pl.lit("started_at "),
                pl.col("started_at"),
                pl.lit(" has no UTC offset; add one such as +08:00"),
            )
        )
        .otherwise(
            pl.concat_str(
                pl.lit("started_at "), pl.col("started_at"), pl.lit(" is not an ISO-8601 timestamp")
            )
        )
    )
    return ts, error


def checked(frame: pl.LazyFrame, *, candidate_zones: tuple[str, ...] = ()) -> pl.LazyFrame:
    """Add ``ts`` and one ``_e_<column>`` message column per check; fill defaults.

    An empty ``timezone`` means the borrower's zone is unknown: the packs' candidate
    zones apply (design.md), so it is an error only when the packs name none.
    """
    ts, ts_error = _timestamp()
    checks: dict[str, pl.Expr | None] = {
        "timezone": _each_of("timezone", _ZONES, "time zone"),
        "party_role": _one_of("party_role", [r.value for r in PartyRole]),
        "channel": _one_of("channel", [c.value for c in Channel]),
        "outcome": _one_of("outcome", [o.value for o in Outcome]),
        "started_at": ts_error,
        "states": _each_of("states", [s.value for s in AccountState], "account state"),
        "opted_out": _each_matches(
            "opted_out", rf"^[^:]+:({'|'.join(c.value for c in Channel)})$", "party_id:channel pairs"
        ),
        "consent_windows": _each_window("consent_windows", "", "HH:MM-HH:MM windows"),
        "quiet_hours": _each_window(
            "quiet_hours", r"[^:]+:", "party_id:HH:MM-HH:MM windows (with /6,7 for some weekdays)", days=True
        ),
    }
    errors = []
    for column in COLUMNS:
        rule = checks.get(column)
        missing = pl.col(column).is_null() | (pl.col(column).str.strip_chars() == "")
        expr: Any = pl.when(pl.col(column).str.contains(_NOT_UTF8, literal=True)).then(
            pl.lit(f"{column} holds bytes that are not UTF-8")
        )
        if column == "timezone" and not candidate_zones:
            expr = expr.when(missing).then(pl.lit("timezone is empty and the packs name no candidate zones"))
        elif column in REQUIRED and column not in ("party_id", "timezone"):
            expr = expr.when(missing).then(pl.lit(f"{column} is empty"))
        if rule is not None:
            expr = expr.otherwise(rule)
        errors.append(expr.alias(f"{ERROR_PREFIX}{column}"))
    return frame.with_columns(
        ts.alias("ts"),
        # the contract: party_id defaults to the party role
        pl.when(pl.col("timezone").is_null() | (pl.col("timezone").str.strip_chars() == ""))
        .then(pl.lit(LIST_SEPARATOR.join(candidate_zones)))
        .otherwise(pl.col("timezone"))
        .alias("timezone"),
        pl.when(pl.col("party_id").is_null() | (pl.col("party_id") == ""))
        .then(pl.col("party_role"))
        .otherwise(pl.col("party_id"))
        .alias("party_id"),
        *errors,
    )


def error_columns() -> list[str]:
    return ["_line", *(f"{ERROR_PREFIX}{c}" for c in COLUMNS)]


def is_good() -> pl.Expr:
    return pl.all_horizontal(pl.col(c).is_null() for c in error_columns())


def write_rejects(source: pl.LazyFrame, *, file_name: str, out: Path, staging: Path) -> RejectSummary:
    """``rejects.jsonl``: one line per bad field ``{"file", "row", "column", "error"}``.

    The bad rows are streamed through a Parquet file in ``staging`` and read back in
    batches, so a log that is mostly bad costs disk, not memory.
    """
    bad_path = staging / "rejects.parquet"
    source.filter(~is_good()).select("row", *error_columns()).sink_parquet(bad_path)
    reasons: Counter[tuple[str, str]] = Counter()
    records = 0
    with out.open("w", encoding="utf-8") as fh:
        for batch in pq.ParquetFile(bad_path).iter_batches(batch_size=50_000):
            for record in batch.to_pylist():
                records += 1
                # a line that is not a record at all (bad JSON, bad bytes) is one error, not one per column
                names = ["_line"] if record["_line"] is not None else error_columns()
                for name in names:
                    message = record[name]
                    if message is None:
                        continue
                    column = None if name == "_line" else name.removeprefix(ERROR_PREFIX)
                    reasons[(column or "(record)", _reason(message, column))] += 1
                    line = {"file": file_name, "row": record["row"], "column": column, "error": message}
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    ranked = tuple((col, why, n) for (col, why), n in reasons.most_common())
    return RejectSummary(records=records, reasons=ranked)


def _reason(message: str, column: str | None) -> str:
    """The message without the offending value, so the summary groups alike errors."""
    for marker in (
        " has no UTC offset",
        " is not an ISO-8601",
        " is not one of",
        " is not recognised",
        " is not a list of",
    ):
        if marker in message:
            return (column or "") + marker
    return message


__all__ = [
    "ERROR_PREFIX",
    "RejectSummary",
    "checked",
    "error_columns",
    "is_good",
    "write_rejects",
]
