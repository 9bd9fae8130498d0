"""Batch-audit benchmark: wall time and peak memory beside DuckDB's read-and-sort floor.

For each ``--events N`` it writes a synthetic log without text (Parquet), times DuckDB
reading it and sorting by account and time (the floor of any audit: every row must be
read and ordered per account), then times ``collectguard audit`` on the same file. A
smaller log with message text measures throughput with screening. Every stage runs in
its own process; peak memory is the largest sum of RSS over that process and its
children, sampled every 50 ms.

    python bench/audit_bench.py --events 1000000 --events 10000000 --text-events 200000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

#: CPU seconds (user + system, the whole process tree) of each measured command, in order
CPU_USED: list[float] = []

FLOOR = """
import duckdb, sys
con = duckdb.connect()
con.execute("CREATE TEMP TABLE s AS SELECT * FROM read_parquet(?) ORDER BY account_id, started_at", [sys.argv[1]])
print(con.execute("SELECT count(*) FROM s").fetchone()[0])
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS of the process tree in MiB, and stdout; CPU seconds in CPU_USED."""
    began, cpu = time.perf_counter(), _cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    CPU_USED.append(_cpu() - cpu)
    return time.perf_counter() - began, peak / 2**20, out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from collectguard.cli.main import main; main()", *args]


def _sample(path: Path, events: int, *, text: bool, seed: int) -> float:
    flag = "--text" if text else "--no-text"
    seconds, _, _ = _measure(
        _cli("audit", "sample", "--events", str(events), "--out", str(path), "--seed", str(seed), flag)
    )
    return seconds


def _audit(log: Path, out: Path, workers: int, *, text: bool) -> tuple[float, float, int]:
    args = ["audit", str(log), "--pack", "cn", "--out", str(out), "--quiet", "--no-report"]
    args += ["--text" if text else "--no-text"]
    if workers:
        args += ["--workers", str(workers)]
    seconds, peak, _ = _measure(_cli(*args))
    with (out / "violations.jsonl").open("rb") as fh:
        violations = sum(1 for _ in fh)
    return seconds, peak, violations


def main() -> None:
    parser = argparse.ArgumentParser(description="collectguard batch-audit benchmark")
    parser.add_argument("--events", type=int, action="append", help="events without text (repeat)")
    parser.add_argument(
        "--text-events", type=int, default=200_000, help="events for the run with text (0: skip)"
    )
    parser.add_argument("--workers", type=int, default=0, help="audit processes (default: all cores)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    sizes = args.events or [1_000_000]
    rows = []
    print(
        f"cores: {os.cpu_count()}  workers: {args.workers or os.cpu_count()}  python: {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            log = work / f"log-{n}.parquet"
            gen = _sample(log, n, text=False, seed=args.seed)
            floor_s, floor_mb, _ = _measure([sys.executable, "-c", FLOOR, str(log)])
            floor_cpu = CPU_USED[-1]
            audit_s, audit_mb, violations = _audit(log, work / f"out-{n}", args.workers, text=False)
            rows.append(
                {
                    "events": n,
                    "text": False,
                    "generate_s": round(gen, 1),
                    "duckdb_floor_s": round(floor_s, 2),
                    "duckdb_floor_peak_mib": round(floor_mb),
                    "duckdb_floor_cpu_s": round(floor_cpu, 1),
                    "audit_cpu_s": round(CPU_USED[-1], 1),
                    "audit_s": round(audit_s, 1),
                    "audit_peak_mib": round(audit_mb),
                    "audit_over_floor": round(audit_s / floor_s, 1),
                    "events_per_s": round(n / audit_s),
                    "violations": violations,
                }
            )
            log.unlink()
            print(json.dumps(rows[-1]), flush=True)
        if args.text_events:
            n = args.text_events
            log = work / f"text-{n}.parquet"
            _sample(log, n, text=True, seed=args.seed)
            audit_s, audit_mb, violations = _audit(log, work / "out-text", args.workers, text=True)
            rows.append(
                {
                    "events": n,
                    "text": True,
                    "audit_s": round(audit_s, 1),
                    "audit_peak_mib": round(audit_mb),
                    "audit_cpu_s": round(CPU_USED[-1], 1),
                    "events_per_s": round(n / audit_s),
                    "violations": violations,
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    print(f"load average at the end: {os.getloadavg()} (other work on the machine inflates wall times)")
    print()
    print(
        f"{'events':>11} {'text':>5} {'duckdb floor s':>15} {'audit s':>9} {'× floor':>8} {'events/s':>10} {'peak MiB':>9}"
    )
    for r in rows:
        floor = f"{r['duckdb_floor_s']:.2f}" if "duckdb_floor_s" in r else "—"
        ratio = f"{r['audit_over_floor']:.1f}" if "audit_over_floor" in r else "—"
        print(
            f"{r['events']:>11,} {'yes' if r['text'] else 'no':>5} {floor:>15} {r['audit_s']:>9.1f} {ratio:>8}"
            f" {r['audit_cpu_s']:>12.1f}"
            f" {r['events_per_s']:>10,} {r['audit_peak_mib']:>9,}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
