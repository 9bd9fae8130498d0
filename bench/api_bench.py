"""Throughput and latency of ``POST /v1/contact/check`` beside a no-op endpoint (``GET /healthz``).

Starts a real ``collectguard serve`` (one worker) on SQLite, and on PostgreSQL when the server on
127.0.0.1:5432 answers, seeds an account with a week of contact history, then drives each endpoint
with ``--concurrency`` keep-alive connections from this process and prints requests/s, p50 and
p99. Client and server share the machine, so the figures are a floor; the ratio is the point.

    python bench/api_bench.py [--requests 3000] [--concurrency 16] [--rounds 5] [--backend sqlite|postgres|both]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from collectguard.service import Actor, Service
from collectguard.store import Database
from collectguard.store.migrate import upgrade

SECRET = "bench-secret-key-of-enough-length"
PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _pg_schema() -> Iterator[str]:
    import psycopg

    name = f"cg_bench_{secrets.token_hex(4)}"
    dsn = PG.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield f"{PG}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def _seed(url: str) -> tuple[str, dict[str, str]]:
    db = Database(url)
    upgrade(db)
    db.dispose()
    service = Service.open(url, secret_key=SECRET)
    try:
        _, collector = service.create_user("bench-collector", "collector")
        admin_user, _ = service.create_user("bench-admin", "admin")
        admin = Actor(admin_user.id, admin_user.name, admin_user.role)
        account = service.create_account(
            {
                "external_id": "BENCH-1",
                "timezone": "Asia/Shanghai",
                "parties": [
                    {"role": "borrower", "name": "张三", "phone": "13812345678"},
                    {"role": "emergency_contact", "name": "李四", "phone": "13987654321"},
                ],
            },
            actor=admin,
        )
        borrower = account.parties[0].id
        now = datetime.now(UTC)
        for i in range(30):  # a busy week: 30 past contacts
            at = now - timedelta(days=7) + timedelta(hours=5 * i)
            outcome = "connected" if i % 4 == 0 else "no_answer"
            service.record_contact(account.id, borrower, "call", at, outcome, actor=admin)
    finally:
        service.close()
    return collector, {"account_id": account.id, "party_id": borrower, "channel": "call"}


@contextmanager
def _server(url: str) -> Iterator[str]:
    port = _free_port()
    exe = str(Path(sys.executable).parent / "collectguard")
    env = {**os.environ, "COLLECTGUARD_SECRET_KEY": SECRET, "COLLECTGUARD_LOG_LEVEL": "warning"}
    args = [exe, "serve", "--db", url, "--port", str(port), "--log-level", "warning"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"the server did not start:\n{log.read().decode(errors='replace')}")
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(10)


async def _drive(
    base: str, method: str, path: str, body: Any, key: str, total: int, concurrency: int
) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {key}"}
    latencies: list[float] = []
    failures = 0
    per_worker = total // concurrency

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        for _ in range(per_worker):
            start = time.perf_counter()
            response = await client.request(method, path, json=body, headers=headers)
            latencies.append(time.perf_counter() - start)
            failures += response.status_code >= 400

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(min(concurrency, 4))))  # warm-up
        latencies.clear()
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return {"latencies": latencies, "elapsed": elapsed, "failures": failures}


def _merge(parts: list[dict[str, Any]]) -> dict[str, float]:
    latencies = sorted(x for p in parts for x in p["latencies"])
    elapsed = sum(p["elapsed"] for p in parts)
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "failures": sum(p["failures"] for p in parts),
    }


def _bench(label: str, url: str, requests: int, concurrency: int, rounds: int) -> None:
    """Alternate the two endpoints in rounds so that a noisy neighbour hits both alike."""
    key, body = _seed(url)
    noop: list[dict[str, Any]] = []
    check: list[dict[str, Any]] = []
    with _server(url) as base:
        for _ in range(rounds):
            noop.append(
                asyncio.run(_drive(base, "GET", "/healthz", None, key, requests // rounds, concurrency))
            )
            check.append(
                asyncio.run(
                    _drive(base, "POST", "/v1/contact/check", body, key, requests // rounds, concurrency)
                )
            )
    ratios = sorted(
        len(c["latencies"]) / c["elapsed"] / (len(n["latencies"]) / n["elapsed"])
        for n, c in zip(noop, check, strict=True)
    )
    for name, r in (("GET /healthz (no-op)", _merge(noop)), ("POST /v1/contact/check", _merge(check))):
        print(
            f"{label:<10} {name:<24} {r['rps']:>8.0f} req/s   p50 {r['p50']:>6.2f} ms   "
            f"p99 {r['p99']:>6.2f} ms   errors {int(r['failures'])}"
        )
    print(
        f"{label:<10} check / no-op throughput: median of {rounds} rounds {statistics.median(ratios):.2f} "
        f"(min {ratios[0]:.2f}, max {ratios[-1]:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two endpoints")
    args = parser.parse_args()
    print(
        f"{args.requests} requests per endpoint in {args.rounds} alternating rounds, "
        f"{args.concurrency} connections, 1 server worker"
    )
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            _bench("sqlite", str(Path(tmp) / "bench.db"), args.requests, args.concurrency, args.rounds)
    if args.backend in ("postgres", "both"):
        try:
            schema = _pg_schema()
            url = schema.__enter__()
        except Exception as exc:
            print(f"postgres   skipped: {exc}")
            return
        try:
            _bench("postgres", url, args.requests, args.concurrency, args.rounds)
        finally:
            schema.__exit__(None, None, None)


if __name__ == "__main__":
    main()
