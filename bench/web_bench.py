"""Server time per dashboard page over the demo data (target: under 300 ms each).

Seeds a fresh demo database (``--accounts``, default 300, as ``collectguard demo`` does)
or reuses ``--db``, then requests each page in-process through the ASGI app as the role
that works it, ``--repeat`` times, and prints median and worst times. In-process means no
network or browser time: what is measured is the server's work for the page.

    python bench/web_bench.py [--accounts 300] [--repeat 15] [--db PATH]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from collectguard.api import create_app
from collectguard.demo import reset_passwords, seed
from collectguard.service import Service
from collectguard.service.dashboard import count_rows
from collectguard.settings import Settings
from collectguard.store import Database
from collectguard.store.migrate import upgrade

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TARGET_MS = 300.0


def _prepare(db: Path, accounts: int) -> tuple[Service, dict[str, str]]:
    database = Database(str(db))
    upgrade(database)
    database.dispose()
    settings = Settings(db=str(db))
    service = Service(settings)
    if count_rows(service)["accounts"] == 0:
        started = time.perf_counter()
        summary = seed(settings, accounts=accounts, days=14, now=datetime.now(UTC))
        print(f"seeded {summary} in {time.perf_counter() - started:.1f} s")
    return service, reset_passwords(service)


def _time(client: TestClient, method: str, url: str, repeat: int, **kwargs: object) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 303), (url, response.status_code, response.text[:200])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", type=Path, default=None, help="reuse this demo database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        service, passwords = _prepare(args.db or Path(tmp) / "bench.db", args.accounts)
        rows = count_rows(service)
        print(
            f"data: {rows['accounts']} accounts, {rows['attempts']} contact attempts, {rows['users']} users"
        )
        client = TestClient(create_app(service=service), follow_redirects=False)
        plan: list[tuple[str, str, str, str, dict[str, object]]] = []
        client.post("/ui/login", data={"username": "collector", "password": passwords["collector"]})
        listing = client.get("/ui/workbench?mine=0").text
        account = re.findall(r"account=(acc_[0-9a-f]+)", listing)[0]
        plan += [
            ("collector", "工作台 list (mine)", "GET", "/ui/workbench", {}),
            ("collector", "工作台 list (all)", "GET", "/ui/workbench?mine=0", {}),
            ("collector", "工作台 account", "GET", f"/ui/workbench?account={account}", {}),
            (
                "collector",
                "screen as you type",
                "POST",
                "/ui/api/screen",
                {"json": {"text": "再不还钱就上门找你"}},
            ),
            ("supervisor", "质检 QA queue", "GET", "/ui/qa", {}),
            ("supervisor", "预警 alerts", "GET", "/ui/alerts", {}),
            ("supervisor", "投诉风险 risk queue (all accounts)", "GET", "/ui/risk", {}),
            ("supervisor", "统计 charts", "GET", "/ui/stats", {}),
            ("supervisor", "员工关怀 wellbeing", "GET", "/ui/wellbeing", {}),
            ("compliance", "审计 audit", "GET", "/ui/audit", {}),
            ("compliance", "审计 verify whole chain (action)", "POST", "/ui/audit/verify", {}),
            ("compliance", "审计 export JSON", "GET", f"/ui/audit/export?account={account}&fmt=json", {}),
            ("compliance", "规则 rules", "GET", "/ui/rules", {}),
        ]
        print(f"\n{'page':34} {'role':11} {'median ms':>10} {'max ms':>9}  target {TARGET_MS:.0f} ms")
        signed_in = None
        worst = 0.0
        for role, name, method, url, kwargs in plan:
            if role != signed_in:
                client.cookies.clear()
                client.post("/ui/login", data={"username": role, "password": passwords[role]})
                signed_in = role
            _time(client, method, url, 2, **kwargs)  # warm caches (packs, templates)
            times = _time(client, method, url, args.repeat, **kwargs)
            median = statistics.median(times)
            worst = max(worst, median)
            flag = "ok" if median < TARGET_MS else "SLOW"
            print(f"{name:34} {role:11} {median:10.1f} {max(times):9.1f}  {flag}")
        print(f"\nslowest median: {worst:.1f} ms ({'within' if worst < TARGET_MS else 'over'} the target)")
        print("(times include other processes on this machine; run on an idle machine for stable figures)")
        client.close()
        service.close()


if __name__ == "__main__":
    main()
