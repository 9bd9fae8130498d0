"""Split the accepted rows into partitions of whole accounts, on disk.

An account's history must be read in one place, so the partition key is a hash of
``account_id``. DuckDB writes the partitions with a bounded memory budget (it spills
to disk), which keeps the audit's peak memory independent of the log's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

#: rows per partition we aim for: small enough for one worker's memory, large enough
#: that per-partition overhead (a process hop, a Parquet read) is negligible
TARGET_ROWS = 200_000


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    path: Path
    rows: int


def partition_count(rows: int, workers: int) -> int:
    """At least two partitions per worker so that a slow one does not idle the rest."""
    return max(1, workers * 2, -(-rows // TARGET_ROWS))


def split(good: Path, out: Path, *, parts: int, memory_limit: str = "768MB") -> list[Partition]:
    """Write ``out/part=<i>/*.parquet`` from ``good`` and list the non-empty partitions."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": str(out / ".spill")})
    try:
        source = f"read_parquet('{_quoted(good)}')"
        con.execute(
            f"COPY (SELECT *, CAST(hash(account_id) % {parts} AS INTEGER) AS part FROM {source}) "
            f"TO '{_quoted(out)}' (FORMAT PARQUET, PARTITION_BY (part), OVERWRITE_OR_IGNORE true)"
        )
        counts = con.execute(
            f"SELECT CAST(hash(account_id) % {parts} AS INTEGER) AS part, count(*) FROM {source} "
            "GROUP BY part ORDER BY part"
        ).fetchall()
    finally:
        con.close()
    return [Partition(index=int(p), path=out / f"part={p}", rows=int(n)) for p, n in counts]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


__all__ = ["TARGET_ROWS", "Partition", "partition_count", "split"]
