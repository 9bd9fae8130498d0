"""Turn a CSV, JSON Lines or Parquet file into one lazy frame of string columns.

Each format keeps its own quirks here so that validation sees one shape: every
column a string, plus ``row`` (the 0-based record number in the file) and
``_line`` (an error that spoils the whole record, such as invalid JSON).
JSON Lines is staged through Python line by line because one truncated or badly
encoded line must cost that line only, never the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from collectguard.audit.schema import COLUMNS, REQUIRED
from collectguard.errors import ValidationError

_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_BATCH = 50_000


def log_format(path: Path) -> str:
    """The format a file name implies; anything else is refused with the accepted names."""
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise ValidationError(
            f"{path.name}: unknown log format {suffix or '(none)'}; use .csv, .jsonl or .parquet", field="LOG"
        )
    return _FORMATS[suffix]


def scan(path: Path, *, mapping: dict[str, str], staging: Path) -> pl.LazyFrame:
    """A lazy frame of the log with contract column names, strings only, ``row`` and ``_line``."""
    if not path.is_file():
        raise ValidationError(f"{path}: no such file", field="LOG")
    fmt = log_format(path)
    if fmt == "csv":
        frame = _scan_csv(path)
    elif fmt == "parquet":
        frame = _scan_parquet(path)
    else:
        frame = _scan_jsonl(path, mapping, staging)
    names = frame.collect_schema().names()
    renames = {old: new for old, new in mapping.items() if old in names and old != new}
    frame = frame.rename(renames)
    names = frame.collect_schema().names()
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        have = ", ".join(n for n in names if n not in ("row", "_line")) or "none"
        raise ValidationError(
            f"{path.name}: required column {', '.join(missing)} is absent (columns: {have}); "
            "rename with --map old=new",
            field="LOG",
        )
    extra = [pl.lit(None, dtype=pl.String).alias(c) for c in COLUMNS if c not in names]
    if "_line" not in names:
        extra.append(pl.lit(None, dtype=pl.String).alias("_line"))
    return frame.with_columns(extra).select("row", "_line", *COLUMNS)


def _scan_csv(path: Path) -> pl.LazyFrame:
    try:
        return pl.scan_csv(
            path,
            separator="\t" if path.suffix.lower() == ".tsv" else ",",
            infer_schema=False,
            encoding="utf8-lossy",
            truncate_ragged_lines=True,
            row_index_name="row",
        ).with_columns(pl.col("row").cast(pl.Int64))
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise ValidationError(f"{path.name}: cannot read as CSV: {exc}", field="LOG") from exc


def _scan_parquet(path: Path) -> pl.LazyFrame:
    try:
        frame = pl.scan_parquet(path)
        schema = frame.collect_schema()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise ValidationError(
            f"{path.name}: not a readable Parquet file (truncated or damaged?): {exc}", field="LOG"
        ) from exc
    casts = []
    for name, dtype in schema.items():
        if isinstance(dtype, pl.Datetime):
            # an aware column is an instant: write it with its offset; a naive one stays
            # naive so that validation refuses it rather than guessing UTC
            fmt = "%Y-%m-%dT%H:%M:%S%.f" + ("%:z" if dtype.time_zone else "")
            casts.append(pl.col(name).dt.strftime(fmt).alias(name))
        elif dtype != pl.String:
            casts.append(pl.col(name).cast(pl.String).alias(name))
    return frame.with_columns(casts).with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))


def _cell(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _scan_jsonl(path: Path, mapping: dict[str, str], staging: Path) -> pl.LazyFrame:
    """Stage JSON Lines into Parquet, keeping each bad line as a record with its error."""
    wanted = list(dict.fromkeys([*COLUMNS, *mapping]))
    seen: set[str] = set()
    schema = pa.schema([("row", pa.int64()), ("_line", pa.string())] + [(c, pa.string()) for c in wanted])
    target = staging / "staged.parquet"
    batch: dict[str, list[object]] = {name: [] for name in schema.names}

    def flush(writer: pq.ParquetWriter) -> None:
        writer.write_table(pa.table(batch, schema=schema))
        for column in batch.values():
            column.clear()

    with path.open("rb") as fh, pq.ParquetWriter(target, schema) as writer:
        for number, raw in enumerate(fh):
            if not raw.strip():
                continue
            item, error = _parse_line(raw)
            batch["row"].append(number)
            batch["_line"].append(error)
            for name in wanted:
                value = item.get(name) if item else None
                if value is not None:
                    seen.add(name)
                batch[name].append(_cell(value))
            if len(batch["row"]) >= _BATCH:
                flush(writer)
        flush(writer)
    frame = pl.scan_parquet(target)
    # a column no line carries is absent, exactly as a CSV without that header
    return frame.drop([name for name in wanted if name not in seen])


def _parse_line(raw: bytes) -> tuple[dict[str, object] | None, str | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"line is not UTF-8 (byte {exc.start})"
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON at column {exc.colno}: {exc.msg} (truncated line?)"
    if not isinstance(item, dict):
        return None, "each line must be a JSON object"
    return item, None


__all__ = ["log_format", "scan"]
