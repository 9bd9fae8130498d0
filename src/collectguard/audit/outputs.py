"""Gather the partitions' findings into the audit's files and its summary figures.

Partitions write Parquet files in any order; here DuckDB sorts them by log row
(external sort, bounded memory) and the result is streamed out as JSON Lines, so
the output is the same whichever engine or how many workers produced it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

_ORDER = "row, rule, category NULLS FIRST, start NULLS FIRST"
_BATCH = 20_000


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts for the terminal tables and the report; each list is ``(key, count)`` pairs."""

    by_rule: list[tuple[str, str, int]]  # rule, citation, count
    by_agency: list[tuple[str, int]]
    by_collector: list[tuple[str, int]]
    by_day: list[tuple[str, int]]
    top_accounts: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    changes_by_rule: list[tuple[str, int, int]]  # rule, newly denied, newly allowed
    changes_by_agency: list[tuple[str, int, int]]
    #: log rows with at least one violation
    violating_rows: int = 0


def _connect(memory_limit: str = "768MB") -> duckdb.DuckDBPyConnection:
    return duckdb.connect(config={"memory_limit": memory_limit})


def _glob(parts: Path, kind: str) -> str:
    return str(parts / f"{kind}-*.parquet").replace("'", "''")


def _has(parts: Path, kind: str) -> bool:
    return any(parts.glob(f"{kind}-*.parquet"))


def _records(con: duckdb.DuckDBPyConnection, query: str) -> Iterator[dict[str, Any]]:
    reader = con.sql(query).to_arrow_reader(_BATCH)
    for batch in reader:
        yield from batch.to_pylist()


def write_jsonl(parts: Path, kind: str, out: Path) -> int:
    """Sorted records as JSON Lines, leaving out empty fields (a contact rule has no category)."""
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        if not _has(parts, kind):
            return 0
        con = _connect()
        try:
            order = _ORDER if kind == "violations" else "row"
            for record in _records(
                con, f"SELECT * FROM read_parquet('{_glob(parts, kind)}') ORDER BY {order}"
            ):
                line = {k: v for k, v in record.items() if v is not None}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        finally:
            con.close()
    return count


def write_parquet(parts: Path, kind: str, out: Path) -> None:
    if not _has(parts, kind):
        return
    con = _connect()
    try:
        target = str(out).replace("'", "''")
        con.execute(
            f"COPY (SELECT * FROM read_parquet('{_glob(parts, kind)}') ORDER BY {_ORDER}) TO '{target}' (FORMAT PARQUET)"
        )
    finally:
        con.close()


def summarise(parts: Path, *, top: int = 15) -> Summary:
    con = _connect()
    try:
        v = f"read_parquet('{_glob(parts, 'violations')}')" if _has(parts, "violations") else None

        def pairs(column: str, limit: int | None = top, order: str = "n DESC, k") -> list[tuple[str, int]]:
            if v is None:
                return []
            tail = f" LIMIT {limit}" if limit else ""
            rows = con.execute(
                f"SELECT coalesce({column}, '—') AS k, count(*) AS n FROM {v} GROUP BY k ORDER BY {order}{tail}"
            ).fetchall()
            return [(str(k), int(n)) for k, n in rows]

        by_rule = (
            [
                (str(r), str(c), int(n))
                for r, c, n in con.execute(
                    f"SELECT rule, any_value(citation), count(*) AS n FROM {v} GROUP BY rule ORDER BY n DESC, rule"
                ).fetchall()
            ]
            if v
            else []
        )
        category = (
            [
                (str(k), int(n))
                for k, n in con.execute(
                    f"SELECT category, count(*) AS n FROM {v} WHERE category IS NOT NULL GROUP BY category "
                    "ORDER BY n DESC, category"
                ).fetchall()
            ]
            if v
            else []
        )
        changes_rule: list[tuple[str, int, int]] = []
        changes_agency: list[tuple[str, int, int]] = []
        if _has(parts, "changes"):
            c = f"read_parquet('{_glob(parts, 'changes')}')"
            changes_rule = [
                (str(r), int(d), int(a))
                for r, d, a in con.execute(
                    f"SELECT rule, sum(denied)::BIGINT AS d, sum(allowed)::BIGINT AS a FROM ("
                    f" SELECT unnest(added) AS rule, 1 AS denied, 0 AS allowed FROM {c}"
                    f" UNION ALL SELECT unnest(removed) AS rule, 0, 1 FROM {c})"
                    " GROUP BY rule ORDER BY d + a DESC, rule"
                ).fetchall()
            ]
            changes_agency = [
                (str(k), int(d), int(a))
                for k, d, a in con.execute(
                    f"SELECT coalesce(agency_id, '—') AS k, count(*) FILTER (change = 'newly_denied'),"
                    f" count(*) FILTER (change = 'newly_allowed') FROM {c} GROUP BY k ORDER BY k"
                ).fetchall()
            ]
        distinct = con.execute(f"SELECT count(DISTINCT row) FROM {v}").fetchone() if v else None
        return Summary(
            violating_rows=int(distinct[0]) if distinct else 0,
            by_rule=by_rule,
            by_agency=pairs("agency_id", None),
            by_collector=pairs("collector_id"),
            by_day=pairs("day", None, "k"),
            top_accounts=pairs("account_id", 10),
            by_category=category,
            changes_by_rule=changes_rule,
            changes_by_agency=changes_agency,
        )
    finally:
        con.close()


__all__ = ["Summary", "summarise", "write_jsonl", "write_parquet"]
